import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireLocalDate } from "../../kernel/validate";
import { TrainingSession } from "./training-session.entity";

@ArgsType()
class TrainingSessionFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: sessions held on or after this day" })
  heldFrom?: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: sessions held on or before this day" })
  heldTo?: string;
}

const TrainingSessionConnection = Connection(TrainingSession);

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSessionConnection)
  trainingSessions(@Args(() => TrainingSessionFilter) filter: TrainingSessionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(TrainingSession).createQueryBuilder("session");
    if (filter.heldFrom) query.andWhere("session.heldOn >= :heldFrom", { heldFrom: requireLocalDate("heldFrom", filter.heldFrom) });
    if (filter.heldTo) query.andWhere("session.heldOn <= :heldTo", { heldTo: requireLocalDate("heldTo", filter.heldTo) });
    return paginate(query, "id", filter);
  }
}
