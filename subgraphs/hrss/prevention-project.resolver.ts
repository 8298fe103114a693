import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate, requireNotFuture, requireOrder, requireText } from "../../kernel/validate";
import { chinaToday } from "../../kernel/calendar";
import { FeeCategory } from "./fee-budget.entity";
import { fenToYuanText, yuanToFen } from "../../kernel/money";
import { FeeBudget } from "./fee-budget.entity";
import { PreventionProject, PreventionProjectStep, ProjectStatus, ServiceAgency } from "./prevention-project.entity";
import { barredUntil, prepaymentFen, projectStepId, projectTransitions } from "./prevention-project.rules";
import { moveStatus } from "./status-transition";

@ArgsType()
class ServiceAgencyFilter extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: "Only agencies barred today (true) or free to take projects (false)" })
  barred?: boolean;
}

@ArgsType()
class PreventionProjectFilter extends PageArgs {
  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus;

  @Field(() => String, { nullable: true })
  agencyCreditCode?: string;

  @Field(() => FeeCategory, { nullable: true })
  category?: FeeCategory;

  @Field(() => ID, { nullable: true, description: "Projects counted against one fee budget" })
  budgetId?: string;
}

@InputType()
class RegisterServiceAgencyInput {
  @Field(() => String)
  creditCode: string;

  @Field(() => String)
  name: string;
}

@InputType()
class ApplyForPreventionProjectInput {
  @Field(() => String, { description: "Credit code of a registered service agency" })
  agencyCreditCode: string;

  @Field(() => String)
  title: string;

  @Field(() => FeeCategory)
  category: FeeCategory;

  @Field(() => ID, { description: "The fee budget (<poolingAreaCode>-<year>) the contract counts against" })
  budgetId: string;

  @Field(() => Float, { description: "Contract amount in yuan to 2 decimals" })
  contractAmountYuan: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  appliedOn: string;
}

@InputType()
class AdvancePreventionProjectInput {
  @Field(() => ID)
  id: string;

  @Field(() => ProjectStatus, { description: "The next status; only the next one in order is accepted" })
  to: ProjectStatus;

  @Field(() => String, { description: "YYYY-MM-DD: when the project reached it" })
  on: string;
}

const ServiceAgencyConnection = Connection(ServiceAgency);
const PreventionProjectConnection = Connection(PreventionProject);

/** A barred agency cannot be given a new project (淄人社字〔2024〕38号: 三年内不得从事相关工伤预防项目). */
function requireNotBarred(agency: ServiceAgency, on: string, field: string): void {
  if (agency.barredUntil !== null && on <= agency.barredUntil) {
    throw badUserInput(field, `${agency.name} (${agency.creditCode}) 曾有项目验收不合格, ${agency.barredUntil} 前不得承担工伤预防项目`);
  }
}

async function requireAgency(manager: EntityManager, field: string, value: string): Promise<ServiceAgency> {
  const { creditCode } = requireCreditCode(field, value);
  const agency = await manager.findOneBy(ServiceAgency, { creditCode });
  if (!agency) throw badUserInput(field, `没有统一社会信用代码为 ${creditCode} 的服务机构`);
  return agency;
}

async function requireProjectBudget(manager: EntityManager, field: string, id: string): Promise<FeeBudget> {
  const budget = await manager.findOneBy(FeeBudget, { id });
  if (!budget) throw badUserInput(field, `没有编号为 ${id} 的工伤预防费预算`);
  return budget;
}

const overBudget = (field: string, budget: FeeBudget, committedFen: number, amountFen: number) =>
  badUserInput(
    field,
    `合同金额 ${fenToYuanText(amountFen)} 元将使 ${budget.id} 预算超支: 预算 ${fenToYuanText(budget.approvedFen)} 元, 已签约 ${fenToYuanText(committedFen)} 元, 尚余 ${fenToYuanText(budget.approvedFen - committedFen)} 元`,
  );

/**
 * Commits a contract against its budget when the project is approved (立项): the check and the new
 * total are one conditional UPDATE, so two approvals cannot together pass the budget.
 */
