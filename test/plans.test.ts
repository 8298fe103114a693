import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { keyIndustries } from "../reference/key-industries";
import { InjuryRecognition, RecognitionApplicant, RecognitionStatus } from "../subgraphs/hrss/injury-recognition.entity";
import { keyPostGroup } from "../reference/target-metrics";
import { nationalPlanSource, planRows, planSources } from "../subgraphs/coordination/prevention-plan.sources";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { FeeBudget, FeeBudgetItem } from "../subgraphs/hrss/fee-budget.entity";
import { PreventionProject, PreventionProjectStep } from "../subgraphs/hrss/prevention-project.entity";
import { TrainingMode, TrainingRecord } from "../subgraphs/hrss/training-record.entity";
import { TrainingRosterEntry } from "../subgraphs/hrss/training-roster.entity";
import { rejectedBy, seeded as generated } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";
import { fieldLabel } from "../kernel/field-labels";

const rejected = rejectedBy("hrss");
const refusedByCoordination = (operation: string, field: string, reason: string, reasonCode: string) => ({
  status: 200,
  body: {
    errors: [
      {
        message: `${fieldLabel(field)}: ${reason}`,
        path: [operation],
        extensions: { code: "BAD_USER_INPUT", field, reason, reasonCode, serviceName: "coordination" },
      },
    ],
    data: null,
  },
});

const divisionsOf = (scope: string | null) =>
  scope === null ? undefined : scope.split("+").flatMap((code) => keyIndustries.find((industry) => industry.code === code)!.divisions);
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The seeded rows, generated once: hrss's demo takes seconds to draw. */
const drawn = new Map<unknown, unknown[]>();
const seeded: typeof generated = (city, subgraph, entity) => {
  if (!drawn.has(entity)) drawn.set(entity, generated(city, subgraph, entity));
  return drawn.get(entity) as never;
};

