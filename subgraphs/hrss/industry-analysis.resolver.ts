import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { countOf, divisionFrom, yearBuckets, type RawCount } from "../../kernel/buckets";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAnalysisScope } from "../../kernel/validate";
import { IndustryAnalysis, InsuredIndustryFigures } from "./industry-analysis.entity";
import { InjuryRecognition, RecognitionStatus } from "./injury-recognition.entity";
import { InsuredCohort } from "./insured-cohort.entity";

interface Row {
  division: string | null;
  bucketYear: RawCount;
  counted: RawCount;
}

@Resolver(() => IndustryAnalysis)
export class IndustryAnalysisResolver {
  @FieldResolver(() => [InsuredIndustryFigures], {
    nullable: true,
    description:
      "人社's figures by division and year: insured headcount and recognised injuries (employers placed by their registered region)",
  })
  async insuredFigures(@Root() analysis: IndustryAnalysis, @Ctx() { db, clock }: SubgraphContext): Promise<InsuredIndustryFigures[]> {
    const scope = requireAnalysisScope(analysis.regionCode, analysis.fromYear, analysis.toYear, clock());
    const injuryYears = yearBuckets("recognition.injuredOn", scope.years, "date");
    const [insured, injuries] = await Promise.all([
      // Counted by the year insurance began, not bucketed: the loop below carries each year forward.
      db
        .getRepository(InsuredCohort)
        .createQueryBuilder("cohort")
        .select("cohort.division", "division")
        .addSelect("cohort.insuredYear", "bucketYear")
        .addSelect("SUM(cohort.headcount)", "counted")
        .where("cohort.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
        .andWhere("cohort.insuredYear <= :toYear", { toYear: scope.years[scope.years.length - 1] })
        .groupBy("cohort.division")
        .addGroupBy("cohort.insuredYear")
        .getRawMany<Row>(),
      db
        .getRepository(InjuryRecognition)
        .createQueryBuilder("recognition")
        .select("recognition.employerDivision", "division")
        .addSelect(injuryYears.expression, "bucketYear")
        .addSelect("COUNT(*)", "counted")
        .where("recognition.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
        .andWhere("recognition.injuredOn >= :from AND recognition.injuredOn < :until", { from: scope.from, until: scope.until })
        .andWhere("recognition.status = :recognised", { recognised: RecognitionStatus.RECOGNISED })
        .setParameters(injuryYears.parameters)
        .groupBy("division")
        .addGroupBy("bucketYear")
        .getRawMany<Row>(),
    ]);
    const figures = new Map<string, InsuredIndustryFigures>();
    const entry = (division: string | null, year: number) => {
      const key = `${division ?? ""}|${year}`;
      let found = figures.get(key);
      if (!found) figures.set(key, (found = { division, year, insuredHeadcount: 0, recognisedInjuries: 0 }));
      return found;
    };
    for (const row of insured) {
      // Insured by the end of a year means insured by the end of every later year of the span too; the register
      // keeps no end of insurance, so a person insured before the span counts from its first year.
      for (const year of scope.years.filter((candidate) => candidate >= countOf(row.bucketYear))) {
        entry(divisionFrom(row.division), year).insuredHeadcount += countOf(row.counted);
      }
    }
    for (const row of injuries) entry(divisionFrom(row.division), countOf(row.bucketYear)).recognisedInjuries += countOf(row.counted);
    return [...figures.values()].sort((a, b) => (a.division ?? "").localeCompare(b.division ?? "") || a.year - b.year);
  }
}
