import { daysBetween } from "../../kernel/calendar";
import { TargetProgressStatus } from "./plan-target.entity";

/** Percent to one decimal: the precision every share in the report is printed with. */
export const percent = (part: number, whole: number): number => Math.round((part * 1000) / whole) / 10;

/** How far through its span a target should be by `countedTo`, if progress ran in a straight line. */
export function expectedShare(periodStart: string, deadline: string, countedTo: string): number {
  const span = daysBetween(periodStart, deadline) + 1;
  const elapsed = Math.min(span, Math.max(0, daysBetween(periodStart, countedTo) + 1));
  return percent(elapsed, span);
}

export type GoalKind = "AT_LEAST" | "AT_MOST" | "REDUCE_BY_PERCENT";

export interface Judgement {
  status: TargetProgressStatus;
  statusText: string;
  sharePercent: number | null;
}

/**
 * The status of a measured target. `achieved` and `goal` are in the target's unit; for a
 * reduction, `achieved` is the reduction reached and `goal` the reduction asked, both in percent.
 */
export function judge(kind: GoalKind, achieved: number, goal: number, expected: number, deadlinePassed: boolean): Judgement {
  const share = goal === 0 ? null : percent(achieved, goal);
  if (kind === "AT_MOST") {
    if (achieved > goal)
      return { status: TargetProgressStatus.MISSED, statusText: `已超出上限 (已达上限的 ${share}%)`, sharePercent: share };
    return deadlinePassed
      ? { status: TargetProgressStatus.ACHIEVED, statusText: `期限内未超出上限 (用至上限的 ${share}%)`, sharePercent: share }
      : { status: TargetProgressStatus.ON_TRACK, statusText: `未超出上限 (已用上限的 ${share}%)`, sharePercent: share };
  }
  if (achieved >= goal) return { status: TargetProgressStatus.ACHIEVED, statusText: `已完成 (完成目标的 ${share}%)`, sharePercent: share };
  if (deadlinePassed)
    return { status: TargetProgressStatus.MISSED, statusText: `期限已过, 未完成 (完成目标的 ${share}%)`, sharePercent: share };
  return share !== null && share >= expected
    ? { status: TargetProgressStatus.ON_TRACK, statusText: `进度正常 (完成 ${share}%, 按时间应完成 ${expected}%)`, sharePercent: share }
    : { status: TargetProgressStatus.OFF_TRACK, statusText: `进度滞后 (完成 ${share}%, 按时间应完成 ${expected}%)`, sharePercent: share };
}
