import { departmentNames, type ReportData } from "./fetch";
import { fenToYuanText } from "../kernel/money";
import { agencyNames, complaintCategoryNames, gradeNames, nameOf, vehicleClassNames } from "../reference/labels";
import type { IndustryRow, PlanTarget } from "./query";

/**
 * The report's figures in one model, from which the HTML (and so the PDF) and the workbook are
 * both written: the numbers a meeting reads on paper are the numbers in the spreadsheet.
 */

export const gradeOrder = ["ESPECIALLY_MAJOR", "MAJOR", "LARGER", "ORDINARY"];
export const stageNames: Record<string, string> = { REMINDER: "催告企业", NOTICE: "通报主管部门", REFERRAL: "移交依法处理" };
export const stateNames: Record<string, string> = { OPEN: "未整改", CONFIRMED: "已确认整改", REJECTED: "整改未通过" };
export const sourceNames: Record<string, string> = {
  JOINT_INSPECTION: "联合检查",
  HAZARD_INSPECTION: "应急隐患检查",
  CONSTRUCTION_SAFETY_INSPECTION: "住建安全检查",
  SUPERVISION_CHECK: "工会劳动保护监督检查",
};

/** One key figure: this period, the same period a year earlier, null where a department did not answer. */
export interface Figure {
  /** Stable English key: the HTML's data-figure and the workbook's 指标代码. */
  key: string;
  label: string;
  unit: string;
  agency: string;
  current: number | null;
  previous: number | null;
  /** Whether the figure is compared with the same period a year earlier (lists of the period are not). */
  compared: boolean;
}

export interface Change {
  delta: number | null;
  /** (current − previous) / previous; null when the previous is 0 or unknown: no division by zero. */
  ratio: number | null;
  /** In Chinese: 增加 3 (+12.5%), 持平, 上年同期为 0, 上年同期数据暂缺. */
  text: string;
}

export function changeOf(figure: Pick<Figure, "current" | "previous" | "compared">): Change {
  const { current, previous } = figure;
  if (!figure.compared) return { delta: null, ratio: null, text: "不作同比" };
  if (current === null) return { delta: null, ratio: null, text: "本期数据暂缺" };
  if (previous === null) return { delta: null, ratio: null, text: "上年同期数据暂缺" };
  const delta = current - previous;
  if (delta === 0) return { delta, ratio: previous === 0 ? null : 0, text: "持平" };
  if (previous === 0) return { delta, ratio: null, text: `增加 ${formatNumber(delta)} (上年同期为 0)` };
  const ratio = delta / previous;
  const percent = `${ratio > 0 ? "+" : "−"}${Math.abs(ratio * 100).toFixed(1)}%`;
  return { delta, ratio, text: `${delta > 0 ? "增加" : "减少"} ${formatNumber(Math.abs(delta))} (${percent})` };
}

export const formatNumber = (value: number): string => value.toLocaleString("zh-CN");

export type Cell = string | number | null;

export interface Column {
  key: string;
  header: string;
  /** Written as a number in the workbook: counts whole, rates to two decimals, shares as percent. */
  /** money: whole fen in the model, 元 with two decimals in the document and the workbook. */
  kind: "text" | "number" | "decimal" | "percent" | "money";
  width?: number;
  /** Long text that may wrap in a wide table of the document (other cells keep to one line). */
  wrap?: boolean;
}

/** A table of the document, and a sheet of the workbook. */
export interface FigureTable {
  key: string;
  /** Sheet name: Chinese, at most 31 characters. */
  sheet: string;
  title: string;
  agency: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** The department did not answer: the table is empty and says so. */
  missing: boolean;
}

export interface ReportModel {
  title: string;
  data: ReportData;
  summary: Figure[];
  tables: Record<string, FigureTable>;
  /** The departments whose figures are in the document, with what they contributed. */
  contributions: { agency: string; contributed: string; status: string }[];
  regionRule: string;
}

export const trendNames: Record<string, string> = { RISING: "上升", FALLING: "下降", STEADY: "基本持平", UNKNOWN: "无法判断" };

