import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum FeeCategory {
  PUBLICITY = "PUBLICITY",
  TRAINING = "TRAINING",
}
registerEnumType(FeeCategory, {
  name: "FeeCategory",
  description: "The only two uses of the prevention fee: 宣传 PUBLICITY, 培训 TRAINING (人社部规〔2017〕13号 第四条)",
});

@ObjectType({ description: "工伤预防费 budget of a pooling area for a year (人社部规〔2017〕13号)" })
@Entity("fee_budget")
export class FeeBudget {
  @Field(() => ID, { description: "<poolingAreaCode>-<year>" })
  @PrimaryColumn(column.code(12))
  id: string;

  @Field(() => String, { description: "统筹地区, prefecture-level GB/T 2260 code" })
  @Column(column.code(6))
  poolingAreaCode: string;

  @Field(() => Int)
  @Column(column.integer)
  year: number;

  @Column(column.money)
  priorYearContributionIncomeFen: number;

  /** Running total of the approved items, kept with the budget so the cap check is one conditional UPDATE. */
  @Column(column.money)
  approvedFen: number;

  /**
   * Running total of the contracts committed against the budget (projects approved, less what a
   * failed acceptance released), so the budget check is one conditional UPDATE too.
   */
  @Column({ ...column.money, default: 0 })
  committedFen: number;

  @Field(() => Float, { name: "priorYearContributionIncomeYuan", description: "上年度工伤保险基金征缴收入, yuan" })
  get priorYearContributionIncomeYuan(): number {
    return this.priorYearContributionIncomeFen / 100;
  }

  @Field(() => Float, { name: "approvedYuan", description: "Sum of approved budget items, yuan" })
  get approvedYuan(): number {
    return this.approvedFen / 100;
  }
}

@ObjectType({ description: "A provincial 人社 and 财政 approval raising a budget's cap (第五条)" })
@Entity("fee_cap_approval")
export class FeeCapApproval {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => ID)
  @Column(column.code(12))
  budgetId: string;

  @Field(() => String, { description: "文号 of the approval" })
  @Column(column.text(100))
  documentNumber: string;

  @Column(column.integer)
  approvedBasisPoints: number;

  @Field(() => LocalDate)
  @Column(column.date)
  approvedOn: string;

  @Field(() => Float, { name: "approvedPercent", description: "The approved cap, percent of prior-year contribution income" })
  get approvedPercent(): number {
    return this.approvedBasisPoints / 100;
  }
}

@ObjectType({ description: "An approved line of a prevention-fee budget" })
@Entity("fee_budget_item")
export class FeeBudgetItem {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => ID)
  @Column(column.code(12))
  budgetId: string;

  @Field(() => FeeCategory)
  @Column(column.code(10))
  category: FeeCategory;

  @Field(() => String)
  @Column(column.text())
  title: string;

  @Column(column.money)
  amountFen: number;

  @Field(() => LocalDate)
  @Column(column.date)
  approvedOn: string;

  @Field(() => Float, { name: "amountYuan" })
  get amountYuan(): number {
    return this.amountFen / 100;
  }
}

@ObjectType({ description: "Budget, committed and paid for one use of the fee, exact fen" })
export class PreventionFeeCategoryFigures {
  @Field(() => FeeCategory)
  category: FeeCategory;

  @Field(() => Float, { description: "Whole fen" })
  budgetFen: number;

  @Field(() => Float, { description: "Whole fen" })
  committedFen: number;

  @Field(() => Float, { description: "Whole fen" })
  paidFen: number;
}

@ObjectType({
  description:
    "工伤预防费 of one pooling area for a year, counted up to a day: report-ready. Every *Fen is a whole number of fen, exact (typed Float: GraphQL Int is 32-bit)",
})
export class PreventionFeeFigures {
  @Field(() => String, { description: "统筹地区 (prefecture GB/T 2260)" })
  poolingAreaCode: string;

  @Field(() => String)
  poolingAreaName: string;

  @Field(() => Int)
  year: number;

  @Field(() => LocalDate, { description: "Last day counted" })
  asOf: string;

  @Field(() => Float, { description: "The year's budget: the sum of its approved items" })
  budgetFen: number;

  @Field(() => Float, { description: "第五条 cap: cap% × prior-year contribution income, rounded down" })
  capFen: number;

  @Field(() => Float)
  capPercent: number;

  @Field(() => Float, {
    description: "Contracts of projects approved (立项) by asOf; a project that failed acceptance counts only what was paid to it",
  })
  committedFen: number;

  @Field(() => Float, { description: "Prepayments (预付) and final payments (拨付) made by asOf" })
  paidFen: number;

  @Field(() => Float, { description: "budgetFen − committedFen" })
  uncommittedFen: number;

  @Field(() => Float, { nullable: true, description: "Committed / budget, percent to 1 decimal; null when the budget is 0" })
  committedPercent: number | null;

  @Field(() => Float, { nullable: true, description: "Paid / budget, percent to 1 decimal; null when the budget is 0" })
  paidPercent: number | null;

  @Field(() => Int, { description: "Projects counted in committed" })
  committedProjects: number;

  @Field(() => [PreventionFeeCategoryFigures], { description: "Per use: 宣传 PUBLICITY, 培训 TRAINING" })
  byCategory: PreventionFeeCategoryFigures[];
}
