import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "An employer registered for work-injury insurance (一企一档, owned by 人社)" })
@Directive('@key(fields: "creditCode")')
@Entity("enterprise")
export class Enterprise {
  @Field(() => String, { description: "统一社会信用代码 (GB 32100)" })
  @PrimaryColumn(column.code(18))
  creditCode: string;

  @Field(() => Boolean, { description: "The credit code fails its check character: a pilot-era code kept for manual review" })
  @Column(column.flag)
  creditCodeNeedsReview: boolean;

  @Field(() => String)
  @Column(column.text())
  name: string;

  @Field(() => String, { description: "GB/T 4754-2017 industry code (division or finer)" })
  @Column(column.code(4))
  industryCode: string;

  @Field(() => String, { description: "GB/T 2260 county-level region code" })
  @Column(column.code(6))
  regionCode: string;

  /** The registration region in the credit code, derived by the database: where reports place this employer. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => Int, { nullable: true, description: "Work-injury insurance risk class 1 (一) to 8 (八), 人社部发〔2015〕71号" })
  @Column({ ...column.integer, nullable: true })
  riskClass: number | null;

  @Field(() => Int, { description: "Persons currently insured through this employer" })
  @Column(column.integer)
  insuredHeadcount: number;

  @Field(() => LocalDate)
  @Column(column.date)
  registeredOn: string;

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}