/** A trend in words: 上升 12.3% (2020–2024年), or why no percentage can be given. */
export function trendText(trend: IndustryRow["trend"]): string {
  const direction = nameOf(trendNames, trend.direction);
  if (trend.direction === "UNKNOWN" || trend.changePercent === null) return trend.reason ? `${direction}：${trend.reason}` : direction;
  const span = trend.fromYear && trend.toYear ? ` (${trend.fromYear}–${trend.toYear}年)` : "";
  return `${direction} ${Math.abs(trend.changePercent).toFixed(1)}%${span}`;
}

/** The same trend in a few characters for the printed table; the workbook keeps the reasons. */
export function shortTrendText(trend: IndustryRow["trend"]): string {
  const direction = nameOf(trendNames, trend.direction);
  return trend.changePercent === null || trend.direction === "UNKNOWN"
    ? direction
    : `${direction} ${Math.abs(trend.changePercent).toFixed(1)}%`;
}

const industryColumns: Column[] = [
  { key: "insured", header: "年末参保人数", kind: "number", width: 12 },
  { key: "accidents", header: "事故起数", kind: "number", width: 10 },
  { key: "deaths", header: "死亡人数", kind: "number", width: 10 },
  { key: "recognised", header: "认定工伤", kind: "number", width: 10 },
  { key: "diseases", header: "新发职业病", kind: "number", width: 10 },
  { key: "injuryRate", header: "工伤发生率 (‰)", kind: "decimal", width: 14 },
  { key: "deathRate", header: "死亡率 (1/10万)", kind: "decimal", width: 14 },
];

function industryFigures(row: IndustryRow, year: number): Record<string, Cell> {
  const figures = row.years.find((candidate) => candidate.year === year);
  return {
    insured: figures?.insuredHeadcount ?? null,
    accidents: figures?.accidents ?? null,
    deaths: figures?.deaths ?? null,
    recognised: figures?.recognisedInjuries ?? null,
    diseases: figures?.newOccupationalDiseaseCases ?? null,
    injuryRate: figures?.injuriesPerThousand ?? null,
    deathRate: figures?.deathsPerHundredThousand ?? null,
  };
}

function industryTables(data: ReportData): Record<string, FigureTable> {
  const analysis = data.industries;
  const year = data.period.year;
  const missing = !analysis?.keyIndustries || !analysis.divisions;
  return {
    keyIndustries: {
      key: "keyIndustries",
      sheet: "重点行业",
      title: `重点行业 (${year}年)`,
      agency: "coordination",
      columns: [
        { key: "name", header: "重点行业", kind: "text", width: 16 },
        ...industryColumns,
        { key: "rank", header: "排名", kind: "number", width: 8 },
        { key: "trend", header: "工伤发生率趋势", kind: "text", width: 30 },
      ],
      rows: (analysis?.keyIndustries ?? []).map((row) => ({
        name: row.name,
        ...industryFigures(row, year),
        rank: row.rank,
        trend: trendText(row.trend),
        trendShort: shortTrendText(row.trend),
      })),
      missing,
    },
    keyIndustryYears: {
      key: "keyIndustryYears",
      sheet: "重点行业分年",
      title: "重点行业分年",
      agency: "coordination",
      columns: [
        { key: "name", header: "重点行业", kind: "text", width: 16 },
        { key: "year", header: "年度", kind: "number", width: 8 },
        ...industryColumns,
        { key: "rank", header: "排名", kind: "number", width: 8 },
        { key: "note", header: "说明", kind: "text", width: 30 },
      ],
      rows: (analysis?.keyIndustries ?? []).flatMap((row) =>
        row.years.map((figures) => ({
          name: row.name,
          year: figures.year,
          ...industryFigures(row, figures.year),
          rank: figures.rank,
          note: figures.rateUnavailable,
        })),
      ),
      missing,
    },
    divisions: {
      key: "divisions",
      sheet: "行业排名",
      title: `各行业 (GB/T 4754 大类) 按${year}年工伤发生率排名`,
      agency: "coordination",
      columns: [
        { key: "code", header: "行业代码", kind: "text", width: 10 },
        { key: "name", header: "行业名称", kind: "text", width: 28, wrap: true },
        { key: "rank", header: "排名", kind: "number", width: 8 },
        { key: "keyIndustry", header: "所属重点行业", kind: "text", width: 14 },
        ...industryColumns,
        { key: "trend", header: "工伤发生率趋势", kind: "text", width: 30 },
      ],
      rows: (analysis?.divisions ?? []).map((row) => ({
        code: row.code,
        name: row.name,
        rank: row.rank,
        keyIndustry: row.keyIndustry?.name ?? null,
        ...industryFigures(row, year),
        trend: trendText(row.trend),
        trendShort: shortTrendText(row.trend),
      })),
      missing,
    },
  };
}

