import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";
import { FeeCategory } from "./fee-budget.entity";

export enum ProjectStatus {
  APPLIED = "APPLIED",
  APPROVED = "APPROVED",
  AGREEMENT_SIGNED = "AGREEMENT_SIGNED",
  PREPAID = "PREPAID",
  IN_PROGRESS = "IN_PROGRESS",
  ACCEPTED = "ACCEPTED",
  PAID = "PAID",
  ACCEPTANCE_FAILED = "ACCEPTANCE_FAILED",
}
registerEnumType(ProjectStatus, {
  name: "PreventionProjectStatus",
  description:
    "申报 APPLIED → 立项 APPROVED → 协议 AGREEMENT_SIGNED → 预付 PREPAID → 实施 IN_PROGRESS → 验收 ACCEPTED → 拨付 PAID, or ACCEPTANCE_FAILED",
});

@ObjectType({ description: "工伤预防服务机构: a service agency carrying out prevention projects" })
@Entity("service_agency")
export class ServiceAgency {
  @Field(() => String, { description: "统一社会信用代码 (GB 32100)" })
  @PrimaryColumn(column.code(18))
  creditCode: string;

  @Field(() => Boolean, { description: "The credit code fails its check character: kept for manual review" })
  @Column(column.flag)
  creditCodeNeedsReview: boolean;

  @Field(() => String)
  @Column(column.text())
  name: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: "Last day the agency may not take prevention projects, after a failed acceptance",
  })
  @Column({ ...column.date, nullable: true })
  barredUntil: string | null;
}

@ObjectType({ description: "工伤预防项目: a publicity or training project paid from the prevention fee" })
@Entity("prevention_project")
export class PreventionProject {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "Credit code of the service agency carrying it out" })
  @Column(column.code(18))
  agencyCreditCode: string;

  @Field(() => String)
  @Column(column.text())
  title: string;

  @Field(() => ID, { nullable: true, description: "The fee budget (<poolingAreaCode>-<year>) its contract counts against" })
  @Column({ ...column.code(12), nullable: true })
  budgetId: string | null;

  @Field(() => FeeCategory)
  @Column(column.code(10))
  category: FeeCategory;

  @Column(column.money)
  contractAmountFen: number;

  @Column({ ...column.money, nullable: true })
  prepaidFen: number | null;

  @Field(() => ProjectStatus)
  @Column(column.code(20))
  status: ProjectStatus;

  @Field(() => LocalDate)
  @Column(column.date)
  appliedOn: string;

  @Field(() => LocalDate, { description: "When it reached its current status" })
  @Column(column.date)
  statusSince: string;

  @Field(() => Float, { name: "contractAmountYuan" })
  get contractAmountYuan(): number {
    return this.contractAmountFen / 100;
  }

  @Field(() => Float, { name: "prepaidYuan", nullable: true, description: "预付 once prepaid" })
  get prepaidYuan(): number | null {
    return this.prepaidFen === null ? null : this.prepaidFen / 100;
  }
}

@ObjectType({ description: "One step of a prevention project: the status it entered and when" })
@Entity("prevention_project_step")
export class PreventionProjectStep {
  @Field(() => ID)
  @PrimaryColumn(column.code(44))
  id: string;

  @Column(column.code(40))
  projectId: string;

  @Field(() => ProjectStatus)
  @Column(column.code(20))
  status: ProjectStatus;

  @Field(() => LocalDate)
  @Column(column.date)
  enteredOn: string;
}
