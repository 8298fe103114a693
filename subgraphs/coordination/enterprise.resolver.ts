import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { InspectionTarget } from "./joint-inspection.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [InspectionTarget], { nullable: true, description: "Joint inspections this enterprise was a target of" })
  jointInspections(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<InspectionTarget[]> {
    return loaders.many(InspectionTarget, "creditCode").load(enterprise.creditCode);
  }
}
