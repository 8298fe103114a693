import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAsOf, requireCreditCode, requireLocalDate, requireNotFuture, requireOrder, requireText } from "../../kernel/validate";
import { nextInspectionId, requireDepartment, requireParticipants } from "./coordination.rules";
import { DepartmentFinding } from "./department-finding.entity";
import { Enterprise } from "./enterprise.entity";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";

@ArgsType()
class JointInspectionFilter extends PageArgs {
  @Field(() => InspectionStatus, { nullable: true })
  status?: InspectionStatus;
}

@ArgsType()
class OverdueRectificationFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, the day to judge by; today when omitted" })
  asOf?: string;
}

@InputType({ description: "A joint inspection to plan; numbered LJ-<year>-<serial> by its planned year" })
class PlanJointInspectionInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { description: "The leading department: hrss emergency health transport housing unions coordination" })
  leadAgency: string;

  @Field(() => [String], { description: "Every participating department, the lead among them" })
  agencies: string[];

  @Field(() => String, { description: "YYYY-MM-DD" })
  plannedOn: string;
}

@InputType({ description: "An enterprise to inspect in a joint inspection that is not closed" })
class AddInspectionTargetInput {
  @Field(() => ID)
  inspectionId: string;

  @Field(() => String)
  creditCode: string;
}

@InputType({ description: "What was found at a target and, when something must be put right, by when" })
class RecordInspectionFindingsInput {
  @Field(() => ID)
  targetId: string;

  @Field(() => String, { description: "At most 500 characters" })
  findings: string;

  @Field(() => String, {
    nullable: true,
    description: "整改期限, YYYY-MM-DD, not before the inspection's planned day; omitted when nothing needs rectifying",
  })
  rectificationDueOn?: string;
}

@InputType({ description: "The office's confirmation that a target put its findings right (整改复查)" })
class ConfirmRectificationInput {
  @Field(() => ID)
  targetId: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before the planned day and not in the future" })
  rectifiedOn: string;
}

@InputType()
class CloseJointInspectionInput {
  @Field(() => ID)
  id: string;
}

const JointInspectionConnection = Connection(JointInspection);
const InspectionTargetConnection = Connection(InspectionTarget);

async function openInspection(manager: EntityManager, field: string, id: string): Promise<JointInspection> {
  const inspection = await manager.getRepository(JointInspection).findOneBy({ id });
  if (!inspection) throw badUserInput(field, `没有编号为 ${id} 的联合检查`);
  if (inspection.status === InspectionStatus.CLOSED) throw badUserInput(field, `联合检查 ${inspection.id} 已结束`);
  return inspection;
}

export async function targetOfOpenInspection(
  manager: EntityManager,
  targetId: string,
): Promise<{ target: InspectionTarget; inspection: JointInspection }> {
  const target = await manager.getRepository(InspectionTarget).findOneBy({ id: targetId });
  if (!target) throw badUserInput("input.targetId", `没有编号为 ${targetId} 的检查对象`);
  return { target, inspection: await openInspection(manager, "input.targetId", target.inspectionId) };
}

@Resolver(() => JointInspection)
export class JointInspectionResolver {
  @Query(() => JointInspectionConnection)
  jointInspections(@Args(() => JointInspectionFilter) filter: JointInspectionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(JointInspection).createQueryBuilder("inspection");
    if (filter.status) query.andWhere("inspection.status = :status", { status: filter.status });
    return paginate(query, "id", filter);
  }

  @Query(() => InspectionTargetConnection, {
    description: "Targets whose rectification deadline has passed without a confirmed rectification",
  })
  overdueRectifications(@Args(() => OverdueRectificationFilter) filter: OverdueRectificationFilter, @Ctx() { db, clock }: SubgraphContext) {
    const asOf = requireAsOf("asOf", filter.asOf, clock());
    const query = db
      .getRepository(InspectionTarget)
      .createQueryBuilder("target")
      .where("target.rectificationDueOn < :asOf", { asOf })
      .andWhere("target.rectifiedOn IS NULL");
    return paginate(query, "id", filter);
  }

