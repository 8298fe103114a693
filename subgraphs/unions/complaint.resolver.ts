import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireIdNumber, requireLocalDate, requireNotFuture, requireOrder, requireText } from "../../kernel/validate";
import { Complaint, ComplaintCategory, ComplaintStatus } from "./complaint.entity";
import { Enterprise } from "./enterprise.entity";
import { PersonReference } from "./person.entity";
import { requireTransferDepartment } from "./unions.rules";

@ArgsType()
class ComplaintFilter extends PageArgs {
  @Field(() => ComplaintStatus, { nullable: true })
  status?: ComplaintStatus;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory;
}

@InputType({ description: "A complaint as received; transferred at once when transferredTo names a department" })
class ReceiveComplaintInput {
  @Field(() => String, { description: "YYYY-MM-DD, not in the future" })
  receivedOn: string;

  @Field(() => String, { description: "The employer complained about" })
  creditCode: string;

  @Field(() => ComplaintCategory)
  category: ComplaintCategory;

  @Field(() => String, { description: "At most 500 characters" })
  summary: string;

  @Field(() => String, { nullable: true, description: "公民身份号码 of a complainant who gives it; stored only as the pseudonymous pid" })
  complainantIdNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: "转办: the department that handles it (hrss, emergency, health, transport, housing, coordination)",
  })
  transferredTo?: string;
}

@InputType({ description: "How and when a complaint was settled (办结)" })
class ResolveComplaintInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before receivedOn and not in the future" })
  resolvedOn: string;

  @Field(() => String, { description: "At most 500 characters" })
  resolution: string;
}

const ComplaintConnection = Connection(Complaint);

const optional = (value: string | null | undefined) => (value === undefined || value === null ? null : value);

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => ComplaintConnection)
  complaints(@Args(() => ComplaintFilter) filter: ComplaintFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Complaint).createQueryBuilder("complaint");
    if (filter.status) query.andWhere("complaint.status = :status", { status: filter.status });
    if (filter.category) query.andWhere("complaint.category = :category", { category: filter.category });
    return paginate(query, "id", filter);
  }

  @Mutation(() => Complaint)
  async receiveComplaint(
    @Arg("input", () => ReceiveComplaintInput) input: ReceiveComplaintInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<Complaint> {
    requireOwnDepartment(identity, "unions");
    const receivedOn = requireLocalDate("input.receivedOn", input.receivedOn);
    requireNotFuture("input.receivedOn", receivedOn, clock());
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    const summary = requireText("input.summary", input.summary, 500);
    const idNumber = optional(input.complainantIdNumber);
    const complainantPid =
      idNumber === null ? null : pseudonymise(requireIdNumber("input.complainantIdNumber", idNumber, clock()).normalized);
    const transferValue = optional(input.transferredTo);
    const transferredTo = transferValue === null ? null : requireTransferDepartment("input.transferredTo", transferValue);
    const id = `CP-${randomUUID()}`;
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(Complaint);
      await repository.insert({
        id,
        receivedOn,
        creditCode,
        category: input.category,
        summary,
        complainantPid,
        status: transferredTo ? ComplaintStatus.TRANSFERRED : ComplaintStatus.RECEIVED,
        transferredTo,
        resolvedOn: null,
        resolution: null,
      });
      return repository.findOneByOrFail({ id });
    });
  }

  @Mutation(() => Complaint)
  async resolveComplaint(
    @Arg("input", () => ResolveComplaintInput) input: ResolveComplaintInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Complaint> {
    requireOwnDepartment(identity, "unions");
    const resolvedOn = requireLocalDate("input.resolvedOn", input.resolvedOn);
    requireNotFuture("input.resolvedOn", resolvedOn, clock());
    const resolution = requireText("input.resolution", input.resolution, 500);
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(Complaint);
      const complaint = await repository.findOneBy({ id: input.id });
      if (!complaint) throw badUserInput("input.id", `没有编号为 ${input.id} 的投诉`);
      if (complaint.status === ComplaintStatus.RESOLVED) throw badUserInput("input.id", `投诉已于 ${complaint.resolvedOn} 办结`);
      requireOrder("input.resolvedOn", complaint.receivedOn, resolvedOn, "受理日期");
      await repository.update({ id: complaint.id }, { status: ComplaintStatus.RESOLVED, resolvedOn, resolution });
      return repository.findOneByOrFail({ id: complaint.id });
    });
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() complaint: Complaint): Enterprise {
    return { creditCode: complaint.creditCode };
  }

  @FieldResolver(() => PersonReference, { nullable: true, description: "The complainant by pid; null for an anonymous complaint" })
  complainant(@Root() complaint: Complaint): PersonReference | null {
    return complaint.complainantPid ? { pid: complaint.complainantPid } : null;
  }
}
