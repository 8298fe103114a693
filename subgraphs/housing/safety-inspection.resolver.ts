import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireLocalDate, requireNotFuture, requireOrder, requireRange } from "../../kernel/validate";
import { ConstructionProject, ProjectStatus } from "./construction-project.entity";
import { ConstructionSafetyInspection } from "./safety-inspection.entity";

@ArgsType()
class ConstructionSafetyInspectionFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  projectPermitNo?: string;

  @Field(() => Boolean, { nullable: true })
  stopWorkOrdered?: boolean;
}

@InputType({ description: "A construction safety inspection as carried out" })
class RecordConstructionSafetyInspectionInput {
  @Field(() => String, { description: "施工许可证编号 of a registered project" })
  projectPermitNo: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before the permit and not in the future" })
  inspectedOn: string;

  @Field(() => Int, { description: "Hidden hazards found, 0 to 999" })
  hazards: number;

  @Field(() => Boolean, { description: "停工整改 ordered; only when hazards were found. Suspends the project." })
  stopWorkOrdered: boolean;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, required when hazards were found, not before inspectedOn" })
  rectificationDueOn?: string;
}

const ConstructionSafetyInspectionConnection = Connection(ConstructionSafetyInspection);

@Resolver(() => ConstructionSafetyInspection)
export class ConstructionSafetyInspectionResolver {
  @Query(() => ConstructionSafetyInspectionConnection)
  constructionSafetyInspections(
    @Args(() => ConstructionSafetyInspectionFilter) filter: ConstructionSafetyInspectionFilter,
    @Ctx() { db }: SubgraphContext,
  ) {
    const query = db.getRepository(ConstructionSafetyInspection).createQueryBuilder("inspection");
    if (filter.projectPermitNo) query.andWhere("inspection.projectPermitNo = :permitNo", { permitNo: filter.projectPermitNo });
    if (filter.stopWorkOrdered !== undefined && filter.stopWorkOrdered !== null) {
      query.andWhere("inspection.stopWorkOrdered = :stopWork", { stopWork: filter.stopWorkOrdered });
    }
    return paginate(query, "id", filter);
  }

  @Mutation(() => ConstructionSafetyInspection)
  async recordConstructionSafetyInspection(
    @Arg("input", () => RecordConstructionSafetyInspectionInput) input: RecordConstructionSafetyInspectionInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<ConstructionSafetyInspection> {
    requireOwnDepartment(identity, "housing");
    const inspectedOn = requireLocalDate("input.inspectedOn", input.inspectedOn);
    requireNotFuture("input.inspectedOn", inspectedOn, clock());
    const hazards = requireRange("input.hazards", input.hazards, 0, 999);
    if (input.stopWorkOrdered && hazards === 0) throw badUserInput("input.stopWorkOrdered", "未发现隐患时不能责令停工");
    const dueOn =
      input.rectificationDueOn === undefined || input.rectificationDueOn === null
        ? null
        : requireLocalDate("input.rectificationDueOn", input.rectificationDueOn);
    if (hazards > 0 && !dueOn) throw badUserInput("input.rectificationDueOn", "发现隐患时必须填写整改期限");
    if (hazards === 0 && dueOn) throw badUserInput("input.rectificationDueOn", "未发现隐患时不填写整改期限");
    if (dueOn) requireOrder("input.rectificationDueOn", inspectedOn, dueOn, "input.inspectedOn");
    return db.transaction(async (manager) => {
      const projects = manager.getRepository(ConstructionProject);
      const project = await projects.findOneBy({ permitNo: input.projectPermitNo.trim() });
      if (!project) throw badUserInput("input.projectPermitNo", `没有施工许可证编号为 ${input.projectPermitNo} 的建设工程项目`);
      requireOrder("input.inspectedOn", project.permitIssuedOn, inspectedOn, "施工许可发证日期");
      const id = `CSI-${randomUUID()}`;
      const repository = manager.getRepository(ConstructionSafetyInspection);
      await repository.insert({
        id,
        projectPermitNo: project.permitNo,
        inspectedOn,
        hazards,
        stopWorkOrdered: input.stopWorkOrdered,
        rectificationDueOn: dueOn,
      });
      if (input.stopWorkOrdered) await projects.update({ permitNo: project.permitNo }, { status: ProjectStatus.SUSPENDED });
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => ConstructionProject)
  async project(@Root() inspection: ConstructionSafetyInspection, @Ctx() { loaders }: SubgraphContext): Promise<ConstructionProject> {
    const project = await loaders.one(ConstructionProject, "permitNo").load(inspection.projectPermitNo);
    if (!project) throw new Error(`inspection ${inspection.id} points at missing project ${inspection.projectPermitNo}`);
    return project;
  }
}