describe("plans, targets and their progress, rosters and the fee budget through the gateway", () => {
  let hub: Federation;
  let hrssAdmin: string;
  let office: string;

  beforeAll(async () => {
    hub = await startFederation();
    hrssAdmin = `Bearer ${await hub.keys.token({ agency: "hrss", roles: ["admin"] })}`;
    office = `Bearer ${await hub.keys.token({ agency: "coordination" })}`;
  }, 240_000);
  afterAll(() => hub.stop());

  const post = (query: string, variables: Record<string, unknown> = {}, authorization = office) =>
    hub.post({ query, variables }, { authorization, "x-lianfang-purpose": "MEETING_REPORT" });

  /** The employers of a target's scope, from the seeded rows, never from the hub. */
  function employersIn(regionPrefix: string, industryScope: string | null): Map<string, Enterprise> {
    const divisions = divisionsOf(industryScope);
    return new Map(
      seeded(hub.city, "hrss", Enterprise)
        // The hub's one rule: an employer is where its credit code says it was registered.
        .filter((enterprise) => enterprise.creditCode.slice(2, 8).startsWith(regionPrefix))
        .filter((enterprise) => !divisions || divisions.includes(enterprise.industryCode.slice(0, 2)))
        .map((enterprise) => [enterprise.creditCode, enterprise]),
    );
  }

  /** Money of the seeded projects of a budget as of a day, recomputed from their steps. */
  function expectedMoney(budgetId: string, asOf: string) {
    const steps = seeded(hub.city, "hrss", PreventionProjectStep);
    let committed = 0;
    let paid = 0;
    for (const project of seeded(hub.city, "hrss", PreventionProject).filter((candidate) => candidate.budgetId === budgetId)) {
      const reached = steps.filter((step) => step.projectId === project.id && step.enteredOn <= asOf).map((step) => step.status);
      const prepaid = reached.includes("PREPAID" as never) ? project.prepaidFen! : 0;
      const projectPaid = prepaid + (reached.includes("PAID" as never) ? project.contractAmountFen - prepaid : 0);
      paid += projectPaid;
      if (reached.includes("APPROVED" as never))
        committed += reached.includes("ACCEPTANCE_FAILED" as never) ? projectPaid : project.contractAmountFen;
    }
    const budget = seeded(hub.city, "hrss", FeeBudgetItem)
      .filter((item) => item.budgetId === budgetId)
      .reduce((sum, item) => sum + item.amountFen, 0);
    return { budget, committed, paid };
  }

  /** What each Zibo target achieved by the end of 2024, computed from the seeded rows. */
  function expectedAchieved(target: ReturnType<typeof planRows>["targets"][number]): number {
    const employers = employersIn("3703", target.keyIndustry);
    const posts = target.keyPostGroup ? keyPostGroup(target.keyPostGroup)!.posts : undefined;
    const inSpan = (date: string) => date >= target.periodStart && date <= target.deadline;
    const records = seeded(hub.city, "hrss", TrainingRecord).filter(
      (record) => employers.has(record.creditCode) && inSpan(record.trainedOn) && (!posts || (posts as string[]).includes(record.post)),
    );
    const persons = (rows: TrainingRecord[]) => new Set(rows.map((row) => row.pid)).size;
    switch (target.metric) {
      case "TRAINED_PERSONS":
        return persons(records);
      case "TRAINED_PERSONS_OFFLINE":
        return persons(records.filter((record) => record.mode === TrainingMode.OFFLINE));
      case "TRAINED_PERSONS_ONLINE":
        return persons(records.filter((record) => record.mode === TrainingMode.ONLINE));
      case "TRAINED_PERSONS_WITH_PRACTICAL":
        return persons(records.filter((record) => record.practical));
      case "ROSTER_COVERAGE": {
        const roster = seeded(hub.city, "hrss", TrainingRosterEntry).filter(
          (entry) =>
            employers.has(entry.creditCode) && entry.surveyedOn <= target.deadline && (!posts || (posts as string[]).includes(entry.post)),
        );
        const trainedAt = new Set(
          seeded(hub.city, "hrss", TrainingRecord)
            .filter((record) => inSpan(record.trainedOn))
            .map((record) => `${record.creditCode}:${record.pid}`),
        );
        return round1((roster.filter((entry) => trainedAt.has(`${entry.creditCode}:${entry.pid}`)).length * 100) / roster.length);
      }
      case "FEE_COMMITTED":
        return expectedMoney("370300-2024", target.deadline).committed / 100;
      default:
        throw new Error(`no independent computation for ${target.metric}`);
    }
  }

  const targetsQuery = `query T($regionCode: String!, $period: String!, $asOf: LocalDate) {
    preventionTargets(regionCode: $regionCode, period: $period) {
      id planId ordinal metric unit regionCode keyIndustry keyIndustryName keyPostGroup keyPostGroupName goalKind goalValue
      sourceDocument sourceArticle
      progress(asOf: $asOf) { status achievedValue goalValue sharePercent expectedSharePercent countedFrom countedTo data { code value } }
    }
  }`;

  it("holds the three plans with every quantified target, each cited to its document and article", async () => {
    const answer = await post(
      `{ preventionPlans { id documentNumber regionCode regionName periodStart periodEnd targets { id sourceDocument sourceArticle } } }`,
    );
    const { plans, targets } = planRows([...planSources, nationalPlanSource]);
    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          preventionPlans: [
            expect.objectContaining({
              id: "ZIBO-2024",
              documentNumber: "淄人社字〔2024〕38号",
              regionCode: "370300",
              regionName: "淄博市",
            }),
            expect.objectContaining({
              id: "LIAONING-2021-2025",
              documentNumber: "辽人社〔2021〕12号",
              regionCode: "210000",
              regionName: "辽宁省",
            }),
            expect.objectContaining({
              id: "NATIONAL-2021-2025",
              documentNumber: "人社部发〔2020〕90号",
              regionCode: "000000",
              regionName: "全国",
            }),
          ],
        },
      },
    });
    for (const plan of plans) {
      const served = answer.body.data.preventionPlans.find((candidate: { id: string }) => candidate.id === plan.id);
      expect(served.targets.map((target: { id: string }) => target.id)).toEqual(
        targets.filter((target) => target.planId === plan.id).map((target) => target.id),
      );
    }
    const goals = Object.fromEntries(targets.map((target) => [target.id, [target.metric, target.goalKind, target.goalHundredths / 100]]));
    expect(goals).toEqual({
      "ZIBO-2024-T01": ["TRAINED_PERSONS", "AT_LEAST", 12_000],
      "ZIBO-2024-T02": ["TRAINED_PERSONS_OFFLINE", "AT_LEAST", 10_000],
      "ZIBO-2024-T03": ["TRAINED_PERSONS_ONLINE", "AT_LEAST", 2_000],
      "ZIBO-2024-T04": ["TRAINED_PERSONS_WITH_PRACTICAL", "AT_LEAST", 2_026],
      "ZIBO-2024-T05": ["ROSTER_COVERAGE", "AT_LEAST", 100],
      "ZIBO-2024-T06": ["ROSTER_COVERAGE", "AT_LEAST", 60],
      "ZIBO-2024-T07": ["ROSTER_COVERAGE", "AT_LEAST", 100],
      "ZIBO-2024-T08": ["FEE_COMMITTED", "AT_MOST", 5_000_000],
      "LIAONING-2021-2025-T01": ["INJURY_INCIDENCE", "REDUCE_BY_PERCENT", 20],
      "LIAONING-2021-2025-T02": ["ROSTER_COVERAGE", "AT_LEAST", 100],
      "NATIONAL-2021-2025-T01": ["INJURY_INCIDENCE", "REDUCE_BY_PERCENT", 20],
    });
  });

  it("computes every Zibo 2024 target's progress from the departments' data, as independent sums over the seeded rows say", async () => {
    const answer = await post(targetsQuery, { regionCode: "370300", period: "2024", asOf: "2024-12-31" });
    const zibo = planRows().targets.filter((target) => target.planId === "ZIBO-2024");
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    // The national plan's target applies to 淄博 too: it comes after the city's own, the plans newest first.
    expect(answer.body.data.preventionTargets.map((target: { id: string }) => target.id)).toEqual([
      ...zibo.map((target) => target.id),
      "NATIONAL-2021-2025-T01",
    ]);
    for (const target of zibo) {
      const served = answer.body.data.preventionTargets.find((candidate: { id: string }) => candidate.id === target.id);
      const achieved = expectedAchieved(target);
      const goal = target.goalHundredths / 100;
      expect({ id: target.id, ...served.progress, data: undefined }).toEqual({
        id: target.id,
        status: target.goalKind === "AT_MOST" ? (achieved > goal ? "MISSED" : "ACHIEVED") : achieved >= goal ? "ACHIEVED" : "MISSED",
        achievedValue: achieved,
        goalValue: goal,
        sharePercent: round1((achieved * 100) / goal),
        expectedSharePercent: 100,
        countedFrom: target.periodStart,
        countedTo: "2024-12-31",
        data: undefined,
      });
    }
    // The demo city gives each kind of figure something to count.
    expect(zibo.map(expectedAchieved).every((value) => value > 0)).toBe(true);
  });

  it("judges progress against a straight line to the deadline when asked mid-year", async () => {
    const answer = await post(targetsQuery, { regionCode: "370303", period: "2024-Q2", asOf: "2024-06-30" });
    const online = answer.body.data.preventionTargets.find((target: { id: string }) => target.id === "ZIBO-2024-T03").progress;
    const persons = new Set(
      seeded(hub.city, "hrss", TrainingRecord)
        .filter((record) => record.mode === TrainingMode.ONLINE && record.trainedOn >= "2024-01-01" && record.trainedOn <= "2024-06-30")
        .filter((record) => employersIn("3703", null).has(record.creditCode))
        .map((record) => record.pid),
    ).size;
    const expected = round1((182 * 100) / 366);
    expect(online).toEqual({
      status: round1((persons * 100) / 2000) >= expected ? "ON_TRACK" : "OFF_TRACK",
      achievedValue: persons,
      goalValue: 2000,
      sharePercent: round1((persons * 100) / 2000),
      expectedSharePercent: expected,
      countedFrom: "2024-01-01",
      countedTo: "2024-06-30",
      data: expect.arrayContaining([{ code: "TRAINED_PERSONS", value: persons }]),
    });
  });

  it("lists a region's targets from the plans that contain it, and says NO_DATA where the hub holds nothing behind a target", async () => {
    const district = await post(`{ preventionTargets(regionCode: "370303", period: "2024") { id } }`);
    expect(district.body.data.preventionTargets.map((target: { id: string }) => target.id)).toHaveLength(9);
    expect(await post(`{ preventionTargets(regionCode: "370300", period: "2026") { id } }`)).toEqual({
      status: 200,
      body: { data: { preventionTargets: [] } },
    });
    const liaoning = await post(
      `{ preventionTargets(regionCode: "210100", period: "2025") { id progress { status statusText achievedValue sharePercent } } }`,
    );
    expect(liaoning).toEqual({
      status: 200,
      body: {
        data: {
          preventionTargets: [
            {
              id: "LIAONING-2021-2025-T01",
              progress: {
                status: "NO_DATA",
                statusText: "无数据: 范围内没有参保人员, 发生率无分母",
                achievedValue: null,
                sharePercent: null,
              },
            },
            {
              id: "LIAONING-2021-2025-T02",
              progress: {
                status: "NO_DATA",
                statusText: "无数据: 范围内没有登记应受训人员名单 (摸底), 覆盖率无分母",
                achievedValue: null,
                sharePercent: null,
              },
            },
            {
              // The national target applies here too; the demo city's data begin in 2021, so no 2020 baseline.
              id: "NATIONAL-2021-2025-T01",
              progress: {
                status: "NO_DATA",
                statusText: "无数据: 基准年 2020 没有认定工伤, 无法计算降幅",
                achievedValue: null,
                sharePercent: null,
              },
            },
          ],
        },
      },
    });
  });

  it("measures a reduction in key-industry incidence against the baseline year, only in the key industries", async () => {
    // The demo city is Zibo; two 沈阳 employers are written straight into hrss's database.
    const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);
    const chemicals = withCheck("91210100MA0P4L2C1");
    const software = withCheck("91210100MA0P4L2C2");
    const employer = (creditCode: string, industryCode: string, insuredHeadcount: number) =>
      Object.assign(new Enterprise(), {
        creditCode,
        creditCodeNeedsReview: false,
        name: `沈阳测试${industryCode}`,
        industryCode,
        regionCode: "210100",
        riskClass: null,
        insuredHeadcount,
        registeredOn: "2015-01-01",
        version: 1,
      });
    await hub.databases.hrss.getRepository(Enterprise).insert([employer(chemicals, "26", 2000), employer(software, "65", 3000)]);
    const injury = (creditCode: string, injuredOn: string, index: number, status = RecognitionStatus.RECOGNISED) =>
      Object.assign(new InjuryRecognition(), {
        id: `IR-LN-${creditCode.slice(-4)}-${injuredOn.slice(0, 4)}-${index}`,
        pid: `p${index}`.padEnd(32, "0"),
        creditCode,
        employerDivision: creditCode === chemicals ? "26" : "65",
        accidentId: null,
        injuredOn,
        appliedOn: injuredOn,
        applicant: RecognitionApplicant.EMPLOYER,
        status,
        acceptedOn: injuredOn,
        decidedOn: injuredOn,
        disabilityGrade: null,
      });
    await hub.databases.hrss.getRepository(InjuryRecognition).insert([
      ...Array.from({ length: 10 }, (_, index) => injury(chemicals, "2020-05-01", index)),
      injury(chemicals, "2020-06-01", 10, RecognitionStatus.NOT_RECOGNISED),
      ...Array.from({ length: 7 }, (_, index) => injury(chemicals, "2025-05-01", index)),
      // Outside the key industries: never counted.
      ...Array.from({ length: 9 }, (_, index) => injury(software, "2025-05-01", index)),
    ]);
    const answer = await post(targetsQuery, { regionCode: "210100", period: "2025" });
    // 10 and 7 recognised injuries per 2,000 insured: 5‰ to 3.5‰, a 30% reduction against a 20% goal.
    expect(answer.body.data.preventionTargets[0]).toEqual(
      expect.objectContaining({
        id: "LIAONING-2021-2025-T01",
        progress: {
          status: "ACHIEVED",
          achievedValue: 3.5,
          goalValue: 4,
          sharePercent: 150,
          expectedSharePercent: 100,
          countedFrom: "2021-01-01",
          countedTo: "2025-12-31",
          data: [
            { code: "INSURED", value: 2000 },
            { code: "RECOGNISED_INJURIES", value: 10 },
            { code: "RECOGNISED_INJURIES", value: 7 },
            { code: "INCIDENCE", value: 5 },
            { code: "INCIDENCE", value: 3.5 },
          ],
        },
      }),
    );
  });

  // After the one above, which wrote a 2020 baseline (沈阳's employers) into hrss's database.
  it("measures the national target from data for 淄博: the 2020 rate against 2025's, over everything the hub holds", async () => {
    const answer = await post(targetsQuery, { regionCode: "370300", period: "2025", asOf: "2025-12-31" });
    const national = answer.body.data.preventionTargets.find((target: { id: string }) => target.id === "NATIONAL-2021-2025-T01");
    // Independently: the seeded key-industry employers of every region and their recognised injuries, plus the rows written above.
    const employers = employersIn("", nationalPlanSource.targets[0].keyIndustry);
    const insured = [...employers.values()].reduce((sum, enterprise) => sum + enterprise.insuredHeadcount, 0) + 2000;
    const recognised = (year: string) =>
      seeded(hub.city, "hrss", InjuryRecognition).filter(
        (recognition) =>
          employers.has(recognition.creditCode) &&
          recognition.status === RecognitionStatus.RECOGNISED &&
          recognition.injuredOn.startsWith(year),
      ).length;
    const injuries2020 = recognised("2020") + 10;
    const injuries2025 = recognised("2025") + 7;
    const rate = (injuries: number) => Math.round((injuries * 1_000_000) / insured) / 1000;
    const reduction = round1(((rate(injuries2020) - rate(injuries2025)) * 100) / rate(injuries2020));

    expect(national.progress).toEqual({
      status: reduction >= 20 ? "ACHIEVED" : "MISSED",
      achievedValue: rate(injuries2025),
      goalValue: Math.round(rate(injuries2020) * 80 * 10) / 1000,
      sharePercent: round1((reduction * 100) / 20),
      expectedSharePercent: 100,
      countedFrom: "2021-01-01",
      countedTo: "2025-12-31",
      data: [
        { code: "INSURED", value: insured },
        { code: "RECOGNISED_INJURIES", value: injuries2020 },
        { code: "RECOGNISED_INJURIES", value: injuries2025 },
        { code: "INCIDENCE", value: rate(injuries2020) },
        { code: "INCIDENCE", value: rate(injuries2025) },
      ],
    });
    expect(recognised("2025")).toBeGreaterThan(0);
  });

  it.each([
    ["an unknown region", "999999", "2024", "regionCode", '"999999" 不是已知的 GB/T 2260 行政区划代码', "UNKNOWN_REGION"],
    [
      "a malformed period",
      "370300",
      "2024-Q5",
      "period",
      '"2024-Q5" 不是报告期: 应写作年份 YYYY 或季度 YYYY-Qn (n 为 1 至 4)',
      "MALFORMED_PERIOD",
    ],
    ["a period not yet begun", "370300", "2027", "period", "报告期 2027 尚未开始 (今天是 2026-06-15)", "FUTURE_PERIOD"],
  ])("refuses %s", async (_case, regionCode, period, field, reason, reasonCode) => {
    expect(await post(targetsQuery, { regionCode, period })).toEqual(refusedByCoordination("preventionTargets", field, reason, reasonCode));
  });

  it("refuses progress as of a day after today", async () => {
    const answer = await post(targetsQuery, { regionCode: "370300", period: "2024", asOf: "2026-06-16" });
    expect(answer.body.errors[0].extensions).toEqual(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "asOf", reason: "不能晚于今天 (2026-06-15): 未来的进度无从计算" }),
    );
  });

  describe("the office records a plan it receives", () => {
    const record = async (input: Record<string, unknown>, roles: ("admin" | "viewer")[] = ["admin"]) =>
      post(
        `mutation R($input: RecordPreventionPlanInput!) { recordPreventionPlan(input: $input) { id regionName targets { id ordinal keyIndustryName } } }`,
        { input },
        `Bearer ${await hub.keys.token({ agency: "coordination", roles })}`,
      );
    const target = {
      text: "张店区 2025 年危险化学品企业三类人员培训覆盖率达到 80%",
      metric: "ROSTER_COVERAGE",
      keyIndustry: "hazardous_chemicals",
      keyPostGroup: "THREE_CATEGORIES",
      periodStart: "2025-01-01",
      deadline: "2025-12-31",
      goalKind: "AT_LEAST",
      goalValue: 80,
      sourceArticle: "一、(一)",
    };
    const plan = {
      id: "ZHANGDIAN-2025",
      title: "2025年度张店区工伤预防实施方案",
      documentNumber: "张人社字〔2025〕1号",
      issuedBy: "张店区人力资源和社会保障局",
      issuedOn: "2025-03-01",
      regionCode: "370303",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      targets: [target],
    };
    const refused = (field: string, reason: string) => ({
      status: 200,
      body: {
        errors: [
          {
            message: `${fieldLabel(field)}: ${reason}`,
            path: ["recordPreventionPlan"],
            extensions: { code: "BAD_USER_INPUT", field, reason, serviceName: "coordination" },
          },
        ],
        data: null,
      },
    });

    it("records it once, and its targets are listed and measured like the others", async () => {
      const viewer = await record(plan, ["viewer"]);
      expect(viewer.body.errors[0].extensions.code).toBe("FORBIDDEN");
      expect(await record(plan)).toEqual({
        status: 200,
        body: {
          data: {
            recordPreventionPlan: {
              id: "ZHANGDIAN-2025",
              regionName: "张店区",
              targets: [{ id: "ZHANGDIAN-2025-T01", ordinal: 1, keyIndustryName: "危险化学品" }],
            },
          },
        },
      });
      const listed = await post(targetsQuery, { regionCode: "370303", period: "2025", asOf: "2025-12-31" });
      const served = listed.body.data.preventionTargets.find((candidate: { id: string }) => candidate.id === "ZHANGDIAN-2025-T01");
      const roster = seeded(hub.city, "hrss", TrainingRosterEntry).filter(
        (entry) =>
          employersIn("370303", "HAZARDOUS_CHEMICALS").has(entry.creditCode) &&
          (keyPostGroup("THREE_CATEGORIES")!.posts as string[]).includes(entry.post),
      );
      const trained = new Set(
        seeded(hub.city, "hrss", TrainingRecord)
          .filter((record) => record.trainedOn >= "2025-01-01" && record.trainedOn <= "2025-12-31")
          .map((record) => `${record.creditCode}:${record.pid}`),
      );
      // The demo city has such a roster: a hub that always answered NO_DATA would not pass.
      expect(roster.length).toBeGreaterThan(0);
      const achieved = round1((roster.filter((entry) => trained.has(`${entry.creditCode}:${entry.pid}`)).length * 100) / roster.length);
      expect(served.progress.achievedValue).toBe(achieved);
      expect(await record(plan)).toEqual(refused("input.id", "已有编号为 ZHANGDIAN-2025 的实施方案"));
    });

    it.each([
      ["a malformed id", { id: "zb 2025" }, "input.id", '"zb 2025" 须为 3 至 34 位大写字母、数字和连字符, 如 ZIBO-2025'],
      ["an unknown region", { regionCode: "370399" }, "input.regionCode", "370399 不是已知的 GB/T 2260 行政区划代码"],
      ["a period ending before it starts", { periodEnd: "2024-12-31" }, "input.periodEnd", "不能早于期初 2025-01-01, 填写的是 2024-12-31"],
      ["no targets", { targets: [] }, "input.targets", "须有 1 至 50 个量化目标, 收到 0 个"],
      ["an unknown metric", { targets: [{ ...target, metric: "HAPPINESS" }] }, "input.targets[0].metric", '"HAPPINESS" 不是已知的指标代码'],
      [
        "an unknown key industry",
        { targets: [{ ...target, keyIndustry: "CONSTRUCTION+FISHING" }] },
        "input.targets[0].keyIndustry",
        '"FISHING" 不是重点行业代码; 可用: COAL_MINING, NON_COAL_MINING, HAZARDOUS_CHEMICALS, BUILDING_MATERIALS, METALLURGY, MACHINERY, CONSTRUCTION, TRANSPORT, 或 KEY_INDUSTRIES',
      ],
      [
        "a coverage above 100%",
        { targets: [{ ...target, goalValue: 120 }] },
        "input.targets[0].goalValue",
        "百分比目标不能超过 100, 收到 120",
      ],
      [
        "a goal of zero",
        { targets: [{ ...target, goalValue: 0 }] },
        "input.targets[0].goalValue",
        "目标值须为大于 0 的数, 最多两位小数, 收到 0",
      ],
      [
        "a reduction without a baseline year",
        { targets: [{ ...target, metric: "INJURY_INCIDENCE", goalKind: "REDUCE_BY_PERCENT", goalValue: 10 }] },
        "input.targets[0].baselineYear",
        "降幅目标须有基准年",
      ],
      [
        "a deadline before the start",
        { targets: [{ ...target, deadline: "2024-12-31" }] },
        "input.targets[0].deadline",
        "不能早于期初 2025-01-01, 填写的是 2024-12-31",
      ],
    ])("refuses %s", async (_case, change, field, reason) => {
      expect(await record({ ...plan, id: "ZHANGDIAN-BAD", ...change })).toEqual(refused(field, reason));
    });
  });

  describe("the fee budget against what was spent", () => {
    const figuresQuery = `query F($regionCode: String!, $period: String!) {
      preventionFeeFigures(regionCode: $regionCode, period: $period) {
        poolingAreaCode poolingAreaName year asOf budgetFen capFen capPercent committedFen paidFen uncommittedFen committedPercent paidPercent
        byCategory { category budgetFen committedFen paidFen }
      }
    }`;

    it("reports budget, committed and paid to the fen for a district's pooling area, at the period's end", async () => {
      const { budget, committed, paid } = expectedMoney("370300-2024", "2024-06-30");
      const budgetRow = seeded(hub.city, "hrss", FeeBudget).find((row) => row.id === "370300-2024")!;
      expect(await post(figuresQuery, { regionCode: "370303", period: "2024-Q2" })).toEqual({
        status: 200,
        body: {
          data: {
            preventionFeeFigures: [
              expect.objectContaining({
                poolingAreaCode: "370300",
                poolingAreaName: "淄博市",
                year: 2024,
                asOf: "2024-06-30",
                budgetFen: budget,
                capFen: Math.floor((budgetRow.priorYearContributionIncomeFen * 3) / 100),
                capPercent: 3,
                committedFen: committed,
                paidFen: paid,
                uncommittedFen: budget - committed,
              }),
            ],
          },
        },
      });
      const endOfYear = expectedMoney("370300-2024", "2024-12-31");
      const answer = await post(figuresQuery, { regionCode: "370300", period: "2024" });
      expect(answer.body.data.preventionFeeFigures[0]).toEqual(
        expect.objectContaining({
          budgetFen: 500_000_000,
          committedFen: endOfYear.committed,
          paidFen: endOfYear.paid,
          committedPercent: round1((endOfYear.committed * 100) / 500_000_000),
          paidPercent: round1((endOfYear.paid * 100) / 500_000_000),
        }),
      );
      expect(endOfYear.paid).toBeGreaterThan(0);
      expect(await post(figuresQuery, { regionCode: "210000", period: "2024" })).toEqual({
        status: 200,
        body: { data: { preventionFeeFigures: [] } },
      });
    });

    it("refuses a contract that would take the budget past what it holds, at application and, atomically, at approval", async () => {
      const apply = (budgetId: string, contractAmountYuan: number, title: string) =>
        post(
          `mutation P($input: ApplyForPreventionProjectInput!) { applyForPreventionProject(input: $input) { id budgetId } }`,
          {
            input: {
              agencyCreditCode: seeded(hub.city, "hrss", PreventionProject)[1].agencyCreditCode,
              budgetId,
              title,
              category: "TRAINING",
              contractAmountYuan,
              appliedOn: "2026-06-01",
            },
          },
          hrssAdmin,
        );
      const approve = (id: string) =>
        post(
          `mutation A($input: AdvancePreventionProjectInput!) { advancePreventionProject(input: $input) { id status } }`,
          { input: { id, to: "APPROVED", on: "2026-06-02" } },
          hrssAdmin,
        );
      // 2024: 500万 budgeted; what the seeded projects still hold committed today (one failed acceptance released its rest).
      const { budget, committed } = expectedMoney("370300-2024", "9999-12-31");
      const remaining = budget - committed;
      expect(await apply("370300-2024", remaining / 100 + 0.01, "超出预算的培训")).toEqual(
        rejected(
          "applyForPreventionProject",
          "input.contractAmountYuan",
          `合同金额 ${(remaining / 100 + 0.01).toFixed(2)} 元将使 370300-2024 预算超支: 预算 5000000.00 元, 已签约 ${(committed / 100).toFixed(2)} 元, 尚余 ${(remaining / 100).toFixed(2)} 元`,
        ),
      );
      // 2025: 375.5万 budgeted, nothing committed. Each application fits alone; the second approval would pass the budget.
      const first = (await apply("370300-2025", 3_000_000, "2025 重点行业培训")).body.data.applyForPreventionProject.id;
      const second = (await apply("370300-2025", 1_000_000, "2025 宣传")).body.data.applyForPreventionProject.id;
      expect(await approve(first)).toEqual({
        status: 200,
        body: { data: { advancePreventionProject: { id: first, status: "APPROVED" } } },
      });
      expect(await approve(second)).toEqual(
        rejected(
          "advancePreventionProject",
          "input.id",
          "合同金额 1000000.00 元将使 370300-2025 预算超支: 预算 3755000.00 元, 已签约 3000000.00 元, 尚余 755000.00 元",
        ),
      );
      // Committed in June 2026: today's figures count it, the 2025 report's (to 2025-12-31) do not.
      expect(await post(`{ feeBudget(id: "370300-2025") { figures { asOf budgetFen committedFen paidFen } } }`)).toEqual({
        status: 200,
        body: { data: { feeBudget: { figures: { asOf: "2026-06-15", budgetFen: 375_500_000, committedFen: 300_000_000, paidFen: 0 } } } },
      });
      expect((await post(figuresQuery, { regionCode: "370300", period: "2025" })).body.data.preventionFeeFigures[0].committedFen).toBe(0);
      expect(await apply("370300-2099", 1, "x")).toEqual(
        rejected("applyForPreventionProject", "input.budgetId", "没有编号为 370300-2099 的工伤预防费预算"),
      );
    });
  });

  describe("training rosters (应受训人员摸底)", () => {
    const register = (input: Record<string, unknown>, authorization = hrssAdmin) =>
      post(
        `mutation R($input: RegisterTrainingRosterInput!) { registerTrainingRoster(input: $input) { id creditCode pid post surveyedOn } }`,
        { input },
        authorization,
      );
    /** An employer with no roster yet and two insured people, and someone insured elsewhere. */
    function unrostered() {
      const rostered = new Set(seeded(hub.city, "hrss", TrainingRosterEntry).map((entry) => entry.creditCode));
      const staff = (creditCode: string) => hub.city.persons.filter((person) => person.employerCreditCode === creditCode);
      const employer = hub.city.enterprises.find(
        (enterprise) => !rostered.has(enterprise.creditCode) && staff(enterprise.creditCode).length >= 2,
      )!;
      const outsider = hub.city.persons.find((person) => person.employerCreditCode !== employer.creditCode)!;
      return { employer, people: staff(employer.creditCode), outsider };
    }

    it("registers an enterprise's people once, and coverage counts them", async () => {
      const { employer, people } = unrostered();
      const input = {
        creditCode: employer.creditCode,
        surveyedOn: "2026-06-01",
        people: [
          { idNumber: people[0].idNumber, post: "DEPUTY_HEAD" },
          { idNumber: people[1].idNumber, post: "TEAM_LEADER" },
        ],
      };
      const answer = await register(input);
      expect(answer).toEqual({
        status: 200,
        body: {
          data: {
            registerTrainingRoster: [
              {
                id: `RS-${employer.creditCode}-${people[0].pid}`,
                creditCode: employer.creditCode,
                pid: people[0].pid,
                post: "DEPUTY_HEAD",
                surveyedOn: "2026-06-01",
              },
              {
                id: `RS-${employer.creditCode}-${people[1].pid}`,
                creditCode: employer.creditCode,
                pid: people[1].pid,
                post: "TEAM_LEADER",
                surveyedOn: "2026-06-01",
              },
            ].sort((a, b) => (a.id < b.id ? -1 : 1)),
          },
        },
      });
      expect(await register({ ...input, people: input.people.slice(1) })).toEqual(
        rejected("registerTrainingRoster", "input.people[0].idNumber", `此人已在 ${employer.name} 的应受训名单中`),
      );
    });

    it.each([
      ["an empty list", () => ({ people: [] }), "input.people", "名单不能为空"],
      ["a survey in the future", () => ({ surveyedOn: "2026-06-16" }), "input.surveyedOn", "不能晚于今天 (2026-06-15)"],
      [
        "an impossible date",
        () => ({ surveyedOn: "2026-02-30" }),
        "input.surveyedOn",
        "2026-02-30 不是真实的日期: 2026 年 2 月只有 28 天, 没有 30 日",
      ],
    ])("refuses %s", async (_case, change, field, reason) => {
      const { employer, people } = unrostered();
      const input = {
        creditCode: employer.creditCode,
        surveyedOn: "2026-06-01",
        people: [{ idNumber: people[0].idNumber, post: "TEAM_LEADER" }],
        ...change(),
      };
      expect(await register(input)).toEqual(rejected("registerTrainingRoster", field, reason));
    });

    it("refuses a person twice in one list, and a person insured elsewhere, naming the entry", async () => {
      const { employer, people, outsider } = unrostered();
      const base = { creditCode: employer.creditCode, surveyedOn: "2026-06-01" };
      expect(
        await register({
          ...base,
          people: [
            { idNumber: people[0].idNumber, post: "TEAM_LEADER" },
            { idNumber: people[0].idNumber, post: "SAFETY_MANAGER" },
          ],
        }),
      ).toEqual(rejected("registerTrainingRoster", "input.people[1].idNumber", "与第 1 人重复: 同一人在名单中只能出现一次"));
      expect(await register({ ...base, people: [{ idNumber: outsider.idNumber, post: "TEAM_LEADER" }] })).toEqual(
        rejected(
          "registerTrainingRoster",
          "input.people[0].idNumber",
          `此人不是 ${employer.name} (${employer.creditCode}) 的参保职工, 不能列入其应受训名单`,
        ),
      );
    });

    it("lets only hrss's administrators register", async () => {
      const { employer, people } = unrostered();
      const viewer = `Bearer ${await hub.keys.token({ agency: "hrss", roles: ["viewer"] })}`;
      const answer = await register(
        { creditCode: employer.creditCode, surveyedOn: "2026-06-01", people: [{ idNumber: people[0].idNumber, post: "TEAM_LEADER" }] },
        viewer,
      );
      expect(answer.body.errors[0].extensions.code).toBe("FORBIDDEN");
    });
  });
});
