import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { countOf, divisionFrom, divisionOf, yearBuckets, type RawCount } from "../../kernel/buckets";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAnalysisScope } from "../../kernel/validate";
import { IndustryAnalysis, OccupationalDiseaseIndustryFigures } from "./industry-analysis.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

@Resolver(() => IndustryAnalysis)
export class IndustryAnalysisResolver {
  @FieldResolver(() => [OccupationalDiseaseIndustryFigures], {
    nullable: true,
    description: "卫健's figures by division and year: new occupational-disease cases (employers placed by their registered region)",
  })
  async occupationalDiseaseFigures(
    @Root() analysis: IndustryAnalysis,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<OccupationalDiseaseIndustryFigures[]> {
    const scope = requireAnalysisScope(analysis.regionCode, analysis.fromYear, analysis.toYear, clock());
    const years = yearBuckets("diagnosis.diagnosedOn", scope.years, "date");
    const rows = await db
      .getRepository(OccupationalDiseaseCase)
      .createQueryBuilder("diagnosis")
      .select(divisionOf("diagnosis.industryCode"), "division")
      .addSelect(years.expression, "bucketYear")
      .addSelect("COUNT(*)", "newCases")
      .where("diagnosis.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .andWhere("diagnosis.diagnosedOn >= :from AND diagnosis.diagnosedOn < :until", { from: scope.from, until: scope.until })
      .setParameters(years.parameters)
      .groupBy("division")
      .addGroupBy("bucketYear")
      .getRawMany<{ division: string | null; bucketYear: RawCount; newCases: RawCount }>();
    return rows
      .map((row) => ({ division: divisionFrom(row.division), year: countOf(row.bucketYear), newCases: countOf(row.newCases) }))
      .sort((a, b) => (a.division ?? "").localeCompare(b.division ?? "") || a.year - b.year);
  }
}
