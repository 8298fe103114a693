import { checkRegionCode } from "../reference/regions";

/**
 * Why no report can be made from what was asked: said in Chinese, the CLI exits non-zero. The
 * code is the hub's (e.g. UNAUTHENTICATED) when the hub refused, BAD_USER_INPUT when the request
 * itself is wrong.
 */
export class ReportProblem extends Error {
  constructor(
    message: string,
    readonly code = "BAD_USER_INPUT",
  ) {
    super(message);
  }
}

/** A report period: a calendar year `YYYY` or a quarter `YYYY-Qn`, as China's calendar days. */
export interface ReportPeriod {
  /** As the hub writes it: `2024` or `2024-Q2`. */
  code: string;
  year: number;
  quarter: number | null;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD. */
  to: string;
  /** 2024年 or 2024年第二季度. */
  label: string;
}

const quarterNames = ["", "第一季度", "第二季度", "第三季度", "第四季度"];
const quarterEnds = ["", "03-31", "06-30", "09-30", "12-31"];

function period(year: number, quarter: number | null): ReportPeriod {
  const code = quarter ? `${year}-Q${quarter}` : String(year);
  const from = quarter ? `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01` : `${year}-01-01`;
  const to = `${year}-${quarter ? quarterEnds[quarter] : "12-31"}`;
  return { code, year, quarter, from, to, label: quarter ? `${year}年${quarterNames[quarter]}` : `${year}年` };
}

/**
 * Reads `--period`: a year or a quarter that has begun by `today` (China's calendar day). A period
 * not yet begun has no figures to show, so it is refused rather than reported as zeros.
 */
export function parsePeriod(text: string, today: string): ReportPeriod {
  const match = /^((?:19|20)\d{2})(?:-Q([1-4]))?$/.exec(text.trim());
  if (!match) throw new ReportProblem(`报告期间「${text}」格式不对: 应为年份 (如 2024) 或季度 (如 2024-Q2)`);
  const asked = period(Number(match[1]), match[2] ? Number(match[2]) : null);
  if (asked.from > today) throw new ReportProblem(`报告期间 ${asked.label} 尚未开始 (今天是 ${today}), 没有可报告的数据`);
  return asked;
}

/** The same period a year earlier, for the year-on-year comparison. */
export const previousPeriod = (current: ReportPeriod): ReportPeriod => period(current.year - 1, current.quarter);

/** A period still running on `today` is reported up to that day, and the document says so. */
export const periodInProgress = (current: ReportPeriod, today: string): boolean => current.to >= today;

export interface ReportRegion {
  code: string;
  name: string;
}

/** Reads `--region`: a GB/T 2260 code the hub serves (a county, or a prefecture or province with everything under it). */
export function parseRegion(text: string): ReportRegion {
  const code = text.trim();
  const region = checkRegionCode(code);
  if (!region.valid) {
    const why = /^\d{6}$/.test(code) ? "不是本中心所服务的 GB/T 2260 行政区划" : "应为 6 位 GB/T 2260 行政区划代码 (如 370300)";
    throw new ReportProblem(`行政区划代码「${text}」${why}`);
  }
  return { code, name: region.name };
}
