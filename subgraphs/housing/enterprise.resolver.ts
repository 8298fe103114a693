import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { ConstructionProject } from "./construction-project.entity";
import { Enterprise } from "./enterprise.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [ConstructionProject], { nullable: true, description: "Projects this enterprise builds as general contractor" })
  constructionProjects(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<ConstructionProject[]> {
    return loaders.many(ConstructionProject, "creditCode").load(enterprise.creditCode);
  }
}
