import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { SupervisionCheck } from "./supervision-check.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [SupervisionCheck], { nullable: true, description: "Union labour-protection checks of this enterprise" })
  supervisionChecks(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<SupervisionCheck[]> {
    return loaders.many(SupervisionCheck, "creditCode").load(enterprise.creditCode);
  }
}
