import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Complaint } from "./complaint.entity";
import { Enterprise } from "./enterprise.entity";
import { SupervisionCheck } from "./supervision-check.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [SupervisionCheck], { nullable: true, description: "Union labour-protection checks of this enterprise" })
  supervisionChecks(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<SupervisionCheck[]> {
    return loaders.many(SupervisionCheck, "creditCode").load(enterprise.creditCode);
  }

  @FieldResolver(() => [Complaint], { nullable: true, description: "Workers' complaints about this enterprise received by the union" })
  complaints(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<Complaint[]> {
    return loaders.many(Complaint, "creditCode").load(enterprise.creditCode);
  }
}
