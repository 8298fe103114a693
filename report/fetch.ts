import { chinaToday } from "../kernel/calendar";
import type { Clock } from "../kernel/clock";
import { periodInProgress, previousPeriod, ReportProblem, type ReportPeriod, type ReportRegion } from "./period";
import {
  industryAnalysisDocument,
  meetingReportDocument,
  preventionFeeDocument,
  preventionTargetsDocument,
  typicalCaseBulletinsPage,
  type BulletinPage,
  type IndustryAnalysis,
  type PlanTarget,
  type PreventionFeeFigures,
  type MeetingReportAnswer,
  type MeetingReportFigures,
  type MeetingReportVariables,
  type RectificationEscalation,
  type TypicalCaseBulletin,
} from "./query";

/** The key-industry analysis covers the period's year and the four before it: a trend needs years. */
export const industryYears = 5;

/** The departments whose figures a meeting report can hold, in the order the document lists them. */
export const reportDepartments = ["coordination", "emergency", "health", "hrss", "transport", "housing", "unions"] as const;

export const departmentNames: Record<string, string> = {
  hrss: "人力资源和社会保障局 (人社)",
  emergency: "应急管理局 (应急)",
  health: "卫生健康委员会 (卫健)",
  transport: "交通运输局 (交通)",
  housing: "住房和城乡建设局 (住建)",
  unions: "总工会",
  coordination: "联席会议办公室 (联席办)",
};

/** A department that did not answer: its sections are left empty and the document names it. */
export interface MissingDepartment {
  agency: string;
  /** Why, in Chinese. */
  reason: string;
}

export interface ReportData {
  region: ReportRegion;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  current: MeetingReportFigures;
  /** Null when the previous period could not be read at all. */
  previous: MeetingReportFigures | null;
  /** Null when the office did not answer. */
  escalations: RectificationEscalation[] | null;
  /**
   * Bulletins published in the period about accidents of the region's employers (placed by the
   * registration region in the employer's credit code, as every section is); null when they cannot
   * be placed (the office or emergency management did not answer).
   */
  typicalCases: TypicalCaseBulletin[] | null;
  /** 数据分析研判 over the years up to the period's; null when its owner did not answer. */
  industries: IndustryAnalysis | null;
  /** The plans' targets for the region and period with their progress; null when they could not be read. */
  targets: PlanTarget[] | null;
  /** 工伤预防费 per pooling area; empty when no budget covers the year; null when it could not be read. */
  fees: PreventionFeeFigures[] | null;
  /** Bulletins of the period not tied to an accident, so to no region: listed apart. */
  unplacedCases: TypicalCaseBulletin[];
  missing: MissingDepartment[];
  /** When the hub answered (the injected clock). */
  readAt: Date;
  /** The period is still running: figures are up to `today`. */
  inProgress: boolean;
  today: string;
}

export interface FetchOptions {
  gatewayUrl: string;
  token: string;
  region: ReportRegion;
  period: ReportPeriod;
  /** The meeting or case the report is for, kept in the audit record. */
  caseRef?: string;
  clock: Clock;
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; subgraph?: string; serviceName?: string; field?: string; reason?: string };
}

const refusals: Record<string, string> = {
  UNAUTHENTICATED: "身份未通过验证 (令牌无效或已过期)",
  FORBIDDEN: "无权读取会议报告的部分字段",
  PURPOSE_REQUIRED: "请求未说明用途",
  BAD_USER_INPUT: "请求参数有误",
  RATE_LIMITED: "请求过于频繁, 请稍后再试",
  AUDIT_UNAVAILABLE: "审计日志暂时无法写入, 中心不发布任何数据",
  COST_LIMIT_EXCEEDED: "查询范围超过中心的限制",
};

const unavailable = new Set(["SUBGRAPH_UNAVAILABLE", "SUBGRAPH_UNATTESTED"]);

