import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "基准费率: a pooling area's base rate for one risk class from a date (人社部发〔2015〕71号)" })
@Entity("base_rate")
export class BaseRate {
  @Field(() => ID, { description: "<poolingAreaCode>-<riskClass>-<effectiveFrom>" })
  @PrimaryColumn(column.code(24))
  id: string;

  @Field(() => String, { description: "统筹地区: GB/T 2260 prefecture-level code" })
  @Column(column.code(6))
  poolingAreaCode: string;

  @Field(() => Int)
  @Column(column.integer)
  riskClass: number;

  @Field(() => Int, { description: "Share of 工资总额 in basis points (20 = 0.20%)" })
  @Column(column.integer)
  basisPoints: number;

  @Field(() => LocalDate)
  @Column(column.date)
  effectiveFrom: string;

  @Field(() => String, { description: "The document that set it" })
  @Column(column.text())
  document: string;
}

@ObjectType({ description: "浮动费率: an employer's float factor from a date" })
@Entity("float_factor")
export class FloatFactor {
  @Field(() => ID, { description: "<creditCode>-<effectiveFrom>" })
  @PrimaryColumn(column.code(30))
  id: string;

  @Field(() => String)
  @Column(column.code(18))
  creditCode: string;

  @Field(() => Int, { description: "Factor in percent (120 = ×1.2)" })
  @Column(column.integer)
  factorPercent: number;

  @Field(() => LocalDate)
  @Column(column.date)
  effectiveFrom: string;
}

@ObjectType({ description: "An employer's contribution rate from a date: base × float factor" })
export class RateChange {
  @Field(() => LocalDate)
  effectiveFrom: string;

  @Field(() => Int)
  baseRateBasisPoints: number;

  @Field(() => Int)
  floatFactorPercent: number;

  @Field(() => Int, { description: "base × factor, rounded to a basis point" })
  contributionRateBasisPoints: number;
}
