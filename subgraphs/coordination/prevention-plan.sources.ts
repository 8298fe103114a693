import { nationalRegionCode } from "../../kernel/report-period";
import type { PlanTarget, PreventionPlan } from "./prevention-plan.entity";

/**
 * The two plans the hub was made from (shared/seeds), with every quantified target in them, each
 * cited to its document and section. Rules the documents set that the hub enforces as rules
 * rather than measures as targets stay in the departments' rules files: the 3% cap of prior-year
 * contribution income (辽人社〔2021〕12号 二、(四), hrss prevention-fee.rules.ts), the 30%
 * prepayment and the three-year bar (淄人社字〔2024〕38号 六、, hrss prevention-project.rules.ts).
 * Unquantified aims (lower pneumoconiosis incidence, better awareness) are not targets.
 */

type TargetSource = Omit<PlanTarget, "planId" | "ordinal" | "goalValue" | "baselineValue" | "goalHundredths" | "baselineHundredths"> & {
  goal: number;
  baseline?: number;
};

const zibo = "淄人社字〔2024〕38号";
const liaoning = "辽人社〔2021〕12号";

/** 危险化学品、矿山、建筑施工、交通运输、机械制造 (辽人社〔2021〕12号 二、(三)). */
const liaoningKeyIndustries = "HAZARDOUS_CHEMICALS+COAL_MINING+NON_COAL_MINING+CONSTRUCTION+TRANSPORT+MACHINERY";

export const planSources: readonly { plan: PreventionPlan; targets: readonly TargetSource[] }[] = [
  {
    plan: {
      id: "ZIBO-2024",
      title: "2024年度淄博市工伤预防实施方案",
      documentNumber: zibo,
      issuedBy:
        "淄博市人力资源和社会保障局、淄博市财政局、淄博市住房和城乡建设局、淄博市交通运输局、淄博市卫生健康委员会、淄博市应急管理局、淄博市总工会",
      issuedOn: "2024-08-01",
      regionCode: "370300",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
    },
    targets: [
      {
        id: "ZIBO-2024-T01",
        text: "全年培训不低于12000人",
        metric: "TRAINED_PERSONS",
        regionCode: "370300",
        keyIndustry: null,
        keyPostGroup: null,
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 12_000,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "三、(二) 工伤预防培训",
      },
      {
        id: "ZIBO-2024-T02",
        text: "线下培训不低于10000人",
        metric: "TRAINED_PERSONS_OFFLINE",
        regionCode: "370300",
        keyIndustry: null,
        keyPostGroup: null,
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 10_000,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "三、(二) 工伤预防培训",
      },
      {
        id: "ZIBO-2024-T03",
        text: "线上培训不低于2000人",
        metric: "TRAINED_PERSONS_ONLINE",
        regionCode: "370300",
        keyIndustry: null,
        keyPostGroup: null,
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 2_000,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "三、(二) 工伤预防培训",
      },
      {
        id: "ZIBO-2024-T04",
        text: "危险化学品重点企业一线班组长培训人数不低于2026人，组织一线班组长进行实操培训",
        metric: "TRAINED_PERSONS_WITH_PRACTICAL",
        regionCode: "370300",
        keyIndustry: "HAZARDOUS_CHEMICALS",
        keyPostGroup: "TEAM_LEADERS",
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 2_026,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "三、(二) 工伤预防培训; 附件 危险化学品企业工伤预防线下培训",
      },
      {
        id: "ZIBO-2024-T05",
        text: "根据全市危险化学品企业应受训摸底情况，年底前全部完成危险化学品企业工伤预防能力提升培训工程三年培训任务",
        metric: "ROSTER_COVERAGE",
        regionCode: "370300",
        keyIndustry: "HAZARDOUS_CHEMICALS",
        keyPostGroup: null,
        // The three-year programme of 鲁人社字〔2022〕14号 runs 2022 to 2024.
        periodStart: "2022-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 100,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "一、(二); 三、(二) 工伤预防培训",
      },
      {
        id: "ZIBO-2024-T06",
        text: "完成非煤矿山、建材、建筑施工、交通运输、机械制造等重点行业“三类人员”全市培训任务的60%",
        metric: "ROSTER_COVERAGE",
        regionCode: "370300",
        keyIndustry: "NON_COAL_MINING+BUILDING_MATERIALS+CONSTRUCTION+TRANSPORT+MACHINERY",
        keyPostGroup: "THREE_CATEGORIES",
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 60,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "一、(三); 三、(二) 工伤预防培训",
      },
      {
        id: "ZIBO-2024-T07",
        text: "对本市参保（驻外地）煤矿企业进行专项工伤预防培训，完成“三类人员”培训任务",
        metric: "ROSTER_COVERAGE",
        regionCode: "370300",
        keyIndustry: "COAL_MINING",
        keyPostGroup: "THREE_CATEGORIES",
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_LEAST",
        goal: 100,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "一、(四); 三、(二) 工伤预防培训",
      },
      {
        id: "ZIBO-2024-T08",
        text: "2024年我市工伤预防费提取500万元，根据实际发生额列支",
        metric: "FEE_COMMITTED",
        regionCode: "370300",
        keyIndustry: null,
        keyPostGroup: null,
        periodStart: "2024-01-01",
        deadline: "2024-12-31",
        goalKind: "AT_MOST",
        goal: 5_000_000,
        baselineYear: null,
        sourceDocument: zibo,
        sourceArticle: "二、工伤预防费使用额度",
      },
    ],
  },
  {
    plan: {
      id: "LIAONING-2021-2025",
      title: "辽宁省工伤预防五年行动计划(2021-2025年)实施方案",
      documentNumber: liaoning,
      issuedBy:
        "辽宁省人力资源和社会保障厅、辽宁省工业和信息化厅、辽宁省财政厅、辽宁省住房城乡建设厅、辽宁省交通运输厅、辽宁省卫生健康委员会、辽宁省应急管理厅、辽宁省总工会",
      issuedOn: "2021-05-06",
      regionCode: "210000",
      periodStart: "2021-01-01",
      periodEnd: "2025-12-31",
    },
    targets: [
      {
        id: "LIAONING-2021-2025-T01",
        text: "工伤事故发生率明显下降，重点行业5年降低20%左右",
        metric: "INJURY_INCIDENCE",
        regionCode: "210000",
        keyIndustry: liaoningKeyIndustries,
        keyPostGroup: null,
        // Five years from the plan's start: 2025 measured against 2020, the year before.
        periodStart: "2021-01-01",
        deadline: "2025-12-31",
        goalKind: "REDUCE_BY_PERCENT",
        goal: 20,
        baselineYear: 2020,
        sourceDocument: liaoning,
        sourceArticle: "一、(二) 工作目标 (人社部发〔2020〕90号 工作目标)",
      },
      {
        id: "LIAONING-2021-2025-T02",
        text: "主要培训高风险行业、企业分管负责人、安全管理和职业卫生管理部门主要负责人和一线班组长等重点岗位人员，2025年底前实现上述人员培训全覆盖",
        metric: "ROSTER_COVERAGE",
        regionCode: "210000",
        keyIndustry: liaoningKeyIndustries,
        keyPostGroup: "KEY_POSTS",
        periodStart: "2021-01-01",
        deadline: "2025-12-31",
        goalKind: "AT_LEAST",
        goal: 100,
        baselineYear: null,
        sourceDocument: liaoning,
        sourceArticle: "二、(六) 开展工伤预防培训",
      },
    ],
  },
];