/** One governed, audited request to the gateway under the caller's token, purpose MEETING_REPORT. */
async function ask<T>(options: FetchOptions, query: string, variables: Record<string, unknown>) {
  let response: Response;
  try {
    response = await fetch(options.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${options.token}` },
      body: JSON.stringify({
        query,
        variables,
        extensions: { purpose: "MEETING_REPORT", ...(options.caseRef ? { caseRef: options.caseRef } : {}) },
      }),
    });
  } catch (error) {
    throw new ReportProblem(`无法连接联防中心 ${options.gatewayUrl}: ${(error as Error).message}`, "HUB_UNREACHABLE");
  }
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new ReportProblem(`联防中心的答复不是 GraphQL 答复 (HTTP ${response.status}): ${text.slice(0, 200)}`);
  }
  const errors = body.errors ?? [];
  // No data because departments were unreachable: the caller decides whether the report can stand without it.
  if (!body.data && errors.length && errors.every((error) => unavailable.has(error.extensions?.code ?? ""))) {
    return { data: null, errors };
  }
  if (!body.data) {
    const first = errors[0];
    const code = first?.extensions?.code ?? `HTTP ${response.status}`;
    const field = first?.extensions?.field ? ` (${first.extensions.field})` : "";
    const reason = first?.extensions?.reason ?? first?.message ?? "无说明";
    throw new ReportProblem(`联防中心拒绝了会议报告请求: ${refusals[code] ?? code}${field}: ${reason}`, code);
  }
  return { data: body.data, errors };
}

/** Departments named in a partial answer's errors: each is missing from the document, never silently. */
function missingDepartments(errors: GraphQLErrorShape[]): MissingDepartment[] {
  const missing = new Map<string, string>();
  for (const error of errors) {
    const agency = error.extensions?.subgraph ?? error.extensions?.serviceName ?? "unknown";
    const code = error.extensions?.code ?? "";
    const reason = unavailable.has(code) ? "暂时无法访问, 本部门数据暂缺" : `答复出错 (${code || "无代码"}), 本部门数据暂缺`;
    if (!missing.has(agency)) missing.set(agency, reason);
  }
  return [...missing].map(([agency, reason]) => ({ agency, reason }));
}

/** Whether a department's region code lies in the report's region (a prefecture or province covers all below it). */
export function regionCovers(regionCode: string, candidate: string): boolean {
  const significant = regionCode.endsWith("0000") ? 2 : regionCode.endsWith("00") ? 4 : 6;
  return candidate.slice(0, significant) === regionCode.slice(0, significant);
}

/**
 * Reads the meeting report for a region and period, and the same period a year earlier, through the
 * gateway. A department that does not answer is listed in `missing`, its sections left null.
 */
export async function fetchReport(options: FetchOptions): Promise<ReportData> {
  const { region, period } = options;
  const earlier = previousPeriod(period);
  const variables: MeetingReportVariables = {
    regionCode: region.code,
    period: period.code,
    previousPeriod: earlier.code,
    publishedFrom: period.from,
  };
  const answer = await ask<MeetingReportAnswer>(options, meetingReportDocument, { ...variables });
  const readAt = options.clock();
  const errors = [...answer.errors];
  const current = answer.data?.current;
  if (!current) {
    // The office owns the report's root: without it there is no report to write.
    const agencies = [...new Set(errors.map((error) => error.extensions?.subgraph ?? error.extensions?.serviceName ?? "unknown"))];
    throw new ReportProblem(
      `${agencies.map((agency) => departmentNames[agency] ?? agency).join("、")} 暂时无法访问, 无法生成会议报告`,
      "SUBGRAPH_UNAVAILABLE",
    );
  }
  let bulletins: TypicalCaseBulletin[] | null = null;
  let page: BulletinPage | null = answer.data?.typicalCaseBulletins ?? null;
  if (page) {
    bulletins = [...page.nodes];
    while (page?.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      const next: { data: { typicalCaseBulletins: BulletinPage | null } | null; errors: GraphQLErrorShape[] } = await ask(
        options,
        typicalCaseBulletinsPage,
        { publishedFrom: period.from, after: page.pageInfo.endCursor },
      );
      errors.push(...next.errors);
      page = next.data?.typicalCaseBulletins ?? null;
      bulletins.push(...(page?.nodes ?? []));
    }
  }
  const industryAnswer = await ask<{ industryAnalysis: IndustryAnalysis | null }>(options, industryAnalysisDocument, {
    regionCode: region.code,
    fromYear: period.year - industryYears + 1,
    toYear: period.year,
  });
  errors.push(...industryAnswer.errors);
  const today = chinaToday(readAt);
  const targetAnswer = await ask<{ preventionTargets: PlanTarget[] | null }>(options, preventionTargetsDocument, {
    regionCode: region.code,
    period: period.code,
    asOf: period.to < today ? period.to : today,
  });
  errors.push(...targetAnswer.errors);
  const feeAnswer = await ask<{ preventionFeeFigures: PreventionFeeFigures[] | null }>(options, preventionFeeDocument, {
    regionCode: region.code,
    period: period.code,
  });
  errors.push(...feeAnswer.errors);
  const missing = missingDepartments(errors);
  const emergencyMissing = missing.some((department) => department.agency === "emergency");
  const inPeriod = (bulletin: TypicalCaseBulletin) => bulletin.publishedOn >= period.from && bulletin.publishedOn <= period.to;
  const ofPeriod = (bulletins ?? []).filter(inPeriod);
  return {
    region,
    period,
    previousPeriod: earlier,
    current,
    previous: answer.data?.previous ?? null,
    industries: industryAnswer.data?.industryAnalysis ?? null,
    targets: targetAnswer.data?.preventionTargets ?? null,
    fees: feeAnswer.data?.preventionFeeFigures ?? null,
    escalations: current.rectificationEscalations,
    // Without emergency management the bulletins' accidents cannot be placed in a region.
    typicalCases:
      bulletins && !emergencyMissing
        ? ofPeriod.filter((bulletin) => bulletin.accident && regionCovers(region.code, bulletin.accident.creditCode.slice(2, 8)))
        : null,
    unplacedCases: emergencyMissing ? [] : ofPeriod.filter((bulletin) => !bulletin.accident),
    missing,
    readAt,
    inProgress: periodInProgress(period, today),
    today,
  };
}
