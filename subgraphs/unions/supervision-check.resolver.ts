import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate, requireNotFuture, requireOrder, requireRange } from "../../kernel/validate";
import { Enterprise } from "./enterprise.entity";
import { CheckStatus, SupervisionCheck } from "./supervision-check.entity";

@ArgsType()
class SupervisionCheckFilter extends PageArgs {
  @Field(() => CheckStatus, { nullable: true })
  status?: CheckStatus;
}

@InputType({ description: "A labour-protection supervision check as carried out" })
class RecordSupervisionCheckInput {
  @Field(() => String)
  creditCode: string;

  @Field(() => String, { description: "YYYY-MM-DD, not in the future" })
  checkedOn: string;

  @Field(() => Int, { description: "Hidden hazards found, 0 to 999" })
  hazardsFound: number;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, required when hazards were found, not before checkedOn" })
  rectificationDueOn?: string;
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

  @Mutation(() => SupervisionCheck, { description: "Records a check; with hazards it stays OPEN until rectified" })
  async recordSupervisionCheck(
    @Arg("input", () => RecordSupervisionCheckInput) input: RecordSupervisionCheckInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<SupervisionCheck> {
    requireOwnDepartment(identity, "unions");
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    const checkedOn = requireLocalDate("input.checkedOn", input.checkedOn);
    requireNotFuture("input.checkedOn", checkedOn, clock());
    const hazardsFound = requireRange("input.hazardsFound", input.hazardsFound, 0, 999);
    const dueOn =
      input.rectificationDueOn === undefined || input.rectificationDueOn === null
        ? null
        : requireLocalDate("input.rectificationDueOn", input.rectificationDueOn);
    if (hazardsFound > 0 && !dueOn) throw badUserInput("input.rectificationDueOn", "发现隐患时必须填写整改期限");
    if (hazardsFound === 0 && dueOn) throw badUserInput("input.rectificationDueOn", "未发现隐患时不填写整改期限");
    if (dueOn) requireOrder("input.rectificationDueOn", checkedOn, dueOn, "input.checkedOn");
    const id = `SC-${randomUUID()}`;
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(SupervisionCheck);
      await repository.insert({
        id,
        creditCode,
        checkedOn,
        hazardsFound,
        rectificationDueOn: dueOn,
        status: hazardsFound ? CheckStatus.OPEN : CheckStatus.RECTIFIED,
      });
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() check: SupervisionCheck): Enterprise {
    return { creditCode: check.creditCode };
  }
}