async function commitToBudget(manager: EntityManager, project: PreventionProject): Promise<void> {
  if (project.budgetId === null) throw badUserInput("input.id", `${project.id} 没有关联工伤预防费预算, 不能立项`);
  const budget = await requireProjectBudget(manager, "input.id", project.budgetId);
  const { affected } = await manager
    .createQueryBuilder()
    .update(FeeBudget)
    .set({ committedFen: () => "committed_fen + :amount" })
    .where("id = :id AND committed_fen + :amount <= approved_fen", { id: budget.id, amount: project.contractAmountFen })
    .execute();
  if (affected !== 1) {
    const current = await manager.findOneByOrFail(FeeBudget, { id: budget.id });
    throw overBudget("input.id", current, current.committedFen, project.contractAmountFen);
  }
}

@Resolver(() => ServiceAgency)
export class ServiceAgencyResolver {
  @Query(() => ServiceAgency, { nullable: true })
  serviceAgency(@Arg("creditCode", () => String) creditCode: string, @Ctx() { loaders }: SubgraphContext): Promise<ServiceAgency | null> {
    return loaders.one(ServiceAgency, "creditCode").load(requireCreditCode("creditCode", creditCode).creditCode);
  }

  @Query(() => ServiceAgencyConnection, { description: "Prevention service agencies, in credit-code order" })
  serviceAgencies(@Args(() => ServiceAgencyFilter) filter: ServiceAgencyFilter, @Ctx() { db, clock }: SubgraphContext) {
    const query = db.getRepository(ServiceAgency).createQueryBuilder("agency");
    const today = chinaToday(clock());
    if (filter.barred === true) query.andWhere("agency.barredUntil >= :today", { today });
    if (filter.barred === false) query.andWhere("(agency.barredUntil IS NULL OR agency.barredUntil < :today)", { today });
    return paginate(query, "creditCode", filter);
  }