export const progressStatusNames: Record<string, string> = {
  ACHIEVED: "已完成",
  ON_TRACK: "进度正常",
  OFF_TRACK: "进度滞后",
  MISSED: "未完成",
  NOT_STARTED: "未开始",
  NO_DATA: "无数据",
};
export const feeCategoryNames: Record<string, string> = { PUBLICITY: "宣传", TRAINING: "培训" };
export const trainingMetrics = [
  "TRAINED_PERSONS",
  "TRAINED_PERSONS_OFFLINE",
  "TRAINED_PERSONS_ONLINE",
  "TRAINED_PERSONS_WITH_PRACTICAL",
  "ROSTER_COVERAGE",
];

/** Fen as 元 with separators and exactly two decimals, from the integer's digits. */
export function yuanText(fen: number): string {
  const [whole, cents] = fenToYuanText(fen).split(".");
  return `${BigInt(whole).toLocaleString("zh-CN")}.${cents}`;
}

/** A target's number in its own unit's precision: persons whole, shares and rates to their usual decimals, 元 to the fen. */
export function numberText(value: number, unit: string): string {
  if (unit === "元") return value.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (unit === "%") return value.toFixed(1);
  if (unit === "‰") return value.toFixed(2);
  return value.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
}

/** The number with its unit: 12,000 人, 85.3%, 1.25‰, 5,000,000.00 元. */
export const valueText = (value: number, unit: string): string =>
  `${numberText(value, unit)}${unit === "%" || unit === "‰" ? "" : " "}${unit}`;

/** The goal as the plan sets it: ≥ 12,000 人, ≤ 5,000,000.00 元, 较2020年下降 20%. */
export function goalText(target: PlanTarget): string {
  if (target.goalKind === "REDUCE_BY_PERCENT") return `较${target.baselineYear ?? "基线"}年下降 ${target.goalValue}%`;
  return `${target.goalKind === "AT_MOST" ? "≤" : "≥"} ${valueText(target.goalValue, target.unit)}`;
}

export function scopeText(target: PlanTarget): string {
  return [target.keyIndustryName, target.keyPostGroupName].filter(Boolean).join(" · ") || "全部";
}

