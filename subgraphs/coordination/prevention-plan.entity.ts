import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "工伤预防实施方案 / 行动计划: a plan and its quantified targets, as its document words them" })
@Entity("prevention_plan")
export class PreventionPlan {
  @Field(() => ID, { description: "Stable id, e.g. ZIBO-2024" })
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "《…》 full title" })
  @Column(column.text())
  title: string;

  @Field(() => String, { description: "文号, e.g. 淄人社字〔2024〕38号" })
  @Column(column.text(60))
  documentNumber: string;

  @Field(() => String, { description: "Issuing bodies, as the document lists them" })
  @Column(column.text(300))
  issuedBy: string;

  @Field(() => LocalDate)
  @Column(column.date)
  issuedOn: string;

  @Field(() => String, { description: "GB/T 2260 region the plan governs" })
  @Column(column.code(6))
  regionCode: string;

  @Field(() => LocalDate)
  @Column(column.date)
  periodStart: string;

  @Field(() => LocalDate)
  @Column(column.date)
  periodEnd: string;
}

/**
 * One quantified target of a plan. Its key carries everything a department needs to measure it,
 * so the department that owns the data computes its progress without asking anyone else.
 */
@ObjectType({ description: "One quantified target of a prevention plan, with the document and article it comes from" })
@Directive(
  '@key(fields: "id metric regionCode keyIndustry keyPostGroup periodStart deadline goalKind goalValue baselineYear baselineValue")',
)
@Entity("plan_target")
export class PlanTarget {
  @Field(() => ID, { description: "Stable id, e.g. ZIBO-2024-T01" })
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => ID)
  @Column(column.code(40))
  planId: string;

  @Field(() => Int, { description: "The target's order in its plan, from 1" })
  @Column(column.integer)
  ordinal: number;

  @Field(() => String, { description: "The target as the document words it" })
  @Column(column.text(500))
  text: string;

  @Field(() => String, { description: "Stable metric code (reference/target-metrics.ts), e.g. TRAINED_PERSONS" })
  @Column(column.code(40))
  metric: string;

  @Field(() => String, { description: "Scope: GB/T 2260 region the target is measured over" })
  @Column(column.code(6))
  regionCode: string;

  @Field(() => String, {
    nullable: true,
    description: "Scope: key-industry codes of reference/key-industries.ts joined by +, or KEY_INDUSTRIES; null = every industry",
  })
  @Column({ ...column.code(120), nullable: true })
  keyIndustry: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Scope: a key-post group (THREE_CATEGORIES, TEAM_LEADERS, KEY_POSTS); null = everyone",
  })
  @Column({ ...column.code(20), nullable: true })
  keyPostGroup: string | null;

  @Field(() => LocalDate, { description: "First day counted" })
  @Column(column.date)
  periodStart: string;

  @Field(() => LocalDate, { description: "The deadline: last day counted" })
  @Column(column.date)
  deadline: string;

  @Field(() => String, { description: "AT_LEAST, AT_MOST, or REDUCE_BY_PERCENT (from the baseline year's value)" })
  @Column(column.code(20))
  goalKind: string;

  /** Hundredths, so the stored goal is exact. */
  @Column(column.money)
  goalHundredths: number;

  @Field(() => Int, { nullable: true, description: "Baseline year of a relative goal" })
  @Column({ ...column.integer, nullable: true })
  baselineYear: number | null;

  @Column({ ...column.money, nullable: true })
  baselineHundredths: number | null;

  @Field(() => String, { description: "Source: 文号 of the document" })
  @Column(column.text(100))
  sourceDocument: string;

  @Field(() => String, { description: "Source: article or section, e.g. 三、(二)" })
  @Column(column.text(100))
  sourceArticle: string;

  @Field(() => Float, { name: "goalValue", description: "In the metric's unit; for REDUCE_BY_PERCENT the percent to reduce by" })
  get goalValue(): number {
    return this.goalHundredths / 100;
  }

  @Field(() => Float, {
    name: "baselineValue",
    nullable: true,
    description: "Baseline as the document states it; null when it gives none (progress computes it from data)",
  })
  get baselineValue(): number | null {
    return this.baselineHundredths === null ? null : this.baselineHundredths / 100;
  }
}
