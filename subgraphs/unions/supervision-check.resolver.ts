import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { CheckStatus, SupervisionCheck } from "./supervision-check.entity";

@ArgsType()
class SupervisionCheckFilter extends PageArgs {
  @Field(() => CheckStatus, { nullable: true })
  status?: CheckStatus;
}

const SupervisionCheckConnection = Connection(SupervisionCheck);

@Resolver(() => SupervisionCheck)
export class SupervisionCheckResolver {
  @Query(() => SupervisionCheckConnection)
  supervisionChecks(@Args(() => SupervisionCheckFilter) filter: SupervisionCheckFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(SupervisionCheck).createQueryBuilder("supervision");
    if (filter.status) query.andWhere("supervision.status = :status", { status: filter.status });
    return paginate(query, "id", filter);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Resolved by its owning department; null while that department is unreachable" })
  enterprise(@Root() check: SupervisionCheck): Enterprise {
    return { creditCode: check.creditCode };
  }
}
