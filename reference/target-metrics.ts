/**
 * What a plan's target can measure, and the groups of key posts a target can be scoped to: the
 * joint-prevention office words targets with these codes, the department that owns the data
 * computes them. Codes are stable; names are the plans' own words.
 */

export type GoalKind = "AT_LEAST" | "AT_MOST" | "REDUCE_BY_PERCENT";
export const goalKinds: readonly GoalKind[] = ["AT_LEAST", "AT_MOST", "REDUCE_BY_PERCENT"];

export interface TargetMetric {
  code: string;
  name: string;
  unit: string;
  /** The department whose records the figure is computed from. */
  owner: string;
}

export const targetMetrics: readonly TargetMetric[] = [
  { code: "TRAINED_PERSONS", name: "培训人数", unit: "人", owner: "hrss" },
  { code: "TRAINED_PERSONS_OFFLINE", name: "线下培训人数", unit: "人", owner: "hrss" },
  { code: "TRAINED_PERSONS_ONLINE", name: "线上培训人数", unit: "人", owner: "hrss" },
  { code: "TRAINED_PERSONS_WITH_PRACTICAL", name: "参加实操培训人数", unit: "人", owner: "hrss" },
  { code: "ROSTER_COVERAGE", name: "应受训人员培训覆盖率", unit: "%", owner: "hrss" },
  { code: "INJURY_INCIDENCE", name: "工伤发生率 (每千名参保人员认定工伤数)", unit: "‰", owner: "hrss" },
  { code: "FEE_COMMITTED", name: "工伤预防费已签约使用额", unit: "元", owner: "hrss" },
];

export const targetMetric = (code: string): TargetMetric | undefined => targetMetrics.find((metric) => metric.code === code);

/**
 * Key posts (重点岗位), by the codes hrss's training records use, and the groups the plans name:
 * - 三类人员 (淄人社字〔2024〕38号 三、(二)): 安全生产与职业健康分管负责人, 专职安全、职业健康管理人员,
 *   班组长 (含车间主任、车队长).
 * - 一线班组长 (同上, 危险化学品重点企业).
 * - 重点岗位人员 (辽人社〔2021〕12号 二、(六)): 分管负责人, 安全管理和职业卫生管理部门主要负责人,
 *   一线班组长 "等": read as the three categories plus the principal (主要负责人).
 */
export const keyPosts = [
  { code: "PRINCIPAL", name: "主要负责人" },
  { code: "DEPUTY_HEAD", name: "安全生产与职业健康分管负责人" },
  { code: "SAFETY_MANAGER", name: "专职安全管理人员" },
  { code: "HEALTH_MANAGER", name: "职业健康管理人员" },
  { code: "TEAM_LEADER", name: "一线班组长 (含车间主任、车队长)" },
  { code: "SPECIAL_OPERATOR", name: "特种作业人员" },
  { code: "WORKER", name: "其他从业人员" },
] as const;

export type KeyPostCode = (typeof keyPosts)[number]["code"];

export interface KeyPostGroup {
  code: string;
  name: string;
  posts: readonly KeyPostCode[];
}

export const keyPostGroups: readonly KeyPostGroup[] = [
  { code: "THREE_CATEGORIES", name: "三类人员", posts: ["DEPUTY_HEAD", "SAFETY_MANAGER", "HEALTH_MANAGER", "TEAM_LEADER"] },
  { code: "TEAM_LEADERS", name: "一线班组长", posts: ["TEAM_LEADER"] },
  {
    code: "KEY_POSTS",
    name: "重点岗位人员",
    posts: ["PRINCIPAL", "DEPUTY_HEAD", "SAFETY_MANAGER", "HEALTH_MANAGER", "TEAM_LEADER"],
  },
];

export const keyPostGroup = (code: string): KeyPostGroup | undefined => keyPostGroups.find((group) => group.code === code);

/** A target's industry scope: one key industry of reference/key-industries.ts, or all of them. */
export const allKeyIndustries = { code: "KEY_INDUSTRIES", name: "重点行业" } as const;
