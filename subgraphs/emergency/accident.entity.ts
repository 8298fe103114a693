import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { AccidentGrade } from "./accident-grade";

@ObjectType({ description: "A production-safety accident (生产安全事故), recorded by emergency management" })
@Directive('@key(fields: "id")')
@Entity("accident")
export class Accident {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "The enterprise's 统一社会信用代码" })
  @Column(column.code(18))
  creditCode: string;

  @Field(() => String, { description: "GB/T 2260 region where it happened" })
  @Column(column.code(6))
  regionCode: string;

  /** The employer's registered region, derived by the database from the credit code: the rule the reports place accidents by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "GB/T 4754 industry of the employer as the report states it (所属行业); null on accidents recorded before it was kept",
  })
  @Column({ ...column.code(4), nullable: true })
  industryCode: string | null;

  @Field(() => String, { description: "GB 6441 category code" })
  @Column(column.code(2))
  category: string;

  @Field(() => Date)
  @Column(column.timestamp)
  occurredAt: Date;

  @Field(() => Date, { description: "When the unit reported it to the government" })
  @Column(column.timestamp)
  reportedAt: Date;

  @Field(() => Int)
  @Column(column.integer)
  deaths: number;

  @Field(() => Int, { description: "重伤, including acute industrial poisoning" })
  @Column(column.integer)
  seriousInjuries: number;

  @Field(() => Int)
  @Column(column.integer)
  minorInjuries: number;

  @Field(() => Int, { description: "下落不明" })
  @Column(column.integer)
  missing: number;

  @Column(column.money)
  directLossFen: number;

  @Field(() => String, { nullable: true, description: "简要经过 (第十二条); null on accidents recorded before reports carried it" })
  @Column({ ...column.text(2000), nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: "已经采取的措施 (第十二条); null on accidents recorded before reports carried it" })
  @Column({ ...column.text(2000), nullable: true })
  measuresTaken: string | null;

  @Field(() => Boolean, { description: "The credit code fails its GB 32100 check character: accepted, pending manual review" })
  @Column(column.flag)
  creditCodeNeedsReview: boolean;

  @Field(() => AccidentGrade, { description: "The most severe grade any measure reaches" })
  @Column(column.code(20))
  grade: AccidentGrade;

  @Field(() => Float, { name: "directLossYuan", description: "直接经济损失, yuan" })
  get directLossYuan(): number {
    return this.directLossFen / 100;
  }
}
