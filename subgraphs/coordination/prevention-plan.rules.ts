import { badUserInput } from "../../kernel/errors";
import { keyIndustries } from "../../reference/key-industries";
import { allKeyIndustries, goalKinds, keyPostGroup, targetMetric, type GoalKind } from "../../reference/target-metrics";

/** A plan's id: upper-case letters, digits and hyphens, e.g. ZIBO-2025. */
export const planIdPattern = /^[A-Z0-9][A-Z0-9-]{2,33}$/;
/** One plan holds at most this many targets. */
export const maximumTargets = 50;

/** A goal or baseline to two decimals, kept in hundredths; undefined when finer or not finite. */
export function hundredthsOf(value: number): number | undefined {
  const hundredths = Math.round(value * 100);
  return Number.isFinite(value) && Math.abs(value * 100 - hundredths) <= 1e-6 ? hundredths : undefined;
}

/** A target's industry scope as stored: known key-industry codes joined by +, each once, or KEY_INDUSTRIES. */
export function requireIndustryScope(field: string, value: string): string {
  const scope = value.trim().toUpperCase();
  if (scope === allKeyIndustries.code) return scope;
  const codes = scope.split("+");
  for (const code of codes)
    if (!keyIndustries.some((industry) => industry.code === code))
      throw badUserInput(
        field,
        `${JSON.stringify(code)} 不是重点行业代码; 可用: ${keyIndustries.map((industry) => industry.code).join(", ")}, 或 ${allKeyIndustries.code}`,
      );
  if (new Set(codes).size !== codes.length) throw badUserInput(field, "同一重点行业只能列一次");
  return codes.join("+");
}

export function requireKeyPostGroup(field: string, value: string): string {
  if (!keyPostGroup(value))
    throw badUserInput(field, `${JSON.stringify(value)} 不是已知的重点岗位人员类别 (THREE_CATEGORIES, TEAM_LEADERS, KEY_POSTS)`);
  return value;
}

export interface GoalInput {
  metric: string;
  goalKind: string;
  goalValue: number;
  baselineYear?: number | null;
  baselineValue?: number | null;
  periodStart: string;
}

/** The metric, goal and baseline of a target, checked together: what each kind of goal needs. */
export function requireGoal(field: string, input: GoalInput) {
  const metric = targetMetric(input.metric);
  if (!metric) throw badUserInput(`${field}.metric`, `${JSON.stringify(input.metric)} 不是已知的指标代码`);
  if (!goalKinds.includes(input.goalKind as GoalKind))
    throw badUserInput(`${field}.goalKind`, `${JSON.stringify(input.goalKind)} 不是 ${goalKinds.join(", ")} 之一`);
  const goalHundredths = hundredthsOf(input.goalValue);
  if (goalHundredths === undefined || goalHundredths <= 0)
    throw badUserInput(`${field}.goalValue`, `目标值须为大于 0 的数, 最多两位小数, 收到 ${input.goalValue}`);
  if ((metric.unit === "%" || input.goalKind === "REDUCE_BY_PERCENT") && goalHundredths > 10_000)
    throw badUserInput(`${field}.goalValue`, `百分比目标不能超过 100, 收到 ${input.goalValue}`);
  const relative = input.goalKind === "REDUCE_BY_PERCENT";
  const baselineYear = input.baselineYear ?? null;
  if (relative && baselineYear === null) throw badUserInput(`${field}.baselineYear`, "降幅目标须有基准年");
  if (!relative && baselineYear !== null) throw badUserInput(`${field}.baselineYear`, "只有降幅目标 (REDUCE_BY_PERCENT) 有基准年");
  if (
    baselineYear !== null &&
    (!Number.isInteger(baselineYear) || baselineYear >= Number(input.periodStart.slice(0, 4)) || baselineYear < 1990)
  )
    throw badUserInput(`${field}.baselineYear`, `基准年须为 1990 年至目标起始年之前的年份, 收到 ${baselineYear}`);
  const baselineValue = input.baselineValue ?? null;
  const baselineHundredths = baselineValue === null ? null : hundredthsOf(baselineValue);
  if (baselineValue !== null && !relative) throw badUserInput(`${field}.baselineValue`, "只有降幅目标 (REDUCE_BY_PERCENT) 有基准值");
  if (baselineHundredths === undefined || (baselineHundredths !== null && baselineHundredths <= 0))
    throw badUserInput(`${field}.baselineValue`, `基准值须为大于 0 的数, 最多两位小数, 收到 ${baselineValue}`);
  return { metric: metric.code, goalKind: input.goalKind, goalHundredths, baselineYear, baselineHundredths };
}