function planTables(data: ReportData): Record<string, FigureTable> {
  const targets = data.targets ?? [];
  const fees = data.fees ?? [];
  return {
    targets: {
      key: "targets",
      sheet: "目标进展",
      title: "规划目标及进展",
      agency: "hrss",
      columns: [
        { key: "id", header: "目标编号", kind: "text", width: 16 },
        { key: "plan", header: "规划", kind: "text", width: 36 },
        { key: "source", header: "依据", kind: "text", width: 30 },
        { key: "text", header: "目标原文", kind: "text", width: 50 },
        { key: "metric", header: "指标", kind: "text", width: 24 },
        { key: "scope", header: "范围", kind: "text", width: 20 },
        { key: "goal", header: "目标", kind: "text", width: 22 },
        { key: "deadline", header: "期限", kind: "text", width: 12 },
        { key: "achieved", header: "已达到", kind: "decimal", width: 14 },
        { key: "unit", header: "单位", kind: "text", width: 6 },
        { key: "share", header: "完成比例", kind: "percent", width: 10 },
        { key: "expected", header: "按时序应达", kind: "percent", width: 10 },
        { key: "status", header: "状态", kind: "text", width: 10 },
        { key: "statusText", header: "说明", kind: "text", width: 40 },
        { key: "method", header: "计算方法", kind: "text", width: 50 },
        { key: "data", header: "依据数据", kind: "text", width: 50 },
      ],
      rows: targets.map((target) => ({
        id: target.id,
        plan: target.plan ? `${target.plan.title} (${target.plan.documentNumber})` : null,
        source: `${target.sourceDocument} ${target.sourceArticle}`,
        text: target.text,
        metric: target.metricName,
        scope: scopeText(target),
        goal: goalText(target),
        deadline: target.deadline,
        achieved: target.progress.achievedValue,
        unit: target.unit,
        share: target.progress.sharePercent === null ? null : target.progress.sharePercent / 100,
        expected: target.progress.expectedSharePercent / 100,
        status: nameOf(progressStatusNames, target.progress.status),
        statusText: target.progress.statusText,
        method: target.progress.method,
        data: target.progress.data
          .map((datum) => `${datum.label}${datum.year ? ` (${datum.year}年)` : ""}: ${valueText(datum.value, datum.unit)}`)
          .join("; "),
      })),
      missing: data.targets === null,
    },
    fees: {
      key: "fees",
      sheet: "工伤预防费",
      title: "工伤预防费预算与使用",
      agency: "hrss",
      columns: [
        { key: "area", header: "统筹地区", kind: "text", width: 14 },
        { key: "year", header: "年度", kind: "number", width: 8 },
        { key: "asOf", header: "截至", kind: "text", width: 12 },
        { key: "budget", header: "预算 (元)", kind: "money", width: 16 },
        { key: "cap", header: "第五条上限 (元)", kind: "money", width: 16 },
        { key: "committed", header: "已签约 (元)", kind: "money", width: 16 },
        { key: "paid", header: "已支付 (元)", kind: "money", width: 16 },
        { key: "uncommitted", header: "未签约余额 (元)", kind: "money", width: 16 },
        { key: "committedShare", header: "签约比例", kind: "percent", width: 10 },
        { key: "paidShare", header: "支付比例", kind: "percent", width: 10 },
        { key: "projects", header: "项目数", kind: "number", width: 8 },
      ],
      rows: fees.map((entry) => ({
        area: entry.poolingAreaName,
        year: entry.year,
        asOf: entry.asOf,
        budget: entry.budgetFen,
        cap: entry.capFen,
        committed: entry.committedFen,
        paid: entry.paidFen,
        uncommitted: entry.uncommittedFen,
        committedShare: entry.committedPercent === null ? null : entry.committedPercent / 100,
        paidShare: entry.paidPercent === null ? null : entry.paidPercent / 100,
        projects: entry.committedProjects,
      })),
      missing: data.fees === null,
    },
    feeCategories: {
      key: "feeCategories",
      sheet: "工伤预防费按用途",
      title: "工伤预防费按用途",
      agency: "hrss",
      columns: [
        { key: "row", header: "统筹地区 · 用途", kind: "text", width: 18 },
        { key: "budget", header: "预算 (元)", kind: "money", width: 16 },
        { key: "committed", header: "已签约 (元)", kind: "money", width: 16 },
        { key: "paid", header: "已支付 (元)", kind: "money", width: 16 },
      ],
      rows: fees.flatMap((entry) =>
        entry.byCategory.map((category) => ({
          row: `${entry.poolingAreaName} · ${nameOf(feeCategoryNames, category.category)}`,
          budget: category.budgetFen,
          committed: category.committedFen,
          paid: category.paidFen,
        })),
      ),
      missing: data.fees === null,
    },
  };
}

const measureColumns: Column[] = [
  { key: "measure", header: "指标", kind: "text", width: 44 },
  { key: "value", header: "数值", kind: "number" },
];