const national = "人社部发〔2020〕90号";

/**
 * The national plan both plans above implement, loaded by a later migration (plans already loaded
 * are never edited in place). Its scope is the whole country (`nationalRegionCode`), so its target
 * applies to every region, 淄博 among them. Issued 2020-12-18 by the eight bodies named below; the
 * document number is as 淄人社字〔2024〕38号 and 辽人社〔2021〕12号 cite it — UNCONFIRMED against the
 * ministry's own text, which we have not read. The target's article number inside the plan is
 * likewise UNCONFIRMED: only "工作目标" is cited. The other aims (lower pneumoconiosis incidence,
 * better awareness) are unquantified and so are not targets.
 */
export const nationalPlanSource: { plan: PreventionPlan; targets: readonly TargetSource[] } = {
  plan: {
    id: "NATIONAL-2021-2025",
    title: "工伤预防五年行动计划（2021—2025年）",
    documentNumber: national,
    issuedBy: "人力资源社会保障部、工业和信息化部、财政部、住房城乡建设部、交通运输部、国家卫生健康委员会、应急管理部、中华全国总工会",
    issuedOn: "2020-12-18",
    regionCode: nationalRegionCode,
    periodStart: "2021-01-01",
    periodEnd: "2025-12-31",
  },
  targets: [
    {
      id: "NATIONAL-2021-2025-T01",
      text: "工伤事故发生率明显下降，重点行业5年降低20%左右",
      metric: "INJURY_INCIDENCE",
      regionCode: nationalRegionCode,
      // 危险化学品、矿山、建筑施工、交通运输、机械制造: the same five key industries the Liaoning plan took over.
      keyIndustry: liaoningKeyIndustries,
      keyPostGroup: null,
      // Five years from the plan's start: 2025 measured against 2020, the year before.
      periodStart: "2021-01-01",
      deadline: "2025-12-31",
      goalKind: "REDUCE_BY_PERCENT",
      goal: 20,
      baselineYear: 2020,
      sourceDocument: national,
      sourceArticle: "工作目标",
    },
  ],
};

/** The rows a migration loads, of the plans given (by default the two loaded first): hundredths so the goals are exact. */
export function planRows(sources: readonly { plan: PreventionPlan; targets: readonly TargetSource[] }[] = planSources): {
  plans: PreventionPlan[];
  targets: Omit<PlanTarget, "goalValue" | "baselineValue">[];
} {
  return {
    plans: sources.map((source) => source.plan),
    targets: sources.flatMap((source) =>
      source.targets.map(({ goal, baseline, ...target }, index) => ({
        ...target,
        planId: source.plan.id,
        ordinal: index + 1,
        goalHundredths: Math.round(goal * 100),
        baselineHundredths: baseline === undefined ? null : Math.round(baseline * 100),
      })),
    ),
  };
}
