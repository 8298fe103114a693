import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireLocalDate, requireNotFuture, requireRange, requireText } from "../../kernel/validate";
import { FeeBudget, FeeBudgetItem, FeeCapApproval, FeeCategory, PreventionFeeFigures } from "./fee-budget.entity";
import { feeFigures } from "./fee-budget.figures";
import { chinaToday } from "../../kernel/calendar";
import { regionContains, requireReportPeriod } from "../../kernel/report-period";
import { fenToYuanText, yuanToFen } from "../../kernel/money";
import { requirePoolingArea } from "./inputs";
import { capBasisPoints, capFen, defaultCapBasisPoints, firstBudgetYear, percentAsBasisPoints } from "./prevention-fee.rules";

/** Budget years after 2100 are typing errors. */
const lastBudgetYear = 2100;

@ArgsType()
class FeeBudgetFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  poolingAreaCode?: string;

  @Field(() => Int, { nullable: true })
  year?: number;
}

@InputType()
class CreateFeeBudgetInput {
  @Field(() => String, { description: "统筹地区, prefecture-level GB/T 2260 code" })
  poolingAreaCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float, { description: "上年度工伤保险基金征缴收入, yuan to 2 decimals" })
  priorYearContributionIncomeYuan: number;
}

@InputType()
class RecordFeeCapApprovalInput {
  @Field(() => ID)
  budgetId: string;

  @Field(() => String, { description: "文号 of the provincial approval" })
  documentNumber: string;

  @Field(() => Float, { description: "Approved cap, percent to 2 decimals, above the default" })
  approvedPercent: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  approvedOn: string;
}

@InputType()
class AddFeeBudgetItemInput {
  @Field(() => ID)
  budgetId: string;

  @Field(() => FeeCategory)
  category: FeeCategory;

  @Field(() => String)
  title: string;

  @Field(() => Float, { description: "Yuan to 2 decimals" })
  amountYuan: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  approvedOn: string;
}

const FeeBudgetConnection = Connection(FeeBudget);

async function requireBudget(manager: EntityManager, id: string): Promise<FeeBudget> {
  const budget = await manager.findOneBy(FeeBudget, { id });
  if (!budget) throw badUserInput("input.budgetId", `没有编号为 ${id} 的工伤预防费预算`);
  return budget;
}

