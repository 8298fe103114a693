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