/** A section's figures as rows of 指标 / 数值; no row when the department did not answer. */
function measureTable(key: string, sheet: string, title: string, agency: string, rows: [string, number][] | null): FigureTable {
  return {
    key,
    sheet,
    title,
    agency,
    columns: measureColumns,
    rows: (rows ?? []).map(([measure, value]) => ({ measure, value })),
    missing: rows === null,
  };
}

/** 交通, 住建 and 总工会's sections: each its own department's figures for the region and period. */
function supervisionTables(data: ReportData): Record<string, FigureTable> {
  const transport = data.current.transportStatistics;
  const construction = data.current.constructionSafetyStatistics;
  const unions = data.current.unionSupervisionStatistics;
  return {
    transport: measureTable(
      "transport",
      "道路运输",
      "道路运输经营者与营运车辆",
      "transport",
      transport && [
        ["持有道路运输经营许可证的经营者 (家, 现有登记)", transport.licensedOperators],
        ["其中经营许可证在本期内到期 (家)", transport.licencesExpiring],
        ["营运车辆 (辆, 现有登记)", transport.vehicles],
        ["其中道路运输证在本期内到期 (辆)", transport.certificatesExpiring],
      ],
    ),
    vehiclesByClass: {
      key: "vehiclesByClass",
      sheet: "营运车辆按类别",
      title: "营运车辆按类别",
      agency: "transport",
      columns: [
        { key: "vehicleClass", header: "车辆类别", kind: "text", width: 16 },
        { key: "vehicles", header: "营运车辆", kind: "number" },
        { key: "certificatesExpiring", header: "本期到期的道路运输证", kind: "number", width: 20 },
      ],
      rows: (transport?.byVehicleClass ?? []).map((row) => ({
        vehicleClass: nameOf(vehicleClassNames, row.vehicleClass),
        vehicles: row.vehicles,
        certificatesExpiring: row.certificatesExpiring,
      })),
      missing: !transport,
    },
    construction: measureTable(
      "construction",
      "施工安全",
      "建设工程施工安全",
      "housing",
      construction && [
        ["本期核发施工许可的项目 (个)", construction.projectsPermitted],
        ["施工安全检查 (次)", construction.inspections],
        ["检查的项目 (个)", construction.projectsInspected],
        ["发现隐患 (处)", construction.hazardsFound],
        ["责令限期整改 (次)", construction.rectificationsOrdered],
        ["其中责令停工整改 (次)", construction.stopWorkOrders],
        ["进场实名登记的建筑工人 (人)", construction.workersEntered],
      ],
    ),
    unionSupervision: measureTable(
      "unionSupervision",
      "工会监督与投诉",
      "工会劳动保护监督检查与职工投诉",
      "unions",
      unions && [
        ["劳动保护监督检查 (次)", unions.checks],
        ["被检查的用人单位 (家)", unions.enterprisesChecked],
        ["发现隐患 (处)", unions.hazardsFound],
        ["读取时仍待整改的检查 (次)", unions.checksAwaitingRectification],
        ["受理职工投诉 (件)", unions.complaintsReceived],
        ["其中转办有关部门 (件)", unions.complaintsTransferred],
        ["其中已办结 (件)", unions.complaintsResolved],
      ],
    ),
    complaintsByCategory: {
      key: "complaintsByCategory",
      sheet: "职工投诉按类别",
      title: "职工投诉按类别",
      agency: "unions",
      columns: [
        { key: "category", header: "投诉类别", kind: "text", width: 16 },
        { key: "complaints", header: "投诉 (件)", kind: "number" },
      ],
      rows: (unions?.complaintsByCategory ?? []).map((row) => ({
        category: nameOf(complaintCategoryNames, row.category),
        complaints: row.complaints,
      })),
      missing: !unions,
    },
  };
}