@Resolver(() => FeeBudget)
export class FeeBudgetResolver {
  @Query(() => FeeBudget, { nullable: true })
  feeBudget(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<FeeBudget | null> {
    return loaders.one(FeeBudget, "id").load(id);
  }

  @Query(() => FeeBudgetConnection, { description: "Prevention-fee budgets, filtered, in id order" })
  feeBudgets(@Args(() => FeeBudgetFilter) filter: FeeBudgetFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(FeeBudget).createQueryBuilder("budget");
    if (filter.poolingAreaCode) query.andWhere("budget.poolingAreaCode = :area", { area: filter.poolingAreaCode });
    if (filter.year !== undefined && filter.year !== null) query.andWhere("budget.year = :year", { year: filter.year });
    return paginate(query, "id", filter);
  }

  @Query(() => [PreventionFeeFigures], {
    description:
      "Fee figures per pooling area that is the region, contains it or lies in it, for the period's year (YYYY or YYYY-Qn): the year's budget, committed and paid up to the period's end (or today if earlier). Empty: no budget for that year",
  })
  async preventionFeeFigures(
    @Arg("regionCode", () => String) regionCode: string,
    @Arg("period", () => String) period: string,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<PreventionFeeFigures[]> {
    const scope = requireReportPeriod(regionCode, period, clock());
    const today = chinaToday(clock());
    const budgets = (await db.getRepository(FeeBudget).find({ where: { year: scope.year }, order: { id: "ASC" } })).filter(
      (budget) => regionContains(budget.poolingAreaCode, regionCode) || regionContains(regionCode, budget.poolingAreaCode),
    );
    return feeFigures(db.manager, budgets, scope.to < today ? scope.to : today);
  }

  @FieldResolver(() => PreventionFeeFigures, { description: "Budget, committed and paid as of today, exact fen" })
  async figures(@Root() budget: FeeBudget, @Ctx() { db, clock }: SubgraphContext): Promise<PreventionFeeFigures> {
    const [figures] = await feeFigures(db.manager, [budget], chinaToday(clock()));
    return figures;
  }

  @Mutation(() => FeeBudget, { description: "Opens a pooling area's prevention-fee budget for a year" })
  async createFeeBudget(
    @Arg("input", () => CreateFeeBudgetInput) input: CreateFeeBudgetInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<FeeBudget> {
    requireOwnDepartment(identity, "hrss");
    const poolingAreaCode = requirePoolingArea("input.poolingAreaCode", input.poolingAreaCode);
    const year = requireRange("input.year", input.year, firstBudgetYear, lastBudgetYear);
    const income = yuanToFen("input.priorYearContributionIncomeYuan", input.priorYearContributionIncomeYuan);
    const budget = Object.assign(new FeeBudget(), {
      id: `${poolingAreaCode}-${year}`,
      poolingAreaCode,
      year,
      priorYearContributionIncomeFen: income,
      approvedFen: 0,
      committedFen: 0,
    });
    return db.transaction(async (manager) => {
      if (await manager.existsBy(FeeBudget, { id: budget.id }))
        throw badUserInput("input.year", `${poolingAreaCode} 已有 ${year} 年的预算`);
      await manager.insert(FeeBudget, budget);
      return budget;
    });
  }

  @Mutation(() => FeeCapApproval, { description: "Records a provincial approval raising a budget's cap (第五条)" })
  async recordFeeCapApproval(
    @Arg("input", () => RecordFeeCapApprovalInput) input: RecordFeeCapApprovalInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<FeeCapApproval> {
    requireOwnDepartment(identity, "hrss");
    const documentNumber = requireText("input.documentNumber", input.documentNumber, 100);
    const approvedOn = requireLocalDate("input.approvedOn", input.approvedOn);
    requireNotFuture("input.approvedOn", approvedOn, clock());
    const approvedBasisPoints = percentAsBasisPoints(input.approvedPercent);
    if (approvedBasisPoints === undefined || approvedBasisPoints > 10_000) {
      throw badUserInput("input.approvedPercent", `应为不超过 100 的百分数, 最多两位小数, 填写的是 ${input.approvedPercent}`);
    }
    return db.transaction(async (manager) => {
      const budget = await requireBudget(manager, input.budgetId);
      const defaultCap = defaultCapBasisPoints(budget.year);
      if (approvedBasisPoints <= defaultCap)
        throw badUserInput("input.approvedPercent", `应高于默认上限 ${defaultCap / 100}%, 填写的是 ${input.approvedPercent}`);
      const approval = Object.assign(new FeeCapApproval(), {
        id: `FA-${randomUUID()}`,
        budgetId: budget.id,
        documentNumber,
        approvedBasisPoints,
        approvedOn,
      });
      await manager.insert(FeeCapApproval, approval);
      return approval;
    });
  }

  @Mutation(() => FeeBudgetItem, { description: "Approves a publicity or training item, within the budget's cap to the fen" })
  async addFeeBudgetItem(
    @Arg("input", () => AddFeeBudgetItemInput) input: AddFeeBudgetItemInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<FeeBudgetItem> {
    requireOwnDepartment(identity, "hrss");
    const title = requireText("input.title", input.title, 200);
    const amountFen = yuanToFen("input.amountYuan", input.amountYuan);
    const approvedOn = requireLocalDate("input.approvedOn", input.approvedOn);
    requireNotFuture("input.approvedOn", approvedOn, clock());
    return db.transaction(async (manager) => {
      const budget = await requireBudget(manager, input.budgetId);
      const approvals = await manager.findBy(FeeCapApproval, { budgetId: budget.id });
      const basisPoints = capBasisPoints(budget.year, approvals);
      const cap = capFen(budget.priorYearContributionIncomeFen, basisPoints);
      // The check and the new total in one statement: concurrent items cannot together pass the cap.
      const { affected } = await manager
        .createQueryBuilder()
        .update(FeeBudget)
        .set({ approvedFen: () => "approved_fen + :amount" })
        .where("id = :id AND approved_fen + :amount <= :cap", { id: budget.id, amount: amountFen, cap })
        .execute();
      if (affected !== 1) {
        const { approvedFen } = await manager.findOneByOrFail(FeeBudget, { id: budget.id });
        throw badUserInput(
          "input.amountYuan",
          `将超过上限 ${fenToYuanText(cap)} 元 (上年度工伤保险基金收入的 ${basisPoints / 100}%): 已批准 ${fenToYuanText(approvedFen)} 元, 本次申请 ${fenToYuanText(amountFen)} 元`,
        );
      }
      const item = Object.assign(new FeeBudgetItem(), {
        id: `FI-${randomUUID()}`,
        budgetId: budget.id,
        category: input.category,
        title,
        amountFen,
        approvedOn,
      });
      await manager.insert(FeeBudgetItem, item);
      return item;
    });
  }

  private async cap(budget: FeeBudget, { loaders }: SubgraphContext): Promise<{ basisPoints: number; fen: number }> {
    const approvals = await loaders.many(FeeCapApproval, "budgetId").load(budget.id);
    const basisPoints = capBasisPoints(budget.year, approvals);
    return { basisPoints, fen: capFen(budget.priorYearContributionIncomeFen, basisPoints) };
  }

  @FieldResolver(() => Float, { description: "The cap in force: 3% unless a provincial approval raised it" })
  async capPercent(@Root() budget: FeeBudget, @Ctx() context: SubgraphContext): Promise<number> {
    return (await this.cap(budget, context)).basisPoints / 100;
  }

  @FieldResolver(() => Float, { description: "Cap × prior-year contribution income, rounded down to the fen, yuan" })
  async capYuan(@Root() budget: FeeBudget, @Ctx() context: SubgraphContext): Promise<number> {
    return (await this.cap(budget, context)).fen / 100;
  }

  @FieldResolver(() => Float, { description: "What may still be approved, yuan" })
  async remainingYuan(@Root() budget: FeeBudget, @Ctx() context: SubgraphContext): Promise<number> {
    return ((await this.cap(budget, context)).fen - budget.approvedFen) / 100;
  }

  @FieldResolver(() => [FeeBudgetItem])
  items(@Root() budget: FeeBudget, @Ctx() { loaders }: SubgraphContext): Promise<FeeBudgetItem[]> {
    return loaders.many(FeeBudgetItem, "budgetId").load(budget.id);
  }

  @FieldResolver(() => [FeeCapApproval], { description: "Provincial approvals raising the cap" })
  capApprovals(@Root() budget: FeeBudget, @Ctx() { loaders }: SubgraphContext): Promise<FeeCapApproval[]> {
    return loaders.many(FeeCapApproval, "budgetId").load(budget.id);
  }
}
