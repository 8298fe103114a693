import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { chinaDayStart } from "../../kernel/calendar";
import { countOf, divisionFrom, divisionOf, yearBuckets, type RawCount } from "../../kernel/buckets";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAnalysisScope } from "../../kernel/validate";
import { Accident } from "./accident.entity";
import { AccidentIndustryFigures, IndustryAnalysis } from "./industry-analysis.entity";

@Resolver(() => IndustryAnalysis)
export class IndustryAnalysisResolver {
  @FieldResolver(() => [AccidentIndustryFigures], {
    nullable: true,
    description: "应急's figures by division and year: accidents and deaths (employers placed by their registered region)",
  })
  async accidentFigures(@Root() analysis: IndustryAnalysis, @Ctx() { db, clock }: SubgraphContext): Promise<AccidentIndustryFigures[]> {
    const scope = requireAnalysisScope(analysis.regionCode, analysis.fromYear, analysis.toYear, clock());
    const years = yearBuckets("accident.occurredAt", scope.years, "moment");
    const rows = await db
      .getRepository(Accident)
      .createQueryBuilder("accident")
      .select(divisionOf("accident.industryCode"), "division")
      .addSelect(years.expression, "bucketYear")
      .addSelect("COUNT(*)", "accidents")
      .addSelect("SUM(accident.deaths)", "deaths")
      .where("accident.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .andWhere("accident.occurredAt >= :from AND accident.occurredAt < :until", {
        from: chinaDayStart(scope.from),
        until: chinaDayStart(scope.until),
      })
      .setParameters(years.parameters)
      .groupBy("division")
      .addGroupBy("bucketYear")
      .getRawMany<{ division: string | null; bucketYear: RawCount; accidents: RawCount; deaths: RawCount }>();
    return rows
      .map((row) => ({
        division: divisionFrom(row.division),
        year: countOf(row.bucketYear),
        accidents: countOf(row.accidents),
        deaths: countOf(row.deaths),
      }))
      .sort((a, b) => (a.division ?? "").localeCompare(b.division ?? "") || a.year - b.year);
  }
}
