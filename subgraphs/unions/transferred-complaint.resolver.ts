import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput, lianfangError } from "../../kernel/errors";
import type { CallIdentity } from "../../kernel/identity";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireLocalDate, requireNotFuture, requireText } from "../../kernel/validate";
import { Complaint, ComplaintStatus } from "./complaint.entity";

@InputType({ description: "The receiving department accepts a complaint the union transferred to it (受理)" })
class AcceptTransferredComplaintInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before it was received, not in the future" })
  acceptedOn: string;
}

@InputType({ description: "The receiving department's answer (答复)" })
class AnswerTransferredComplaintInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "At most 1000 characters" })
  answer: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before acceptance, not in the future" })
  answeredOn: string;
}

@InputType({ description: "The receiving department closes an answered complaint (办结); the union sees the outcome" })
class CloseTransferredComplaintInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before the answer, not in the future" })
  closedOn: string;
}

function requireDay(field: string, value: string, notBefore: string, what: string, now: Date): string {
  const day = requireLocalDate(field, value);
  requireNotFuture(field, day, now);
  if (day < notBefore) throw badUserInput(field, `不能早于${what} ${notBefore}`);
  return day;
}

/** The open complaint transferred to the caller's department; only its admin acts on it. */
async function transferredToCaller(manager: EntityManager, identity: CallIdentity, id: string): Promise<Complaint> {
  const complaint = await manager.getRepository(Complaint).findOneBy({ id });
  if (!complaint) throw badUserInput("input.id", "没有这件投诉");
  if (complaint.transferredTo !== identity.agency) {
    throw lianfangError("FORBIDDEN", `这件投诉未转办给 ${identity.agency}`, {
      agency: identity.agency,
      transferredTo: complaint.transferredTo,
    });
  }
  requireOwnDepartment(identity, identity.agency);
  if (complaint.status !== ComplaintStatus.TRANSFERRED) throw badUserInput("input.id", `这件投诉已于 ${complaint.resolvedOn} 办结`);
  return complaint;
}

@Resolver(() => Complaint)
export class TransferredComplaintResolver {
  @Mutation(() => Complaint)
  acceptTransferredComplaint(
    @Arg("input", () => AcceptTransferredComplaintInput) input: AcceptTransferredComplaintInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Complaint> {
    return db.transaction(async (manager) => {
      const complaint = await transferredToCaller(manager, identity, input.id);
      if (complaint.acceptedOn) throw badUserInput("input.id", `这件投诉已于 ${complaint.acceptedOn} 受理`);
      const acceptedOn = requireDay("input.acceptedOn", input.acceptedOn, complaint.receivedOn, "工会收到投诉之日", clock());
      await manager.getRepository(Complaint).update({ id: complaint.id }, { acceptedOn, handledBy: `${identity.agency}/${identity.user}` });
      return manager.getRepository(Complaint).findOneByOrFail({ id: complaint.id });
    });
  }

  @Mutation(() => Complaint)
  answerTransferredComplaint(
    @Arg("input", () => AnswerTransferredComplaintInput) input: AnswerTransferredComplaintInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Complaint> {
    const answer = requireText("input.answer", input.answer, 1000);
    return db.transaction(async (manager) => {
      const complaint = await transferredToCaller(manager, identity, input.id);
      if (!complaint.acceptedOn) throw badUserInput("input.id", "须先受理才能答复");
      const answeredOn = requireDay("input.answeredOn", input.answeredOn, complaint.acceptedOn, "受理之日", clock());
      await manager
        .getRepository(Complaint)
        .update({ id: complaint.id }, { answer, answeredOn, handledBy: `${identity.agency}/${identity.user}` });
      return manager.getRepository(Complaint).findOneByOrFail({ id: complaint.id });
    });
  }

  @Mutation(() => Complaint)
  closeTransferredComplaint(
    @Arg("input", () => CloseTransferredComplaintInput) input: CloseTransferredComplaintInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Complaint> {
    return db.transaction(async (manager) => {
      const complaint = await transferredToCaller(manager, identity, input.id);
      if (!complaint.answer || !complaint.answeredOn) throw badUserInput("input.id", "须先答复才能办结");
      const resolvedOn = requireDay("input.closedOn", input.closedOn, complaint.answeredOn, "答复之日", clock());
      await manager
        .getRepository(Complaint)
        .update(
          { id: complaint.id },
          { status: ComplaintStatus.RESOLVED, resolvedOn, resolution: complaint.answer, handledBy: `${identity.agency}/${identity.user}` },
        );
      return manager.getRepository(Complaint).findOneByOrFail({ id: complaint.id });
    });
  }
}
