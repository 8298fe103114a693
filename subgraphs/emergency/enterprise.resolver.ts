import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Accident } from "./accident.entity";
import { Enterprise } from "./enterprise.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [Accident], { nullable: true, description: "Production-safety accidents at this enterprise" })
  accidents(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<Accident[]> {
    return loaders.many(Accident, "creditCode").load(enterprise.creditCode);
  }
}