export function buildModel(data: ReportData): ReportModel {
  const { current, previous } = data;
  const accidents = current.accidentStatistics;
  const diseases = current.occupationalDiseaseStatistics;
  const injuries = current.injuryStatistics;
  const joint = current.jointWork;
  const seriousGrades = (grades: { grade: string; accidents: number }[]) =>
    grades.filter((row) => row.grade !== "ORDINARY").reduce((sum, row) => sum + row.accidents, 0);
  const overdue = data.escalations ? new Set(data.escalations.map((escalation) => escalation.rectification.id)).size : null;
  const figure = (
    key: string,
    label: string,
    unit: string,
    agency: string,
    pick: (figures: NonNullable<ReportData["previous"]>) => number | null | undefined,
  ): Figure => ({
    key,
    label,
    unit,
    agency,
    current: pick(current) ?? null,
    previous: previous ? (pick(previous) ?? null) : null,
    compared: true,
  });
  const summary: Figure[] = [
    figure("accidents", "生产安全事故", "起", "emergency", (f) => f.accidentStatistics?.accidents),
    figure("deaths", "事故死亡", "人", "emergency", (f) => f.accidentStatistics?.deaths),
    figure("seriousInjuries", "事故重伤", "人", "emergency", (f) => f.accidentStatistics?.seriousInjuries),
    figure(
      "largerAccidents",
      "较大及以上事故",
      "起",
      "emergency",
      (f) => f.accidentStatistics && seriousGrades(f.accidentStatistics.byGrade),
    ),
    figure("occupationalDiseases", "新发职业病", "例", "health", (f) => f.occupationalDiseaseStatistics?.newCases),
    figure("injuryApplications", "工伤认定申请", "件", "hrss", (f) => f.injuryStatistics?.applications),
    figure("injuriesRecognised", "认定为工伤", "件", "hrss", (f) => f.injuryStatistics?.recognised),
    figure("severelyDisabled", "一至四级伤残", "人", "hrss", (f) => f.injuryStatistics?.severelyDisabled),
    figure("inspectionsPlanned", "联合检查", "次", "coordination", (f) => f.jointWork?.inspectionsPlanned),
    figure("inspectionsClosed", "已完成的联合检查", "次", "coordination", (f) => f.jointWork?.inspectionsClosed),
    figure("enterprisesInspected", "联合检查企业", "家次", "coordination", (f) => f.jointWork?.enterprisesInspected),
    figure("rectificationsOrdered", "责令限期整改", "家次", "coordination", (f) => f.jointWork?.rectificationsOrdered),
    figure("certificatesExpiring", "到期的道路运输证", "辆", "transport", (f) => f.transportStatistics?.certificatesExpiring),
    figure("constructionInspections", "施工安全检查", "次", "housing", (f) => f.constructionSafetyStatistics?.inspections),
    figure("constructionHazards", "施工安全隐患", "处", "housing", (f) => f.constructionSafetyStatistics?.hazardsFound),
    figure("supervisionChecks", "工会劳动保护监督检查", "次", "unions", (f) => f.unionSupervisionStatistics?.checks),
    figure("complaints", "职工投诉", "件", "unions", (f) => f.unionSupervisionStatistics?.complaintsReceived),
    {
      key: "overdueRectifications",
      label: "逾期整改督办",
      unit: "件",
      agency: "coordination",
      current: overdue,
      previous: null,
      compared: false,
    },
    {
      key: "targets",
      label: "适用的规划目标",
      unit: "项",
      agency: "hrss",
      current: data.targets ? data.targets.length : null,
      previous: null,
      compared: false,
    },
    {
      key: "targetsAchieved",
      label: "其中已完成",
      unit: "项",
      agency: "hrss",
      current: data.targets ? data.targets.filter((target) => target.progress.status === "ACHIEVED").length : null,
      previous: null,
      compared: false,
    },
    {
      key: "typicalCases",
      label: "典型案例通报",
      unit: "篇",
      agency: "coordination",
      current: data.typicalCases ? data.typicalCases.length : null,
      previous: null,
      compared: false,
    },
  ];

  const countColumns = (first: Column): Column[] => [
    first,
    { key: "accidents", header: "事故起数", kind: "number" },
    { key: "deaths", header: "死亡人数", kind: "number" },
  ];
  const tables: Record<string, FigureTable> = {
    summary: {
      key: "summary",
      sheet: "主要指标",
      title: "主要指标及同比",
      agency: "coordination",
      columns: [
        { key: "key", header: "指标代码", kind: "text", width: 22 },
        { key: "label", header: "指标", kind: "text", width: 18 },
        { key: "unit", header: "单位", kind: "text", width: 8 },
        { key: "department", header: "提供部门", kind: "text", width: 10 },
        { key: "current", header: `本期 (${data.period.label})`, kind: "number", width: 16 },
        { key: "previous", header: `上年同期 (${data.previousPeriod.label})`, kind: "number", width: 18 },
        { key: "delta", header: "增减", kind: "number", width: 10 },
        { key: "ratio", header: "增减率", kind: "percent", width: 10 },
        { key: "note", header: "说明", kind: "text", width: 26 },
      ],
      rows: summary.map((row) => {
        const change = changeOf(row);
        return {
          key: row.key,
          label: row.label,
          unit: row.unit,
          department: agencyNames[row.agency],
          current: row.current,
          previous: row.previous,
          delta: change.delta,
          ratio: change.ratio,
          note: change.ratio === null ? change.text : null,
        };
      }),
      missing: false,
    },
    accidentsByGrade: {
      key: "accidentsByGrade",
      sheet: "事故按等级",
      title: "生产安全事故按等级",
      agency: "emergency",
      columns: countColumns({ key: "grade", header: "事故等级", kind: "text", width: 14 }),
      // Every statutory grade is listed, a grade with no accident as 0, so the table reads the same every year.
      rows: accidents
        ? gradeOrder.map((grade) => {
            const row = accidents.byGrade.find((candidate) => candidate.grade === grade);
            return { grade: nameOf(gradeNames, grade), accidents: row?.accidents ?? 0, deaths: row?.deaths ?? 0 };
          })
        : [],
      missing: !accidents,
    },
    accidentsByMonth: {
      key: "accidentsByMonth",
      sheet: "事故按月份",
      title: "生产安全事故按月份",
      agency: "emergency",
      columns: countColumns({ key: "month", header: "月份", kind: "text", width: 12 }),
      rows: accidents ? accidents.byMonth.map((row) => ({ month: row.month, accidents: row.accidents, deaths: row.deaths })) : [],
      missing: !accidents,
    },
    diseasesByCategory: {
      key: "diseasesByCategory",
      sheet: "职业病按类别",
      title: "新发职业病按类别",
      agency: "health",
      columns: [
        { key: "category", header: "职业病类别", kind: "text", width: 40 },
        { key: "cases", header: "新发病例", kind: "number" },
      ],
      rows: diseases ? diseases.byCategory.map((row) => ({ category: row.categoryName, cases: row.cases })) : [],
      missing: !diseases,
    },
    injuries: {
      key: "injuries",
      sheet: "工伤认定",
      title: "工伤认定",
      agency: "hrss",
      columns: [
        { key: "measure", header: "指标", kind: "text", width: 30 },
        { key: "value", header: "数值", kind: "number" },
      ],
      rows: injuries
        ? [
            { measure: "本期受伤并申请工伤认定 (件)", value: injuries.applications },
            { measure: "其中认定为工伤 (件)", value: injuries.recognised },
            { measure: "其中一至四级伤残 (人)", value: injuries.severelyDisabled },
          ]
        : [],
      missing: !injuries,
    },
    jointWork: {
      key: "jointWork",
      sheet: "联合检查",
      title: "联合检查",
      agency: "coordination",
      columns: [
        { key: "measure", header: "指标", kind: "text", width: 30 },
        { key: "value", header: "数值", kind: "number" },
      ],
      rows: joint
        ? [
            { measure: "本期计划的联合检查 (次)", value: joint.inspectionsPlanned },
            { measure: "其中已结束 (次)", value: joint.inspectionsClosed },
            { measure: "检查本区域企业 (家次)", value: joint.enterprisesInspected },
            { measure: "发现隐患并责令限期整改 (家次)", value: joint.rectificationsOrdered },
          ]
        : [],
      missing: !joint,
    },
    escalations: {
      key: "escalations",
      sheet: "逾期整改督办",
      title: "逾期整改督办",
      agency: "coordination",
      columns: [
        { key: "escalatedOn", header: "督办日期", kind: "text", width: 12 },
        { key: "stage", header: "督办措施", kind: "text", width: 14 },
        { key: "addressedTo", header: "送达", kind: "text", width: 30 },
        { key: "enterprise", header: "企业", kind: "text", width: 30 },
        { key: "creditCode", header: "统一社会信用代码", kind: "text", width: 22 },
        { key: "requirement", header: "整改要求", kind: "text", width: 40 },
        { key: "source", header: "来源", kind: "text", width: 16 },
        { key: "dueOn", header: "整改期限", kind: "text", width: 12 },
        { key: "state", header: "整改状态", kind: "text", width: 12 },
      ],
      rows: (data.escalations ?? []).map((escalation) => ({
        escalatedOn: escalation.escalatedOn,
        stage: nameOf(stageNames, escalation.stage),
        addressedTo: escalation.addressedTo,
        enterprise: escalation.rectification.enterprise?.name ?? "(企业名称暂缺)",
        creditCode: escalation.rectification.enterprise?.creditCode ?? null,
        requirement: escalation.rectification.requirement,
        source: nameOf(sourceNames, escalation.rectification.source),
        dueOn: escalation.rectification.dueOn,
        state: nameOf(stateNames, escalation.rectification.state),
      })),
      missing: data.escalations === null,
    },
    typicalCases: {
      key: "typicalCases",
      sheet: "典型案例",
      title: "典型案例通报",
      agency: "coordination",
      columns: [
        { key: "publishedOn", header: "发布日期", kind: "text", width: 12 },
        { key: "title", header: "标题", kind: "text", width: 40 },
        { key: "grade", header: "事故等级", kind: "text", width: 10 },
        { key: "deaths", header: "死亡", kind: "number", width: 8 },
        { key: "seriousInjuries", header: "重伤", kind: "number", width: 8 },
        { key: "summary", header: "事故经过", kind: "text", width: 50 },
        { key: "lessons", header: "警示教训", kind: "text", width: 40 },
      ],
      rows: [...(data.typicalCases ?? []), ...data.unplacedCases].map((bulletin) => ({
        publishedOn: bulletin.publishedOn,
        title: bulletin.title,
        grade: bulletin.accident ? nameOf(gradeNames, bulletin.accident.grade) : "未关联事故",
        deaths: bulletin.accident?.deaths ?? null,
        seriousInjuries: bulletin.accident?.seriousInjuries ?? null,
        summary: bulletin.summary,
        lessons: bulletin.lessons,
      })),
      missing: data.typicalCases === null,
    },
    ...supervisionTables(data),
    ...industryTables(data),
    ...planTables(data),
  };

  const contributed: Record<string, string> = {
    coordination: "联合检查、逾期整改督办、典型案例通报、行业分析的汇总与排名、规划及其目标",
    emergency: "生产安全事故 (按等级、按月份、按行业)",
    health: "新发职业病 (按类别、按行业)",
    hrss: "工伤认定申请与认定、参保人数 (按行业)、规划目标进展、培训、工伤预防费、企业名称",
    transport: "道路运输经营许可与营运车辆 (按类别)、本期到期的许可证和道路运输证",
    housing: "施工许可、施工安全检查及隐患整改、建筑工人进场登记",
    unions: "工会劳动保护监督检查、职工投诉 (按类别) 及转办办结",
  };
  const contributions = Object.keys(departmentNames).map((agency) => {
    const problem = data.missing.find((department) => department.agency === agency);
    const status = problem ? `缺失：${problem.reason}` : "已提供";
    return { agency, contributed: contributed[agency] ?? "—", status };
  });
  for (const department of data.missing) {
    if (!(department.agency in departmentNames))
      contributions.push({ agency: department.agency, contributed: "—", status: `缺失：${department.reason}` });
  }
  return {
    title: `${data.region.name}${data.period.label}工伤预防联防联控工作报告`,
    data,
    summary,
    tables,
    contributions,
    regionRule: current.regionRule,
  };
}
