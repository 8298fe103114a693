import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { MeetingReport } from "./meeting-report.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

@ObjectType()
class CategoryCount {
  @Field(() => String)
  categoryName: string;

  @Field(() => Int)
  cases: number;
}

@ObjectType({ description: "卫健's section: occupational disease diagnosed in the period among employers registered in the region" })
class OccupationalDiseaseStatistics {
  @Field(() => Int)
  newCases: number;

  @Field(() => [CategoryCount], { description: "By category, most cases first" })
  byCategory: CategoryCount[];
}

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => OccupationalDiseaseStatistics, { nullable: true })
  async occupationalDiseaseStatistics(
    @Root() report: MeetingReport,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<OccupationalDiseaseStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const rows = await db
      .getRepository(OccupationalDiseaseCase)
      .createQueryBuilder("diagnosis")
      .select("diagnosis.categoryName", "categoryName")
      .addSelect("COUNT(*)", "cases")
      .where("diagnosis.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .andWhere("diagnosis.diagnosedOn >= :from AND diagnosis.diagnosedOn < :until", { from: scope.from, until: scope.until })
      .groupBy("diagnosis.categoryName")
      .getRawMany<{ categoryName: string; cases: string | number }>();
    const byCategory = rows
      .map((row) => ({ categoryName: row.categoryName, cases: Number(row.cases) }))
      .sort((a, b) => b.cases - a.cases || a.categoryName.localeCompare(b.categoryName));
    return { newCases: byCategory.reduce((sum, row) => sum + row.cases, 0), byCategory };
  }
}
