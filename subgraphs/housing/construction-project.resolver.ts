import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { ConstructionProject, ProjectStatus } from "./construction-project.entity";
import { Enterprise } from "./enterprise.entity";

@ArgsType()
class ConstructionProjectFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  regionCode?: string;

  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus;
}

const ConstructionProjectConnection = Connection(ConstructionProject);

@Resolver(() => ConstructionProject)
export class ConstructionProjectResolver {
  @Query(() => ConstructionProjectConnection)
  constructionProjects(@Args(() => ConstructionProjectFilter) filter: ConstructionProjectFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(ConstructionProject).createQueryBuilder("project");
    if (filter.regionCode) query.andWhere("project.regionCode = :region", { region: filter.regionCode });
    if (filter.status) query.andWhere("project.status = :status", { status: filter.status });
    return paginate(query, "permitNo", filter);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The general contractor; null while 人社 is unreachable" })
  contractor(@Root() project: ConstructionProject): Enterprise {
    return { creditCode: project.creditCode };
  }
}
