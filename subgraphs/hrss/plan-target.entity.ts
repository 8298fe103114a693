import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { LocalDate } from "../../kernel/scalars";

/**
 * A plan's target as hrss sees it: the joint-prevention office owns it; its key carries what hrss
 * needs to measure it, and hrss adds the progress computed from its own records.
 */
@ObjectType()
@Directive(
  '@key(fields: "id metric regionCode keyIndustry keyPostGroup periodStart deadline goalKind goalValue baselineYear baselineValue")',
)
export class PlanTarget {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  metric: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => String, { nullable: true })
  keyIndustry: string | null;

  @Field(() => String, { nullable: true })
  keyPostGroup: string | null;

  @Field(() => LocalDate)
  periodStart: string;

  @Field(() => LocalDate)
  deadline: string;

  @Field(() => String)
  goalKind: string;

  @Field(() => Float)
  goalValue: number;

  @Field(() => Int, { nullable: true })
  baselineYear: number | null;

  @Field(() => Float, { nullable: true })
  baselineValue: number | null;
}

export enum TargetProgressStatus {
  ACHIEVED = "ACHIEVED",
  ON_TRACK = "ON_TRACK",
  OFF_TRACK = "OFF_TRACK",
  MISSED = "MISSED",
  NOT_STARTED = "NOT_STARTED",
  NO_DATA = "NO_DATA",
}
registerEnumType(TargetProgressStatus, {
  name: "TargetProgressStatus",
  description:
    "ACHIEVED 已完成; ON_TRACK 进度正常 (at least where a straight line from the start to the deadline says); OFF_TRACK 进度滞后; MISSED 未完成 (deadline passed, or a ceiling exceeded); NOT_STARTED 尚未开始; NO_DATA 无数据 (no figure, never 0%)",
});

@ObjectType({ description: "One figure behind a progress value" })
export class ProgressDatum {
  @Field(() => String, { description: "Stable code, e.g. ROSTER_PERSONS" })
  code: string;

  @Field(() => String, { description: "Chinese label" })
  label: string;

  @Field(() => Float)
  value: number;

  @Field(() => String, { description: "Chinese unit" })
  unit: string;

  @Field(() => Int, { nullable: true, description: "The year a yearly figure belongs to" })
  year: number | null;
}

@ObjectType({ description: "A target's progress, computed from hrss's records when asked, never typed in" })
export class TargetProgress {
  @Field(() => TargetProgressStatus)
  status: TargetProgressStatus;

  @Field(() => String, { description: "The status and why, in Chinese" })
  statusText: string;

  @Field(() => LocalDate, { description: "The day measured up to" })
  asOf: string;

  @Field(() => LocalDate, { description: "First day counted" })
  countedFrom: string;

  @Field(() => LocalDate, { description: "Last day counted: the earlier of asOf and the deadline" })
  countedTo: string;

  @Field(() => Float, { nullable: true, description: "Achieved, in the target's unit; null when NO_DATA or NOT_STARTED" })
  achievedValue: number | null;

  @Field(() => Float, { nullable: true, description: "The goal in the target's unit (a reduction: the value to reach); null when unknown" })
  goalValue: number | null;

  @Field(() => Float, { nullable: true, description: "Baseline used by a relative goal, from the document or computed" })
  baselineValue: number | null;

  @Field(() => Float, { nullable: true, description: "Share of the goal reached, percent to 1 decimal; null when NO_DATA or NOT_STARTED" })
  sharePercent: number | null;

  @Field(() => Float, { description: "Share of the target's span elapsed by countedTo, percent to 1 decimal" })
  expectedSharePercent: number;

  @Field(() => String, { description: "How the figure is computed, in Chinese" })
  method: string;

  @Field(() => [ProgressDatum], { description: "The data behind the figure" })
  data: ProgressDatum[];
}
