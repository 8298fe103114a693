import { checkRegionCode } from "../reference/regions";
import { addDays, chinaToday } from "./calendar";
import { badUserInput } from "./errors";

/**
 * A reporting period, "YYYY" or "YYYY-Qn", and the region it is asked for. A period that has not
 * begun by the hub's clock is refused: its figures would be zeros that look like a result.
 */
export interface ReportPeriod {
  regionCode: string;
  year: number;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

const badPeriod = (field: string, reasonCode: string, reason: string) => badUserInput(field, reason, { reasonCode });

const periodPattern = /^((?:19|20)\d{2})(?:-Q([1-4]))?$/;

export function requireReportPeriod(regionCode: string, period: string, now: Date): ReportPeriod {
  if (!checkRegionCode(regionCode).valid)
    throw badPeriod("regionCode", "UNKNOWN_REGION", `${JSON.stringify(regionCode)} 不是已知的 GB/T 2260 行政区划代码`);
  const match = periodPattern.exec(period);
  if (!match)
    throw badPeriod("period", "MALFORMED_PERIOD", `${JSON.stringify(period)} 不是报告期: 应写作年份 YYYY 或季度 YYYY-Qn (n 为 1 至 4)`);
  const year = Number(match[1]);
  const quarter = match[2] ? Number(match[2]) : undefined;
  const firstMonth = quarter ? (quarter - 1) * 3 + 1 : 1;
  const from = `${year}-${String(firstMonth).padStart(2, "0")}-01`;
  const nextFirst = quarter && quarter < 4 ? `${year}-${String(firstMonth + 3).padStart(2, "0")}-01` : `${year + 1}-01-01`;
  const today = chinaToday(now);
  if (from > today) throw badPeriod("period", "FUTURE_PERIOD", `报告期 ${period} 尚未开始 (今天是 ${today})`);
  return { regionCode, year, from, to: addDays(nextFirst, -1) };
}

/**
 * The scope of a plan issued for the whole country (a ministry's). GB/T 2260 has no code for the
 * nation, so the hub writes six zeros: no province's code starts with 00, and it contains every
 * region. It is a plan's or a target's scope only, never a region a report or a record is asked for.
 */
export const nationalRegionCode = "000000";

/** The significant digits of a GB/T 2260 code: a province's 2, a prefecture's 4, a county's 6; none for the nation. */
export const regionPrefix = (regionCode: string): string =>
  regionCode === nationalRegionCode ? "" : regionCode.slice(0, regionCode.endsWith("0000") ? 2 : regionCode.endsWith("00") ? 4 : 6);

/** Whether `outer` is `inner` or contains it (a province contains its prefectures and counties). */
export const regionContains = (outer: string, inner: string): boolean => inner.startsWith(regionPrefix(outer));
