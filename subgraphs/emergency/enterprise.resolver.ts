import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Accident } from "./accident.entity";
import { Enterprise } from "./enterprise.entity";
import { HazardInspection } from "./hazard-inspection.entity";
import { SafetyLicence } from "./safety-licence.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [Accident], { nullable: true, description: "Production-safety accidents at this enterprise" })
  accidents(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<Accident[]> {
    return loaders.many(Accident, "creditCode").load(enterprise.creditCode);
  }

  @FieldResolver(() => [HazardInspection], { nullable: true, description: "Hazard inspections (隐患排查) of this enterprise" })
  hazardInspections(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<HazardInspection[]> {
    return loaders.many(HazardInspection, "creditCode").load(enterprise.creditCode);
  }

  @FieldResolver(() => [SafetyLicence], { nullable: true, description: "Its work-safety licences (安全生产许可证)" })
  safetyLicences(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<SafetyLicence[]> {
    return loaders.many(SafetyLicence, "creditCode").load(enterprise.creditCode);
  }
}
