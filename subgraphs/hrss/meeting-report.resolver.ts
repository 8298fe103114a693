import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { InjuryRecognition, RecognitionStatus } from "./injury-recognition.entity";
import { MeetingReport } from "./meeting-report.entity";

@ObjectType({ description: "人社's section: work injuries in the period of employers registered in the region" })
class InjuryStatistics {
  @Field(() => Int, { description: "Injuries in the period for which recognition was applied" })
  applications: number;

  @Field(() => Int, { description: "Of those, recognised as work injuries" })
  recognised: number;

  @Field(() => Int, { description: "Of those, with a work-ability impairment grade 1 to 4 (the most severe)" })
  severelyDisabled: number;
}

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => InjuryStatistics, { nullable: true })
  async injuryStatistics(@Root() report: MeetingReport, @Ctx() { db, clock }: SubgraphContext): Promise<InjuryStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const row = await db
      .getRepository(InjuryRecognition)
      .createQueryBuilder("recognition")
      .select("COUNT(*)", "applications")
      .addSelect("SUM(CASE WHEN recognition.status = :recognised THEN 1 ELSE 0 END)", "recognised")
      .addSelect("SUM(CASE WHEN recognition.disabilityGrade <= 4 THEN 1 ELSE 0 END)", "severelyDisabled")
      .where("recognition.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .andWhere("recognition.injuredOn >= :from AND recognition.injuredOn < :until", { from: scope.from, until: scope.until })
      .setParameter("recognised", RecognitionStatus.RECOGNISED)
      .getRawOne<{ applications: string | number; recognised: string | number | null; severelyDisabled: string | number | null }>();
    return {
      applications: Number(row?.applications ?? 0),
      recognised: Number(row?.recognised ?? 0),
      severelyDisabled: Number(row?.severelyDisabled ?? 0),
    };
  }
}
