import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { addWorkingDays, chinaToday, inForceOn } from "../../kernel/calendar";
import { CorrectionReference, correctionReference, type CorrectionKey } from "../../kernel/corrections";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireRange, requireText } from "../../kernel/validate";
import { CorrectionRequest, CorrectionStatus } from "./correction-request.entity";
import { correctionRules } from "./correction.rules";
import { catalogue } from "./sharing-application.resolver";

@InputType()
class RaiseCorrectionInput {
  @Field(() => String, { description: '"Type.field" of the value believed wrong, e.g. Enterprise.name' })
  resource: string;

  @Field(() => String, { description: "The record's natural key: credit code, pid, licence or permit number..." })
  recordKey: string;

  @Field(() => String, { description: "The value the requester believes right" })
  proposedValue: string;

  @Field(() => String, { description: "What shows it" })
  evidence: string;
}

@InputType({ description: "The owner accepts after applying the correction as an ordinary update carrying correctionRef" })
class AcceptCorrectionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The version the correcting update wrote" })
  appliedVersion: number;
}

@InputType()
class RejectCorrectionInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Why the value stands" })
  reason: string;
}

@ArgsType()
class CorrectionRequestFilter extends PageArgs {
  @Field(() => CorrectionStatus, { nullable: true })
  status?: CorrectionStatus;

  @Field(() => Boolean, { nullable: true, description: "Only open requests past their answer date" })
  overdue?: boolean;
}

const CorrectionRequestConnection = Connection(CorrectionRequest);

/** A shared field one department owns: keys every department holds, and unshared fields, take no correction. */
function requireCorrectableResource(field: string, resource: string, requester: string): string {
  const entry = /^[A-Z]\w*\.[a-z]\w*$/.test(resource) ? catalogue().get(resource) : undefined;
  if (!entry) throw badUserInput(field, `${resource} 不是资源目录中的字段 (写作 类型.字段, 如 Enterprise.name)`);
  if (entry.owners.length !== 1) throw badUserInput(field, `${resource} 是各部门共同持有的关联键, 不能纠错`);
  const [owner] = entry.owners;
  if (owner === requester) throw badUserInput(field, `${resource} 由本部门 ${owner} 维护, 请直接更正`);
  if (entry.level !== "UNCONDITIONAL" && entry.level !== "CONDITIONAL") {
    throw badUserInput(field, `${resource} 未向其他部门共享 (${entry.level ?? "未分级"}), 不能纠错`);
  }
  return owner;
}

@Resolver(() => CorrectionRequest)
export class CorrectionRequestResolver {
  @Mutation(() => CorrectionRequest, {
    description: "Reports a shared value believed wrong to its owner, who answers within 10 working days",
  })
  async raiseCorrection(
    @Arg("input", () => RaiseCorrectionInput) input: RaiseCorrectionInput,
    @Ctx() { db, identity, clock }: SubgraphContext,
  ): Promise<CorrectionRequest> {
    const resource = input.resource.trim();
    const owner = requireCorrectableResource("input.resource", resource, identity.agency);
    const raisedAt = clock();
    const rules = inForceOn(correctionRules, chinaToday(raisedAt))!;
    const request = Object.assign(new CorrectionRequest(), {
      id: `CR-${randomUUID()}`,
      requester: identity.agency,
      raisedBy: identity.user,
      owner,
      resource,
      recordKey: requireText("input.recordKey", input.recordKey, 64),
      proposedValue: requireText("input.proposedValue", input.proposedValue, 1000),
      evidence: requireText("input.evidence", input.evidence, 2000),
      raisedAt,
      answerDueOn: addWorkingDays(chinaToday(raisedAt), rules.answerWithinWorkingDays),
      status: CorrectionStatus.OPEN,
      answeredAt: null,
      answeredBy: null,
      reason: null,
      appliedVersion: null,
    });
    await db.getRepository(CorrectionRequest).insert(request);
    return request;
  }

  @Mutation(() => CorrectionRequest, {
    description:
      "The owner's admin records the correction as applied: first saved in its own subgraph with correctionRef set to this request",
  })
  acceptCorrection(@Arg("input", () => AcceptCorrectionInput) input: AcceptCorrectionInput, @Ctx() context: SubgraphContext) {
    // Version 1 is a registration: a correction is always a later version.
    const appliedVersion = requireRange("input.appliedVersion", input.appliedVersion, 2, 2_147_483_647);
    return this.answer(input.id, context, { status: CorrectionStatus.ACCEPTED, appliedVersion });
  }

  @Mutation(() => CorrectionRequest, { description: "The owner's admin keeps the value, saying why" })
  rejectCorrection(@Arg("input", () => RejectCorrectionInput) input: RejectCorrectionInput, @Ctx() context: SubgraphContext) {
    return this.answer(input.id, context, { status: CorrectionStatus.REJECTED, reason: requireText("input.reason", input.reason, 1000) });
  }

  @Query(() => CorrectionRequestConnection, {
    description: "Correction requests the caller raised or must answer (the office and auditors see all)",
  })
  correctionRequests(
    @Args(() => CorrectionRequestFilter) filter: CorrectionRequestFilter,
    @Ctx() { db, identity, clock }: SubgraphContext,
  ) {
    const query = db.getRepository(CorrectionRequest).createQueryBuilder("request");
    if (identity.agency !== "coordination" && !identity.roles.includes("auditor")) {
      query.andWhere("(request.requester = :agency OR request.owner = :agency)", { agency: identity.agency });
    }
    if (filter.status) query.andWhere("request.status = :status", { status: filter.status });
    if (filter.overdue) {
      query.andWhere("request.status = :open AND request.answerDueOn < :today", {
        open: CorrectionStatus.OPEN,
        today: chinaToday(clock()),
      });
    }
    return paginate(query, "id", filter);
  }

  @FieldResolver(() => CorrectionReference, {
    nullable: true,
    description: "Whether the owner's record was corrected by an update naming this request, from the owner's own history",
  })
  appliedChange(@Root() request: CorrectionRequest): CorrectionKey | null {
    return correctionReference(request.owner, { requestId: request.id, resource: request.resource, recordKey: request.recordKey });
  }

  @FieldResolver(() => Boolean, { description: "Open past its answer date" })
  overdue(@Root() request: CorrectionRequest, @Ctx() { clock }: SubgraphContext): boolean {
    return request.status === CorrectionStatus.OPEN && request.answerDueOn < chinaToday(clock());
  }

  private answer(id: string, { db, identity, clock }: SubgraphContext, change: Partial<CorrectionRequest>): Promise<CorrectionRequest> {
    return db.transaction(async (manager) => {
      const request = await manager.getRepository(CorrectionRequest).findOneBy({ id });
      if (!request) throw badUserInput("input.id", `没有编号为 ${id} 的纠错申请`);
      requireOwnDepartment(identity, request.owner);
      if (request.status !== CorrectionStatus.OPEN) throw badUserInput("input.id", `纠错申请已答复 (${request.status}), 不能再次答复`);
      Object.assign(request, { answeredAt: clock(), answeredBy: `${identity.agency}/${identity.user}` }, change);
      await manager.getRepository(CorrectionRequest).save(request);
      return request;
    });
  }
}