  @Mutation(() => ServiceAgency, { description: "Registers a prevention service agency" })
  async registerServiceAgency(
    @Arg("input", () => RegisterServiceAgencyInput) input: RegisterServiceAgencyInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<ServiceAgency> {
    requireOwnDepartment(identity, "hrss");
    const { creditCode, needsReview } = requireCreditCode("input.creditCode", input.creditCode);
    const agency: ServiceAgency = {
      creditCode,
      creditCodeNeedsReview: needsReview,
      name: requireText("input.name", input.name, 200),
      barredUntil: null,
    };
    return db.transaction(async (manager) => {
      if (await manager.existsBy(ServiceAgency, { creditCode })) throw badUserInput("input.creditCode", `${creditCode} 已登记`);
      await manager.insert(ServiceAgency, agency);
      return agency;
    });
  }

  @FieldResolver(() => Boolean, { description: "Barred from new prevention projects today" })
  barred(@Root() agency: ServiceAgency, @Ctx() { clock }: SubgraphContext): boolean {
    return agency.barredUntil !== null && chinaToday(clock()) <= agency.barredUntil;
  }

  @FieldResolver(() => [PreventionProject])
  projects(@Root() agency: ServiceAgency, @Ctx() { loaders }: SubgraphContext): Promise<PreventionProject[]> {
    return loaders.many(PreventionProject, "agencyCreditCode").load(agency.creditCode);
  }
}

/**
 * One mutation, advancePreventionProject, moves a project along rather than one per step: the
 * order then lives in one table (projectTransitions) that every move is checked against, and each
 * step is recorded the same way.
 */
@Resolver(() => PreventionProject)
export class PreventionProjectResolver {
  @Query(() => PreventionProject, { nullable: true })
  preventionProject(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<PreventionProject | null> {
    return loaders.one(PreventionProject, "id").load(id);
  }

  @Query(() => PreventionProjectConnection, { description: "Prevention projects, filtered, in id order" })
  preventionProjects(@Args(() => PreventionProjectFilter) filter: PreventionProjectFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(PreventionProject).createQueryBuilder("project");
    if (filter.status) query.andWhere("project.status = :status", { status: filter.status });
    if (filter.category) query.andWhere("project.category = :category", { category: filter.category });
    if (filter.budgetId) query.andWhere("project.budgetId = :budgetId", { budgetId: filter.budgetId });
    if (filter.agencyCreditCode) {
      query.andWhere("project.agencyCreditCode = :agency", {
        agency: requireCreditCode("agencyCreditCode", filter.agencyCreditCode).creditCode,
      });
    }
    return paginate(query, "id", filter);
  }

  @Mutation(() => PreventionProject, { description: "申报: a service agency applies for a project" })
  async applyForPreventionProject(
    @Arg("input", () => ApplyForPreventionProjectInput) input: ApplyForPreventionProjectInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<PreventionProject> {
    requireOwnDepartment(identity, "hrss");
    const title = requireText("input.title", input.title, 200);
    const contractAmountFen = yuanToFen("input.contractAmountYuan", input.contractAmountYuan);
    const appliedOn = requireLocalDate("input.appliedOn", input.appliedOn);
    requireNotFuture("input.appliedOn", appliedOn, clock());
    return db.transaction(async (manager) => {
      const agency = await requireAgency(manager, "input.agencyCreditCode", input.agencyCreditCode);
      requireNotBarred(agency, appliedOn, "input.agencyCreditCode");
      const budget = await requireProjectBudget(manager, "input.budgetId", input.budgetId);
      // Refused at once when it cannot fit; approval checks again, atomically, against what is committed then.
      if (budget.committedFen + contractAmountFen > budget.approvedFen)
        throw overBudget("input.contractAmountYuan", budget, budget.committedFen, contractAmountFen);
      const project = Object.assign(new PreventionProject(), {
        id: `PP-${randomUUID()}`,
        agencyCreditCode: agency.creditCode,
        budgetId: budget.id,
        title,
        category: input.category,
        contractAmountFen,
        prepaidFen: null,
        status: ProjectStatus.APPLIED,
        appliedOn,
        statusSince: appliedOn,
      });
      await manager.insert(PreventionProject, project);
      await manager.insert(PreventionProjectStep, {
        id: projectStepId(project.id, project.status),
        projectId: project.id,
        status: project.status,
        enteredOn: appliedOn,
      });
      return project;
    });
  }

  @Mutation(() => PreventionProject, { description: "Moves a project to its next status, in order; a failed acceptance bars the agency" })
  async advancePreventionProject(
    @Arg("input", () => AdvancePreventionProjectInput) input: AdvancePreventionProjectInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<PreventionProject> {
    requireOwnDepartment(identity, "hrss");
    const on = requireLocalDate("input.on", input.on);
    requireNotFuture("input.on", on, clock());
    return db.transaction(async (manager) => {
      const project = await moveStatus(
        manager,
        PreventionProject,
        "工伤预防项目",
        projectTransitions,
        input.id,
        input.to,
        async (current) => {
          requireOrder("input.on", current.statusSince, on, `转为 ${current.status} 的日期`);
          if (input.to === ProjectStatus.APPROVED) {
            requireNotBarred(await manager.findOneByOrFail(ServiceAgency, { creditCode: current.agencyCreditCode }), on, "input.id");
            await commitToBudget(manager, current);
          }
          return input.to === ProjectStatus.PREPAID
            ? { statusSince: on, prepaidFen: prepaymentFen(current.contractAmountFen, on) }
            : { statusSince: on };
        },
      );
      await manager.insert(PreventionProjectStep, {
        id: projectStepId(project.id, project.status),
        projectId: project.id,
        status: project.status,
        enteredOn: on,
      });
      if (project.status === ProjectStatus.ACCEPTANCE_FAILED && project.budgetId !== null) {
        // A failed project keeps only what was paid to it committed; the rest returns to the budget.
        await manager
          .createQueryBuilder()
          .update(FeeBudget)
          .set({ committedFen: () => "committed_fen - :released" })
          .where("id = :id", { id: project.budgetId, released: project.contractAmountFen - (project.prepaidFen ?? 0) })
          .execute();
      }
      if (project.status === ProjectStatus.ACCEPTANCE_FAILED) {
        const agency = await manager.findOneByOrFail(ServiceAgency, { creditCode: project.agencyCreditCode });
        const until = barredUntil(on);
        // A later failure extends the bar; an earlier one never shortens it.
        if (agency.barredUntil === null || agency.barredUntil < until)
          await manager.update(ServiceAgency, { creditCode: agency.creditCode }, { barredUntil: until });
      }
      return project;
    });
  }

  @FieldResolver(() => ServiceAgency, { nullable: true })
  agency(@Root() project: PreventionProject, @Ctx() { loaders }: SubgraphContext): Promise<ServiceAgency | null> {
    return loaders.one(ServiceAgency, "creditCode").load(project.agencyCreditCode);
  }

  @FieldResolver(() => [PreventionProjectStep], { description: "Each status the project entered, in order" })
  steps(@Root() project: PreventionProject, @Ctx() { loaders }: SubgraphContext): Promise<PreventionProjectStep[]> {
    return loaders.many(PreventionProjectStep, "projectId").load(project.id);
  }
}
