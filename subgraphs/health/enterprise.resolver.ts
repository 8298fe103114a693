import DataLoader from "dataloader";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import type { Loaders } from "../../kernel/loaders";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { HazardDeclaration } from "./hazard-declaration.entity";
import { ExaminationResult, HealthExamination, HealthExaminationSummary } from "./health-examination.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

/** One GROUP BY per request for every enterprise asked about, keyed on that request's loaders. */
const summaryLoaders = new WeakMap<Loaders, DataLoader<string, HealthExaminationSummary>>();

function summaryLoader(loaders: Loaders, db: DataSource): DataLoader<string, HealthExaminationSummary> {
  let loader = summaryLoaders.get(loaders);
  if (!loader) {
    loader = new DataLoader<string, HealthExaminationSummary>(async (creditCodes) => {
      const rows: { creditCode: string; result: ExaminationResult; count: string | number }[] = await db
        .getRepository(HealthExamination)
        .createQueryBuilder("examination")
        .select("examination.creditCode", "creditCode")
        .addSelect("examination.result", "result")
        .addSelect("COUNT(*)", "count")
        .where("examination.creditCode IN (:...creditCodes)", { creditCodes: [...creditCodes] })
        .groupBy("examination.creditCode")
        .addGroupBy("examination.result")
        .getRawMany();
      const summaries = new Map(
        creditCodes.map((code) => [code, { total: 0, normal: 0, recheck: 0, suspectedDisease: 0, contraindication: 0 }]),
      );
      const field: Record<ExaminationResult, keyof Omit<HealthExaminationSummary, "total">> = {
        NORMAL: "normal",
        RECHECK: "recheck",
        SUSPECTED_DISEASE: "suspectedDisease",
        CONTRAINDICATION: "contraindication",
      };
      for (const row of rows) {
        const summary = summaries.get(row.creditCode);
        if (!summary) continue;
        summary[field[row.result]] += Number(row.count);
        summary.total += Number(row.count);
      }
      return creditCodes.map((code) => summaries.get(code)!);
    });
    summaryLoaders.set(loaders, loader);
  }
  return loader;
}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [OccupationalDiseaseCase], { nullable: true, description: "Occupational-disease cases diagnosed among its workers" })
  occupationalDiseaseCases(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<OccupationalDiseaseCase[]> {
    return loaders.many(OccupationalDiseaseCase, "creditCode").load(enterprise.creditCode);
  }

  @FieldResolver(() => [HazardDeclaration], {
    nullable: true,
    description: "Its occupational-hazard project declarations (职业病危害项目申报)",
  })
  hazardDeclarations(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<HazardDeclaration[]> {
    return loaders.many(HazardDeclaration, "creditCode").load(enterprise.creditCode);
  }

  @FieldResolver(() => HealthExaminationSummary, {
    nullable: true,
    description: "Its workers' occupational health examinations counted by result",
  })
  healthExaminationSummary(@Root() enterprise: Enterprise, @Ctx() { loaders, db }: SubgraphContext): Promise<HealthExaminationSummary> {
    return summaryLoader(loaders, db).load(enterprise.creditCode);
  }
}
