import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { chinaDayStart, chinaToday } from "../../kernel/calendar";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { AccidentGrade } from "./accident-grade";
import { Accident } from "./accident.entity";
import { MeetingReport } from "./meeting-report.entity";

@ObjectType()
class GradeCount {
  @Field(() => AccidentGrade)
  grade: AccidentGrade;

  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;
}

@ObjectType()
class MonthCount {
  @Field(() => String, { description: "YYYY-MM, China time" })
  month: string;

  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;
}

@ObjectType({ description: "应急's section: production-safety accidents in the period of employers registered in the region" })
class AccidentStatistics {
  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;

  @Field(() => Int)
  seriousInjuries: number;

  @Field(() => [GradeCount], { description: "By grade, most severe first; grades with no accident are left out" })
  byGrade: GradeCount[];

  @Field(() => [MonthCount], { description: "Every month of the period, in order, by the China day the accident happened" })
  byMonth: MonthCount[];
}

const severity = [AccidentGrade.ESPECIALLY_MAJOR, AccidentGrade.MAJOR, AccidentGrade.LARGER, AccidentGrade.ORDINARY];

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => AccidentStatistics, { nullable: true })
  async accidentStatistics(@Root() report: MeetingReport, @Ctx() { db, clock }: SubgraphContext): Promise<AccidentStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const inScope = () =>
      db
        .getRepository(Accident)
        .createQueryBuilder("accident")
        .where("accident.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
        .andWhere("accident.occurredAt >= :from AND accident.occurredAt < :until", {
          from: chinaDayStart(scope.from),
          until: chinaDayStart(scope.until),
        });
    const rows = await inScope()
      .select("accident.grade", "grade")
      .addSelect("COUNT(*)", "accidents")
      .addSelect("SUM(accident.deaths)", "deaths")
      .addSelect("SUM(accident.seriousInjuries)", "seriousInjuries")
      .groupBy("accident.grade")
      .getRawMany<{ grade: AccidentGrade; accidents: string | number; deaths: string | number; seriousInjuries: string | number }>();
    const byGrade = rows
      .map((row) => ({
        grade: row.grade,
        accidents: Number(row.accidents),
        deaths: Number(row.deaths),
        seriousInjuries: Number(row.seriousInjuries),
      }))
      .sort((a, b) => severity.indexOf(a.grade) - severity.indexOf(b.grade));
    // A month is a China month, which no portable SQL date function gives: the moments are bucketed here.
    const moments = await inScope().select(["accident.occurredAt", "accident.deaths"]).getMany();
    const byMonth = scope.months.map((month) => ({ month, accidents: 0, deaths: 0 }));
    for (const accident of moments) {
      const month = byMonth[scope.months.indexOf(chinaToday(accident.occurredAt).slice(0, 7))];
      month.accidents += 1;
      month.deaths += accident.deaths;
    }
    const total = (key: "accidents" | "deaths" | "seriousInjuries") => byGrade.reduce((sum, row) => sum + row[key], 0);
    return {
      accidents: total("accidents"),
      deaths: total("deaths"),
      seriousInjuries: total("seriousInjuries"),
      byGrade: byGrade.map(({ grade, accidents, deaths }) => ({ grade, accidents, deaths })),
      byMonth,
    };
  }
}
