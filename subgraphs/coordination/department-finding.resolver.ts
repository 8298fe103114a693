import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput, lianfangError } from "../../kernel/errors";
import type { CallIdentity } from "../../kernel/identity";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireLocalDate, requireText } from "../../kernel/validate";
import { requireDepartment } from "./coordination.rules";
import { DepartmentFinding } from "./department-finding.entity";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";
import { targetOfOpenInspection } from "./joint-inspection.resolver";
import { Rectification, RectificationSource, RectificationState } from "./rectification.entity";

@InputType({ description: "A member department's own findings at one target of a joint inspection" })
class RecordDepartmentFindingsInput {
  @Field(() => ID)
  targetId: string;

  @Field(() => String, { description: "Hazards found, at most 500 characters (未发现问题 when none)" })
  hazards: string;

  @Field(() => String, { description: "The legal basis, at most 300 characters" })
  legalBasis: string;

  @Field(() => String, { nullable: true, description: "The rectification demanded; goes into the hub's rectification tracker" })
  rectificationDemanded?: string;

  @Field(() => String, { nullable: true, description: "整改期限, YYYY-MM-DD, not before the inspection; required with a demand" })
  rectificationDueOn?: string;
}

@InputType({ description: "The office records why a member department has no findings at a target" })
class RecordNoFindingsReasonInput {
  @Field(() => ID)
  targetId: string;

  @Field(() => String)
  agency: string;

  @Field(() => String, { description: "At most 500 characters" })
  reason: string;
}

const optional = (value: string | null | undefined) => (value === undefined || value === null ? null : value);

/** A department records findings only in a joint inspection it is a member of. */
function requireMember(identity: CallIdentity, inspection: JointInspection): void {
  if (!inspection.agencies.includes(identity.agency)) {
    throw lianfangError(
      "FORBIDDEN",
      `${identity.agency} 不是联合检查 ${inspection.id} 的成员单位（成员：${inspection.agencies.join("、")}）`,
      {
        agency: identity.agency,
        members: inspection.agencies,
      },
    );
  }
}

/** A member's one record at a target, findings or reason; a second is refused. Returns its id. */
async function insertFinding(
  manager: EntityManager,
  recorder: CallIdentity,
  recordedAt: Date,
  target: InspectionTarget,
  agency: string,
  content: Pick<DepartmentFinding, "hazards" | "legalBasis" | "rectificationDemanded" | "rectificationDueOn" | "noFindingsReason">,
): Promise<string> {
  const id = `${target.id}/${agency}`;
  const repository = manager.getRepository(DepartmentFinding);
  if (await repository.existsBy({ id })) throw badUserInput("input.targetId", `${agency} 对该检查对象的检查结果已有记录`);
  await repository.insert({
    id,
    targetId: target.id,
    inspectionId: target.inspectionId,
    agency,
    ...content,
    recordedBy: `${recorder.agency}/${recorder.user}`,
    recordedAt,
  });
  return id;
}

async function markInProgress(manager: EntityManager, inspection: JointInspection): Promise<void> {
  if (inspection.status === InspectionStatus.PLANNED)
    await manager.getRepository(JointInspection).update({ id: inspection.id }, { status: InspectionStatus.IN_PROGRESS });
}

@Resolver(() => InspectionTarget)
export class DepartmentFindingResolver {
  @Mutation(() => DepartmentFinding, {
    description: "A member department's admin records its own findings at a target; a demand enters the rectification tracker",
  })
  async recordDepartmentFindings(
    @Arg("input", () => RecordDepartmentFindingsInput) input: RecordDepartmentFindingsInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<DepartmentFinding> {
    requireOwnDepartment(identity, identity.agency);
    const hazards = requireText("input.hazards", input.hazards, 500);
    const legalBasis = requireText("input.legalBasis", input.legalBasis, 300);
    const demandText = optional(input.rectificationDemanded);
    const dueText = optional(input.rectificationDueOn);
    if ((demandText === null) !== (dueText === null)) {
      throw badUserInput(demandText === null ? "input.rectificationDemanded" : "input.rectificationDueOn", "整改要求和整改期限须同时填写");
    }
    const demanded = demandText === null ? null : requireText("input.rectificationDemanded", demandText, 500);
    const dueOn = dueText === null ? null : requireLocalDate("input.rectificationDueOn", dueText);
    return db.transaction(async (manager) => {
      const { target, inspection } = await targetOfOpenInspection(manager, input.targetId);
      requireMember(identity, inspection);
      if (dueOn !== null && dueOn < inspection.plannedOn) {
        throw badUserInput("input.rectificationDueOn", `整改期限不能早于检查日 ${inspection.plannedOn}`);
      }
      const id = await insertFinding(manager, identity, clock(), target, identity.agency, {
        hazards,
        legalBasis,
        rectificationDemanded: demanded,
        rectificationDueOn: dueOn,
        noFindingsReason: null,
      });
      if (demanded !== null && dueOn !== null) {
        await manager.getRepository(Rectification).insert({
          id: `${identity.agency}:${target.id}`,
          source: RectificationSource.JOINT_INSPECTION,
          sourceRecordId: target.id,
          demandingAgency: identity.agency,
          creditCode: target.creditCode,
          requirement: demanded,
          demandedOn: inspection.plannedOn,
          dueOn,
          state: RectificationState.OPEN,
          evidence: null,
          rejectionReason: null,
          reviewedBy: null,
          reviewedOn: null,
        });
      }
      await markInProgress(manager, inspection);
      return manager.getRepository(DepartmentFinding).findOneByOrFail({ id });
    });
  }

  @Mutation(() => DepartmentFinding, {
    description: "The office records why a member has no findings at a target, so the inspection can close",
  })
  async recordNoFindingsReason(
    @Arg("input", () => RecordNoFindingsReasonInput) input: RecordNoFindingsReasonInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<DepartmentFinding> {
    requireOwnDepartment(identity, "coordination");
    const agency = requireDepartment("input.agency", input.agency);
    const reason = requireText("input.reason", input.reason, 500);
    return db.transaction(async (manager) => {
      const { target, inspection } = await targetOfOpenInspection(manager, input.targetId);
      if (!inspection.agencies.includes(agency)) throw badUserInput("input.agency", `${agency} 不是联合检查 ${inspection.id} 的成员单位`);
      const id = await insertFinding(manager, identity, clock(), target, agency, {
        hazards: null,
        legalBasis: null,
        rectificationDemanded: null,
        rectificationDueOn: null,
        noFindingsReason: reason,
      });
      return manager.getRepository(DepartmentFinding).findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => [DepartmentFinding], { description: "Each member department's findings side by side, in department order" })
  departmentFindings(@Root() target: InspectionTarget, @Ctx() { loaders }: SubgraphContext): Promise<DepartmentFinding[]> {
    return loaders.many(DepartmentFinding, "targetId").load(target.id);
  }
}