  @Mutation(() => JointInspection)
  async planJointInspection(
    @Arg("input", () => PlanJointInspectionInput) input: PlanJointInspectionInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<JointInspection> {
    requireOwnDepartment(identity, "coordination");
    const title = requireText("input.title", input.title, 200);
    const leadAgency = requireDepartment("input.leadAgency", input.leadAgency);
    const agencies = requireParticipants("input.agencies", input.agencies, leadAgency);
    const plannedOn = requireLocalDate("input.plannedOn", input.plannedOn);
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(JointInspection);
      const ofYear = await repository
        .createQueryBuilder("inspection")
        .select("inspection.id")
        .where("inspection.id LIKE :prefix", { prefix: `LJ-${plannedOn.slice(0, 4)}-%` })
        .getMany();
      const id = nextInspectionId(
        plannedOn.slice(0, 4),
        ofYear.map((inspection) => inspection.id),
      );
      await repository.insert({ id, title, leadAgency, agencies, plannedOn, status: InspectionStatus.PLANNED });
      return repository.findOneByOrFail({ id });
    });
  }

  @Mutation(() => JointInspection, {
    description: "Closes an inspection once every member department has findings, or a recorded reason, at every target",
  })
  async closeJointInspection(
    @Arg("input", () => CloseJointInspectionInput) input: CloseJointInspectionInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<JointInspection> {
    requireOwnDepartment(identity, "coordination");
    return db.transaction(async (manager) => {
      const inspection = await openInspection(manager, "input.id", input.id);
      const targets = await manager.getRepository(InspectionTarget).find({ where: { inspectionId: inspection.id }, order: { id: "ASC" } });
      if (!targets.length) throw badUserInput("input.id", "联合检查还没有检查对象, 不能结束");
      const recorded = await manager.getRepository(DepartmentFinding).find({ where: { inspectionId: inspection.id } });
      const pending = targets.flatMap((target) => {
        const missing = inspection.agencies.filter(
          (agency) => !recorded.some((row) => row.targetId === target.id && row.agency === agency),
        );
        return missing.length ? [`${target.creditCode}（${missing.join("、")}）`] : [];
      });
      if (pending.length) throw badUserInput("input.id", `尚缺成员单位的检查结果或未记录原因：${pending.join("；")}`);
      await manager.getRepository(JointInspection).update({ id: inspection.id }, { status: InspectionStatus.CLOSED });
      return manager.getRepository(JointInspection).findOneByOrFail({ id: inspection.id });
    });
  }

  @FieldResolver(() => [InspectionTarget])
  targets(@Root() inspection: JointInspection, @Ctx() { loaders }: SubgraphContext): Promise<InspectionTarget[]> {
    return loaders.many(InspectionTarget, "inspectionId").load(inspection.id);
  }
}

@Resolver(() => InspectionTarget)
export class InspectionTargetResolver {
  @Mutation(() => InspectionTarget)
  async addInspectionTarget(
    @Arg("input", () => AddInspectionTargetInput) input: AddInspectionTargetInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<InspectionTarget> {
    requireOwnDepartment(identity, "coordination");
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    return db.transaction(async (manager) => {
      const inspection = await openInspection(manager, "input.inspectionId", input.inspectionId);
      const id = `${inspection.id}-${creditCode}`;
      const repository = manager.getRepository(InspectionTarget);
      if (await repository.existsBy({ id }))
        throw badUserInput("input.creditCode", `${creditCode} 已是联合检查 ${inspection.id} 的检查对象`);
      await repository.insert({ id, inspectionId: inspection.id, creditCode, findings: null, rectificationDueOn: null, rectifiedOn: null });
      return repository.findOneByOrFail({ id });
    });
  }

  @Mutation(() => InspectionTarget, { description: "Records findings at a target; the inspection is then in progress" })
  async recordInspectionFindings(
    @Arg("input", () => RecordInspectionFindingsInput) input: RecordInspectionFindingsInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<InspectionTarget> {
    requireOwnDepartment(identity, "coordination");
    const findings = requireText("input.findings", input.findings, 500);
    const dueOn =
      input.rectificationDueOn === undefined || input.rectificationDueOn === null
        ? null
        : requireLocalDate("input.rectificationDueOn", input.rectificationDueOn);
    return db.transaction(async (manager) => {
      const { target, inspection } = await targetOfOpenInspection(manager, input.targetId);
      if (dueOn) requireOrder("input.rectificationDueOn", inspection.plannedOn, dueOn, "计划检查日期");
      await manager.getRepository(InspectionTarget).update({ id: target.id }, { findings, rectificationDueOn: dueOn, rectifiedOn: null });
      if (inspection.status === InspectionStatus.PLANNED)
        await manager.getRepository(JointInspection).update({ id: inspection.id }, { status: InspectionStatus.IN_PROGRESS });
      return manager.getRepository(InspectionTarget).findOneByOrFail({ id: target.id });
    });
  }

  @Mutation(() => InspectionTarget)
  async confirmRectification(
    @Arg("input", () => ConfirmRectificationInput) input: ConfirmRectificationInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<InspectionTarget> {
    requireOwnDepartment(identity, "coordination");
    const rectifiedOn = requireLocalDate("input.rectifiedOn", input.rectifiedOn);
    requireNotFuture("input.rectifiedOn", rectifiedOn, clock());
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(InspectionTarget);
      const target = await repository.findOneBy({ id: input.targetId });
      if (!target) throw badUserInput("input.targetId", `没有编号为 ${input.targetId} 的检查对象`);
      if (target.rectifiedOn) throw badUserInput("input.targetId", `该检查对象的整改已于 ${target.rectifiedOn} 确认`);
      if (!target.rectificationDueOn) throw badUserInput("input.targetId", "该检查对象没有整改期限, 无需整改");
      const inspection = await manager.getRepository(JointInspection).findOneByOrFail({ id: target.inspectionId });
      requireOrder("input.rectifiedOn", inspection.plannedOn, rectifiedOn, "计划检查日期");
      await repository.update({ id: target.id }, { rectifiedOn });
      return repository.findOneByOrFail({ id: target.id });
    });
  }

  @FieldResolver(() => JointInspection)
  async inspection(@Root() target: InspectionTarget, @Ctx() { loaders }: SubgraphContext): Promise<JointInspection> {
    const inspection = await loaders.one(JointInspection, "id").load(target.inspectionId);
    if (!inspection) throw new Error(`inspection target ${target.id} points at missing inspection ${target.inspectionId}`);
    return inspection;
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() target: InspectionTarget): Enterprise {
    return { creditCode: target.creditCode };
  }
}
