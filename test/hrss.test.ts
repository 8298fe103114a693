import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { riskClassTable2015 } from "../reference/risk-classes";
import { addDays, addYears, chinaToday } from "../kernel/calendar";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { FeeBudget, FeeBudgetItem } from "../subgraphs/hrss/fee-budget.entity";
import { InjuryRecognition } from "../subgraphs/hrss/injury-recognition.entity";
import { BaseRate, FloatFactor } from "../subgraphs/hrss/insurance-rate.entity";
import { PreventionProject, PreventionProjectStep, ServiceAgency } from "../subgraphs/hrss/prevention-project.entity";
import { KeyPost, TrainingMode, TrainingRecord } from "../subgraphs/hrss/training-record.entity";
import { rejectedBy, seeded, whereEquals } from "./support/expected";
import { startFederation, testClock, type Federation } from "./support/federation";

const cursor = (key: string) => Buffer.from(key, "utf8").toString("base64url");
const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);
/** A well-formed credit code no department has registered. */
const unknownCreditCode = withCheck("91370300MA3C8K7D9");

const rejected = rejectedBy("hrss");

describe("人社 (hrss): rates, recognition, training, prevention fee and projects through the gateway", () => {
  let hub: Federation;
  let admin: string;
  const now = chinaToday(testClock());
  const daysAgo = (days: number) => addDays(now, -days);

  beforeAll(async () => {
    hub = await startFederation();
    admin = `Bearer ${await hub.keys.token({ agency: "hrss", roles: ["admin"] })}`;
  });
  afterAll(() => hub.stop());

  const post = (query: string, variables: Record<string, unknown> = {}, authorization = admin) =>
    hub.post({ query, variables }, { authorization });
  const enterprises = () => seeded(hub.city, "hrss", Enterprise);
  const persons = () => hub.city.persons;

  describe("insurance rates", () => {
    const rates = `query Rates($creditCode: String!) {
      enterprise(creditCode: $creditCode) {
        creditCode riskClass baseRateBasisPoints floatFactorPercent contributionRateBasisPoints
        rateHistory { effectiveFrom baseRateBasisPoints floatFactorPercent contributionRateBasisPoints }
      }
    }`;
    const nationalRate = (riskClass: number) =>
      riskClassTable2015.classes.find((entry) => entry.riskClass === riskClass)!.baseRateBasisPoints;

    it("shows an employer's base, factor and contribution rate today, and every change", async () => {
      const factors = seeded(hub.city, "hrss", FloatFactor);
      const enterprise = enterprises().find((candidate) => factors.some((factor) => factor.creditCode === candidate.creditCode))!;
      const own = whereEquals(factors, "creditCode", enterprise.creditCode, "effectiveFrom");
      const base = nationalRate(enterprise.riskClass!);
      const rate = (factor: number) => Math.round((base * factor) / 100);

      expect(await post(rates, { creditCode: enterprise.creditCode })).toEqual({
        status: 200,
        body: {
          data: {
            enterprise: {
              creditCode: enterprise.creditCode,
              riskClass: enterprise.riskClass,
              baseRateBasisPoints: base,
              floatFactorPercent: own[own.length - 1].factorPercent,
              contributionRateBasisPoints: rate(own[own.length - 1].factorPercent),
              rateHistory: [
                { effectiveFrom: "2015-10-01", baseRateBasisPoints: base, floatFactorPercent: 100, contributionRateBasisPoints: base },
                ...own.map((factor) => ({
                  effectiveFrom: factor.effectiveFrom,
                  baseRateBasisPoints: base,
                  floatFactorPercent: factor.factorPercent,
                  contributionRateBasisPoints: rate(factor.factorPercent),
                })),
              ],
            },
          },
        },
      });
      expect(own).toHaveLength(2);
    });

    it("pages through Zibo's base rates and finds one by id", async () => {
      const rows = whereEquals(seeded(hub.city, "hrss", BaseRate), "poolingAreaCode", "370300", "id");
      const query = `query Page($after: String) { baseRates(poolingAreaCode: "370300", first: 5, after: $after) { nodes { id riskClass basisPoints effectiveFrom document } pageInfo { endCursor hasNextPage } } }`;
      const node = (rate: BaseRate) => ({
        id: rate.id,
        riskClass: rate.riskClass,
        basisPoints: rate.basisPoints,
        effectiveFrom: rate.effectiveFrom,
        document: rate.document,
      });

      expect(await post(query)).toEqual({
        status: 200,
        body: {
          data: { baseRates: { nodes: rows.slice(0, 5).map(node), pageInfo: { endCursor: cursor(rows[4].id), hasNextPage: true } } },
        },
      });
      expect(await post(query, { after: cursor(rows[4].id) })).toEqual({
        status: 200,
        body: { data: { baseRates: { nodes: rows.slice(5).map(node), pageInfo: { endCursor: cursor(rows[7].id), hasNextPage: false } } } },
      });
      expect(await post(`{ baseRate(id: "370300-8-2015-10-01") { id poolingAreaCode riskClass basisPoints } }`)).toEqual({
        status: 200,
        body: { data: { baseRate: { id: "370300-8-2015-10-01", poolingAreaCode: "370300", riskClass: 8, basisPoints: 190 } } },
      });
    });

    it("lists an employer's float factors and finds one by id", async () => {
      const factor = seeded(hub.city, "hrss", FloatFactor)[0];
      const own = whereEquals(seeded(hub.city, "hrss", FloatFactor), "creditCode", factor.creditCode, "id");
      const node = (row: FloatFactor) => ({
        id: row.id,
        creditCode: row.creditCode,
        factorPercent: row.factorPercent,
        effectiveFrom: row.effectiveFrom,
      });

      expect(
        await post(
          `query F($creditCode: String) { floatFactors(creditCode: $creditCode) { nodes { id creditCode factorPercent effectiveFrom } pageInfo { hasNextPage } } }`,
          { creditCode: factor.creditCode.toLowerCase() },
        ),
      ).toEqual({
        status: 200,
        body: { data: { floatFactors: { nodes: own.map(node), pageInfo: { hasNextPage: false } } } },
      });
      expect(
        await post(`query F($id: ID!) { floatFactor(id: $id) { id creditCode factorPercent effectiveFrom } }`, { id: factor.id }),
      ).toEqual({
        status: 200,
        body: { data: { floatFactor: node(factor) } },
      });
    });

    it("schedules a new base rate: today's rate stays, the history shows it", async () => {
      const factors = seeded(hub.city, "hrss", FloatFactor);
      const enterprise = enterprises().find(
        (candidate) => candidate.riskClass === 6 && !factors.some((factor) => factor.creditCode === candidate.creditCode),
      )!;
      const tomorrow = addDays(now, 1);
      const set = `mutation Set($input: SetBaseRateInput!) { setBaseRate(input: $input) { id poolingAreaCode riskClass basisPoints effectiveFrom document } }`;
      const input = {
        poolingAreaCode: "370300",
        riskClass: 6,
        basisPoints: 125,
        effectiveFrom: tomorrow,
        document: "淄博市工伤保险费率调整通知",
      };

      expect(await post(set, { input })).toEqual({
        status: 200,
        body: { data: { setBaseRate: { id: `370300-6-${tomorrow}`, ...input } } },
      });
      expect(await post(rates, { creditCode: enterprise.creditCode })).toEqual({
        status: 200,
        body: {
          data: {
            enterprise: {
              creditCode: enterprise.creditCode,
              riskClass: 6,
              baseRateBasisPoints: 130,
              floatFactorPercent: 100,
              contributionRateBasisPoints: 130,
              rateHistory: [
                { effectiveFrom: "2015-10-01", baseRateBasisPoints: 130, floatFactorPercent: 100, contributionRateBasisPoints: 130 },
                { effectiveFrom: tomorrow, baseRateBasisPoints: 125, floatFactorPercent: 100, contributionRateBasisPoints: 125 },
              ],
            },
          },
        },
      });
      expect(await post(set, { input })).toEqual(
        rejected("setBaseRate", "input.effectiveFrom", `370300 已有自 ${tomorrow} 起的第 6 类基准费率`),
      );
    });

    it.each([
      ["a county for a pooling area", { poolingAreaCode: "370303" }, "input.poolingAreaCode", "370303 (张店区) 不是地市级统筹地区"],
      ["an unknown region", { poolingAreaCode: "990100" }, "input.poolingAreaCode", "990100 不是已知的 GB/T 2260 行政区划代码"],
      ["risk class 9", { riskClass: 9 }, "input.riskClass", "应为 1 至 8 之间的整数, 填写的是 9"],
      ["a rate of 0", { basisPoints: 0 }, "input.basisPoints", "应为 1 至 1000 之间的整数, 填写的是 0"],
      [
        "an impossible date",
        { effectiveFrom: "2026-02-29" },
        "input.effectiveFrom",
        "2026-02-29 不是真实的日期: 2026 年 2 月只有 28 天, 没有 29 日",
      ],
      ["a blank document", { document: "  " }, "input.document", "不能为空"],
    ])("rejects a base rate with %s", async (_case, change, field, reason) => {
      const input = { poolingAreaCode: "370300", riskClass: 3, basisPoints: 70, effectiveFrom: "2027-01-01", document: "test", ...change };
      expect(await post(`mutation Set($input: SetBaseRateInput!) { setBaseRate(input: $input) { id } }`, { input })).toEqual(
        rejected("setBaseRate", field, reason),
      );
    });

    it("sets a float factor allowed for the class, in force from its date", async () => {
      const enterprise = enterprises().find((candidate) => candidate.riskClass === 5)!;
      const set = `mutation Set($input: SetFloatFactorInput!) { setFloatFactor(input: $input) { id creditCode factorPercent effectiveFrom } }`;
      const input = { creditCode: enterprise.creditCode.toLowerCase(), factorPercent: 120, effectiveFrom: now };

      expect(await post(set, { input })).toEqual({
        status: 200,
        body: {
          data: {
            setFloatFactor: {
              id: `${enterprise.creditCode}-${now}`,
              creditCode: enterprise.creditCode,
              factorPercent: 120,
              effectiveFrom: now,
            },
          },
        },
      });
      expect(
        await post(
          `query R($creditCode: String!) { enterprise(creditCode: $creditCode) { floatFactorPercent contributionRateBasisPoints } }`,
          { creditCode: enterprise.creditCode },
        ),
      ).toEqual({
        status: 200,
        body: { data: { enterprise: { floatFactorPercent: 120, contributionRateBasisPoints: 132 } } },
      });
      expect(await post(set, { input })).toEqual(
        rejected("setFloatFactor", "input.effectiveFrom", `${enterprise.creditCode} 已有自 ${now} 起的浮动费率`),
      );
    });

    it.each([
      [
        "a factor below 1.0 for class 1",
        1,
        { factorPercent: 80 },
        "input.factorPercent",
        "第 1 类行业的浮动比例应为 100、120、150 之一, 填写的是 80",
      ],
      [
        "a factor off the steps for class 4",
        4,
        { factorPercent: 90 },
        "input.factorPercent",
        "第 4 类行业的浮动比例应为 50、80、100、120、150 之一, 填写的是 90",
      ],
      ["a date before the 2015 table", 4, { effectiveFrom: "2015-09-30" }, "input.effectiveFrom", "2015-09-30 没有施行中的浮动费率规定"],
      [
        "an impossible date",
        4,
        { effectiveFrom: "2025-04-31" },
        "input.effectiveFrom",
        "2025-04-31 不是真实的日期: 2025 年 4 月只有 30 天, 没有 31 日",
      ],
      [
        "an unregistered employer",
        4,
        { creditCode: unknownCreditCode },
        "input.creditCode",
        `没有统一社会信用代码为 ${unknownCreditCode} 的参保单位`,
      ],
      ["a malformed credit code", 4, { creditCode: "91370300MA3C8" }, "input.creditCode", "应为 18 位, 实为 13 位"],
    ])("rejects %s", async (_case, riskClass, change, field, reason) => {
      const enterprise = enterprises().find((candidate) => candidate.riskClass === riskClass)!;
      const input = { creditCode: enterprise.creditCode, factorPercent: 100, effectiveFrom: "2026-01-01", ...change };
      expect(await post(`mutation Set($input: SetFloatFactorInput!) { setFloatFactor(input: $input) { id } }`, { input })).toEqual(
        rejected("setFloatFactor", field, reason),
      );
    });

    it.each([
      [
        "another department",
        { agency: "emergency", roles: ["admin" as const] },
        "这些记录只能由 hrss 修改, emergency 不能修改",
        { owner: "hrss", agency: "emergency" },
      ],
      ["an hrss viewer", { agency: "hrss", roles: ["viewer" as const] }, "修改这些记录需要 admin 角色", { requiredRole: "admin" }],
    ])("lets %s change no rate", async (_case, caller, message, details) => {
      const authorization = `Bearer ${await hub.keys.token(caller)}`;
      const input = { creditCode: enterprises()[0].creditCode, factorPercent: 100, effectiveFrom: "2026-01-01" };
      expect(
        await post(`mutation Set($input: SetFloatFactorInput!) { setFloatFactor(input: $input) { id } }`, { input }, authorization),
      ).toEqual({
        status: 200,
        body: {
          errors: [{ message, path: ["setFloatFactor"], extensions: { code: "FORBIDDEN", ...details, serviceName: "hrss" } }],
          data: null,
        },
      });
    });
  });

  describe("finding enterprises by name", () => {
    const byName = `query ByName($part: String!) { enterprises(first: 200, nameContains: $part) { nodes { creditCode name } } }`;

    it("lists every enterprise whose registered name contains the words, in credit-code order", async () => {
      const part = enterprises()[0].name.slice(2, 4);
      const expected = enterprises()
        .filter((enterprise) => enterprise.name.includes(part))
        .sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1))
        .map(({ creditCode, name }) => ({ creditCode, name }));

      expect(await post(byName, { part })).toEqual({ status: 200, body: { data: { enterprises: { nodes: expected } } } });
    });

    it.each(["%", "_"])("takes %s as itself, not as a wildcard", async (part) => {
      expect(await post(byName, { part })).toEqual({ status: 200, body: { data: { enterprises: { nodes: [] } } } });
    });

    it("refuses an empty or overlong name part", async () => {
      for (const part of [" ", "厂".repeat(51)]) {
        expect(await post(byName, { part })).toEqual(
          rejected("enterprises", "nameContains", `应为名称中的 1 至 50 个字, 填写了 ${part.trim().length} 个`),
        );
      }
    });
  });

  describe("injury recognition", () => {
    const fields =
      "id status applicant injuredOn appliedOn acceptedOn acceptanceDueOn acceptedLate decisionDueOn overdue decidedOn disabilityGrade";
    const apply = `mutation Apply($input: ApplyForInjuryRecognitionInput!) { applyForInjuryRecognition(input: $input) { ${fields} person { pid } enterprise { creditCode } accident { id } } }`;
    const accept = `mutation Accept($input: AcceptInjuryRecognitionInput!) { acceptInjuryRecognition(input: $input) { ${fields} } }`;
    const decide = `mutation Decide($input: DecideInjuryRecognitionInput!) { decideInjuryRecognition(input: $input) { ${fields} } }`;
    const worker = () => persons()[0];
    const applyAs = async (input: Record<string, unknown>) =>
      (
        await post(`mutation Apply($input: ApplyForInjuryRecognitionInput!) { applyForInjuryRecognition(input: $input) { ${fields} } }`, {
          input: { idNumber: worker().idNumber, creditCode: worker().employerCreditCode, ...input },
        })
      ).body.data.applyForInjuryRecognition;

    it("lists an employer's cases with their deadlines, and finds one by id", async () => {
      const recognitions = seeded(hub.city, "hrss", InjuryRecognition);
      const creditCode = recognitions[0].creditCode;
      const node = (row: InjuryRecognition) => {
        const decisionDueOn = addDays(row.acceptedOn!, 60);
        return {
          id: row.id,
          status: row.status,
          applicant: row.applicant,
          injuredOn: row.injuredOn,
          appliedOn: row.appliedOn,
          acceptedOn: row.acceptedOn,
          acceptanceDueOn: addDays(row.appliedOn, 15),
          acceptedLate: row.acceptedOn! > addDays(row.appliedOn, 15),
          decisionDueOn,
          overdue: row.decidedOn! > decisionDueOn,
          decidedOn: row.decidedOn,
          disabilityGrade: row.disabilityGrade,
        };
      };
      const own = whereEquals(recognitions, "creditCode", creditCode, "id").filter((row) => row.applicant === recognitions[0].applicant);

      expect(
        await post(
          `query L($creditCode: String, $applicant: RecognitionApplicant) { injuryRecognitions(creditCode: $creditCode, applicant: $applicant, first: 200) { nodes { ${fields} } pageInfo { hasNextPage } } }`,
          { creditCode, applicant: recognitions[0].applicant },
        ),
      ).toEqual({
        status: 200,
        body: { data: { injuryRecognitions: { nodes: own.map(node), pageInfo: { hasNextPage: false } } } },
      });
      expect(await post(`query One($id: ID!) { injuryRecognition(id: $id) { ${fields} } }`, { id: recognitions[0].id })).toEqual({
        status: 200,
        body: { data: { injuryRecognition: node(recognitions[0]) } },
      });
    });

    it("takes an employer's application, accepts it and decides it, in that order only", async () => {
      const injuredOn = daysAgo(20);
      const appliedOn = daysAgo(5);
      const applied = await post(apply, {
        input: {
          idNumber: worker().idNumber.toLowerCase(),
          creditCode: worker().employerCreditCode,
          injuredOn,
          appliedOn,
          applicant: "EMPLOYER",
          accidentId: "AC-2026-000001",
        },
      });
      const id: string = applied.body.data?.applyForInjuryRecognition?.id;
      const state = {
        id,
        applicant: "EMPLOYER",
        injuredOn,
        appliedOn,
        acceptanceDueOn: addDays(appliedOn, 15),
        disabilityGrade: null,
        decidedOn: null,
      };

      expect(applied).toEqual({
        status: 200,
        body: {
          data: {
            applyForInjuryRecognition: {
              ...state,
              id: expect.stringMatching(/^IR-[0-9a-f-]{36}$/),
              status: "APPLIED",
              acceptedOn: null,
              acceptedLate: false,
              decisionDueOn: null,
              overdue: false,
              person: { pid: worker().pid },
              enterprise: { creditCode: worker().employerCreditCode },
              accident: { id: "AC-2026-000001" },
            },
          },
        },
      });
      expect(await post(decide, { input: { id, decidedOn: now, recognised: true } })).toEqual(
        rejected("decideInjuryRecognition", "input.id", `${id} 当前为 APPLIED, 只能转为 ACCEPTED, 不能转为 RECOGNISED`),
      );
      expect(await post(accept, { input: { id, acceptedOn: daysAgo(6) } })).toEqual(
        rejected("acceptInjuryRecognition", "input.acceptedOn", `不能早于申请日期 ${appliedOn}, 填写的是 ${daysAgo(6)}`),
      );

      const accepted = {
        ...state,
        status: "ACCEPTED",
        acceptedOn: now,
        acceptedLate: false,
        decisionDueOn: addDays(now, 60),
        overdue: false,
      };
      expect(await post(accept, { input: { id, acceptedOn: now } })).toEqual({
        status: 200,
        body: { data: { acceptInjuryRecognition: accepted } },
      });
      expect(await post(accept, { input: { id, acceptedOn: now } })).toEqual(
        rejected("acceptInjuryRecognition", "input.id", `${id} 当前为 ACCEPTED, 只能转为 RECOGNISED 或 NOT_RECOGNISED, 不能转为 ACCEPTED`),
      );
      expect(await post(decide, { input: { id, decidedOn: daysAgo(1), recognised: true } })).toEqual(
        rejected("decideInjuryRecognition", "input.decidedOn", `不能早于受理日期 ${now}, 填写的是 ${daysAgo(1)}`),
      );
      expect(await post(decide, { input: { id, decidedOn: now, recognised: true, disabilityGrade: 11 } })).toEqual(
        rejected("decideInjuryRecognition", "input.disabilityGrade", "应为 1 至 10 之间的整数, 填写的是 11"),
      );
      expect(await post(decide, { input: { id, decidedOn: now, recognised: false, disabilityGrade: 5 } })).toEqual(
        rejected("decideInjuryRecognition", "input.disabilityGrade", "只有认定为工伤的才有伤残等级"),
      );

      expect(await post(decide, { input: { id, decidedOn: now, recognised: true, disabilityGrade: 7 } })).toEqual({
        status: 200,
        body: { data: { decideInjuryRecognition: { ...accepted, status: "RECOGNISED", decidedOn: now, disabilityGrade: 7 } } },
      });
      expect(await post(decide, { input: { id, decidedOn: now, recognised: false } })).toEqual(
        rejected("decideInjuryRecognition", "input.id", `${id} 当前为 RECOGNISED, 不能再转为其他状态, 不能转为 NOT_RECOGNISED`),
      );
    });

    it("flags a late acceptance and an overdue decision", async () => {
      const unaccepted = await applyAs({ injuredOn: daysAgo(50), appliedOn: daysAgo(40), applicant: "UNION" });
      expect([
        unaccepted.status,
        unaccepted.acceptanceDueOn,
        unaccepted.acceptedLate,
        unaccepted.decisionDueOn,
        unaccepted.overdue,
      ]).toEqual(["APPLIED", daysAgo(25), true, null, false]);

      const stale = await applyAs({ injuredOn: daysAgo(200), appliedOn: daysAgo(150), applicant: "WORKER" });
      expect(await post(accept, { input: { id: stale.id, acceptedOn: daysAgo(100) } })).toEqual({
        status: 200,
        body: {
          data: {
            acceptInjuryRecognition: {
              ...stale,
              status: "ACCEPTED",
              acceptedOn: daysAgo(100),
              acceptedLate: true,
              decisionDueOn: daysAgo(40),
              overdue: true,
            },
          },
        },
      });
    });

    it("takes applications on the last day of each window", async () => {
      const employer = await applyAs({ injuredOn: daysAgo(60), appliedOn: daysAgo(30), applicant: "EMPLOYER" });
      const injuredOn = addYears(daysAgo(10), -1);
      const union = await applyAs({ injuredOn, appliedOn: addYears(injuredOn, 1), applicant: "UNION" });
      expect([employer.status, union.status, union.appliedOn]).toEqual(["APPLIED", "APPLIED", daysAgo(10)]);
    });

    it.each([
      ["a wrong check character", { idNumber: "110105194912310021" }, "input.idNumber", "校验位应为 X, 实为 1 (GB 11643 MOD 11-2)"],
      ["a short ID number", { idNumber: "1101051949" }, "input.idNumber", "应为 18 位 (17 位数字加 1 位数字或 X), 或 15 位旧号码"],
      [
        "an unregistered employer",
        { creditCode: unknownCreditCode },
        "input.creditCode",
        `没有统一社会信用代码为 ${unknownCreditCode} 的参保单位`,
      ],
      [
        "an impossible injury date",
        { injuredOn: "2025-02-29" },
        "input.injuredOn",
        "2025-02-29 不是真实的日期: 2025 年 2 月只有 28 天, 没有 29 日",
      ],
      [
        "an application before the injury",
        { injuredOn: "2026-01-10", appliedOn: "2026-01-09" },
        "input.appliedOn",
        "不能早于受伤日期 2026-01-10, 填写的是 2026-01-09",
      ],
      ["an application in the future", { appliedOn: addDays(chinaToday(testClock()), 1) }, "input.appliedOn", "不能晚于今天 (2026-06-15)"],
      [
        "an injury before the recorded deadlines",
        { injuredOn: "2010-12-31", appliedOn: "2011-01-05" },
        "input.injuredOn",
        "早于 2011-01-01, 此前的工伤认定申请期限未收录",
      ],
      [
        "an employer applying on day 31",
        { injuredOn: "2026-01-01", appliedOn: "2026-02-01" },
        "input.appliedOn",
        "用人单位应在事故伤害发生之日起 30 日内申请; 申请期限已于 2026-01-31 届满",
      ],
      [
        "a worker applying a year and a day after",
        { applicant: "WORKER", injuredOn: "2024-02-29", appliedOn: "2025-03-01" },
        "input.appliedOn",
        "职工或工会组织应在事故伤害发生之日起 1 年内申请; 申请期限已于 2025-02-28 届满",
      ],
    ])("rejects an application with %s", async (_case, change, field, reason) => {
      const input = {
        idNumber: persons()[1].idNumber,
        creditCode: persons()[1].employerCreditCode,
        injuredOn: "2026-01-01",
        appliedOn: "2026-01-05",
        applicant: "EMPLOYER",
        ...change,
      };
      expect(await post(apply, { input })).toEqual(rejected("applyForInjuryRecognition", field, reason));
    });

    it.each([
      [
        "accept",
        `mutation { acceptInjuryRecognition(input: { id: "IR-missing", acceptedOn: "2026-01-01" }) { id } }`,
        "acceptInjuryRecognition",
        "input.id",
        "没有编号为 IR-missing 的工伤认定",
      ],
      [
        "accept",
        `mutation { acceptInjuryRecognition(input: { id: "IR-missing", acceptedOn: "2026-13-01" }) { id } }`,
        "acceptInjuryRecognition",
        "input.acceptedOn",
        "2026-13-01 不是真实的日期: 没有 13 月",
      ],
      [
        "decide",
        `mutation { decideInjuryRecognition(input: { id: "IR-missing", decidedOn: "2026-01-01", recognised: true }) { id } }`,
        "decideInjuryRecognition",
        "input.id",
        "没有编号为 IR-missing 的工伤认定",
      ],
    ])("will not %s an unknown or misdated case", async (_verb, query, operation, field, reason) => {
      expect(await post(query)).toEqual(rejected(operation, field, reason));
    });
  });

  describe("key-post training", () => {
    const progressQuery = `query P($year: Int!, $regionCode: String, $industryCode: String) {
      trainingProgress(year: $year, regionCode: $regionCode, industryCode: $industryCode) {
        year requiredHours requiredOfflinePercent standard posts { post personsTrained totalHours offlinePercent personsMeetingStandard }
      }
    }`;

    /** What the query must answer, computed from the seeded rows: per post, per person sums. */
    function expectedProgress(year: number, rows: TrainingRecord[], keep: (enterprise: Enterprise) => boolean) {
      const employers = new Map(enterprises().map((enterprise) => [enterprise.creditCode, enterprise]));
      const inScope = rows.filter((row) => row.trainedOn.startsWith(`${year}-`) && keep(employers.get(row.creditCode)!));
      return {
        year,
        requiredHours: 24,
        requiredOfflinePercent: 60,
        standard: "鲁人社字〔2022〕14号",
        posts: Object.values(KeyPost).map((post) => {
          const perPerson = new Map<string, { hours: number; offline: number }>();
          for (const row of inScope.filter((candidate) => candidate.post === post)) {
            const sums = perPerson.get(row.pid) ?? { hours: 0, offline: 0 };
            sums.hours += row.hoursTenths;
            if (row.mode === TrainingMode.OFFLINE) sums.offline += row.hoursTenths;
            perPerson.set(row.pid, sums);
          }
          const people = [...perPerson.values()];
          const hours = people.reduce((sum, person) => sum + person.hours, 0);
          const offline = people.reduce((sum, person) => sum + person.offline, 0);
          return {
            post,
            personsTrained: people.length,
            totalHours: hours / 10,
            offlinePercent: hours ? Math.round((offline / hours) * 1000) / 10 : null,
            personsMeetingStandard: people.filter((person) => person.hours >= 240 && person.offline * 100 >= 60 * person.hours).length,
          };
        }),
      };
    }

    it.each([
      ["the whole city", {}, () => true],
      ["one county", { regionCode: "370303" }, (enterprise: Enterprise) => enterprise.regionCode === "370303"],
      ["one industry", { industryCode: "C26" }, (enterprise: Enterprise) => enterprise.industryCode.startsWith("26")],
    ])("reports 2024 progress per key post for %s", async (_case, filter, keep) => {
      const expected = expectedProgress(2024, seeded(hub.city, "hrss", TrainingRecord), keep);
      expect(await post(progressQuery, { year: 2024, ...filter })).toEqual({ status: 200, body: { data: { trainingProgress: expected } } });
      expect(expected.posts.reduce((sum, post) => sum + post.personsTrained, 0)).toBeGreaterThan(0);
    });

    it("lists sessions by employer, post and year, and finds one by id", async () => {
      const rows = seeded(hub.city, "hrss", TrainingRecord);
      const first = rows[0];
      const matching = whereEquals(rows, "creditCode", first.creditCode, "id").filter(
        (row) => row.post === first.post && row.trainedOn.startsWith(first.trainedOn.slice(0, 4)),
      );
      const node = (row: TrainingRecord) => ({
        id: row.id,
        pid: row.pid,
        post: row.post,
        mode: row.mode,
        hours: row.hoursTenths / 10,
        trainedOn: row.trainedOn,
        provider: row.provider,
      });

      expect(
        await post(
          `query L($creditCode: String, $post: KeyPost, $year: Int) { trainingRecords(creditCode: $creditCode, post: $post, year: $year) { nodes { id pid post mode hours trainedOn provider } pageInfo { hasNextPage } } }`,
          { creditCode: first.creditCode, post: first.post, year: Number(first.trainedOn.slice(0, 4)) },
        ),
      ).toEqual({
        status: 200,
        body: { data: { trainingRecords: { nodes: matching.map(node), pageInfo: { hasNextPage: false } } } },
      });
      expect(
        await post(`query One($id: ID!) { trainingRecord(id: $id) { id pid post mode hours trainedOn provider } }`, { id: first.id }),
      ).toEqual({
        status: 200,
        body: { data: { trainingRecord: node(first) } },
      });
    });

    it("records a session, which counts in that year's progress", async () => {
      const trainee = persons()[2];
      const input = {
        idNumber: trainee.idNumber,
        creditCode: trainee.employerCreditCode,
        post: "TEAM_LEADER",
        mode: "OFFLINE",
        hours: 4.5,
        trainedOn: now,
        provider: "淄博市安培职业培训学校",
      };
      const recorded = await post(
        `mutation R($input: RecordTrainingInput!) { recordTraining(input: $input) { id pid creditCode post mode hours trainedOn provider } }`,
        { input },
      );
      expect(recorded).toEqual({
        status: 200,
        body: {
          data: {
            recordTraining: {
              id: expect.stringMatching(/^TR-[0-9a-f-]{36}$/),
              pid: trainee.pid,
              creditCode: trainee.employerCreditCode,
              post: "TEAM_LEADER",
              mode: "OFFLINE",
              hours: 4.5,
              trainedOn: now,
              provider: "淄博市安培职业培训学校",
            },
          },
        },
      });
      const year = Number(now.slice(0, 4));
      const record = Object.assign(new TrainingRecord(), {
        creditCode: trainee.employerCreditCode,
        pid: trainee.pid,
        post: KeyPost.TEAM_LEADER,
        mode: TrainingMode.OFFLINE,
        hoursTenths: 45,
        trainedOn: now,
      });
      expect(await post(progressQuery, { year })).toEqual({
        status: 200,
        body: { data: { trainingProgress: expectedProgress(year, [...seeded(hub.city, "hrss", TrainingRecord), record], () => true) } },
      });
    });

    it.each([
      ["hours finer than 0.1", { hours: 0.05 }, "input.hours", "应为 0.1 至 24 学时, 精确到 0.1, 填写的是 0.05"],
      ["more than a day's hours", { hours: 24.5 }, "input.hours", "应为 0.1 至 24 学时, 精确到 0.1, 填写的是 24.5"],
      ["a session in the future", { trainedOn: addDays(chinaToday(testClock()), 1) }, "input.trainedOn", "不能晚于今天 (2026-06-15)"],
      [
        "an impossible date",
        { trainedOn: "2025-06-31" },
        "input.trainedOn",
        "2025-06-31 不是真实的日期: 2025 年 6 月只有 30 天, 没有 31 日",
      ],
      ["an invalid ID number", { idNumber: "110105194912310021" }, "input.idNumber", "校验位应为 X, 实为 1 (GB 11643 MOD 11-2)"],
      [
        "an unregistered employer",
        { creditCode: unknownCreditCode },
        "input.creditCode",
        `没有统一社会信用代码为 ${unknownCreditCode} 的参保单位`,
      ],
      ["no provider", { provider: " " }, "input.provider", "不能为空"],
    ])("rejects a session with %s", async (_case, change, field, reason) => {
      const input = {
        idNumber: persons()[3].idNumber,
        creditCode: persons()[3].employerCreditCode,
        post: "PRINCIPAL",
        mode: "ONLINE",
        hours: 2,
        trainedOn: "2025-06-01",
        provider: "x",
        ...change,
      };
      expect(await post(`mutation R($input: RecordTrainingInput!) { recordTraining(input: $input) { id } }`, { input })).toEqual(
        rejected("recordTraining", field, reason),
      );
    });

    it.each([
      ["a year without a standard", { year: 2021 }, "year", "2021 年没有施行中的重点岗位培训标准"],
      ["a malformed region", { year: 2024, regionCode: "3703" }, "regionCode", '"3703" 不是 6 位数字的行政区划代码'],
    ])("rejects progress for %s", async (_case, variables, field, reason) => {
      expect(await post(progressQuery, variables)).toEqual(rejected("trainingProgress", field, reason));
    });
  });

  describe("prevention-fee budgets", () => {
    const budgetFields =
      "id poolingAreaCode year priorYearContributionIncomeYuan capPercent capYuan approvedYuan remainingYuan items { id category title amountYuan approvedOn } capApprovals { documentNumber approvedPercent approvedOn }";
    const add = `mutation Add($input: AddFeeBudgetItemInput!) { addFeeBudgetItem(input: $input) { id budgetId category title amountYuan approvedOn } }`;

    it("shows a year's cap, what is approved and what remains", async () => {
      const budgets = seeded(hub.city, "hrss", FeeBudget);
      const items = seeded(hub.city, "hrss", FeeBudgetItem);
      const view = (budget: FeeBudget) => {
        const cap = Math.floor((budget.priorYearContributionIncomeFen * 3) / 100);
        return {
          id: budget.id,
          poolingAreaCode: "370300",
          year: budget.year,
          priorYearContributionIncomeYuan: budget.priorYearContributionIncomeFen / 100,
          capPercent: 3,
          capYuan: cap / 100,
          approvedYuan: budget.approvedFen / 100,
          remainingYuan: (cap - budget.approvedFen) / 100,
          items: whereEquals(items, "budgetId", budget.id, "id").map((item) => ({
            id: item.id,
            category: item.category,
            title: item.title,
            amountYuan: item.amountFen / 100,
            approvedOn: item.approvedOn,
          })),
          capApprovals: [],
        };
      };

      expect(await post(`{ feeBudgets(poolingAreaCode: "370300") { nodes { ${budgetFields} } pageInfo { hasNextPage } } }`)).toEqual({
        status: 200,
        body: { data: { feeBudgets: { nodes: budgets.map(view), pageInfo: { hasNextPage: false } } } },
      });
      expect(await post(`{ feeBudget(id: "370300-2024") { capYuan approvedYuan remainingYuan } }`)).toEqual({
        status: 200,
        body: { data: { feeBudget: { capYuan: 5_400_000, approvedYuan: 5_000_000, remainingYuan: 400_000 } } },
      });
    });

    it("approves items up to the cap to the fen, and more once the province raises it", async () => {
      const created = await post(`mutation C($input: CreateFeeBudgetInput!) { createFeeBudget(input: $input) { ${budgetFields} } }`, {
        input: { poolingAreaCode: "370300", year: 2026, priorYearContributionIncomeYuan: 100000 },
      });
      expect(created).toEqual({
        status: 200,
        body: {
          data: {
            createFeeBudget: {
              id: "370300-2026",
              poolingAreaCode: "370300",
              year: 2026,
              priorYearContributionIncomeYuan: 100000,
              capPercent: 3,
              capYuan: 3000,
              approvedYuan: 0,
              remainingYuan: 3000,
              items: [],
              capApprovals: [],
            },
          },
        },
      });

      const item = (amountYuan: number, category = "TRAINING") => ({
        input: { budgetId: "370300-2026", category, title: "重点行业班组长培训", amountYuan, approvedOn: now },
      });
      expect(await post(add, item(2999.99))).toEqual({
        status: 200,
        body: {
          data: {
            addFeeBudgetItem: {
              id: expect.stringMatching(/^FI-/),
              budgetId: "370300-2026",
              category: "TRAINING",
              title: "重点行业班组长培训",
              amountYuan: 2999.99,
              approvedOn: now,
            },
          },
        },
      });
      expect(await post(add, item(0.02))).toEqual(
        rejected(
          "addFeeBudgetItem",
          "input.amountYuan",
          "将超过上限 3000.00 元 (上年度工伤保险基金收入的 3%): 已批准 2999.99 元, 本次申请 0.02 元",
        ),
      );
      expect((await post(add, item(0.01, "PUBLICITY"))).body.data.addFeeBudgetItem.amountYuan).toBe(0.01);

      expect(
        await post(
          `mutation A($input: RecordFeeCapApprovalInput!) { recordFeeCapApproval(input: $input) { budgetId documentNumber approvedPercent approvedOn } }`,
          {
            input: { budgetId: "370300-2026", documentNumber: "鲁人社函〔2026〕15号", approvedPercent: 3.5, approvedOn: now },
          },
        ),
      ).toEqual({
        status: 200,
        body: {
          data: {
            recordFeeCapApproval: {
              budgetId: "370300-2026",
              documentNumber: "鲁人社函〔2026〕15号",
              approvedPercent: 3.5,
              approvedOn: now,
            },
          },
        },
      });
      expect((await post(add, item(500))).body.data.addFeeBudgetItem.amountYuan).toBe(500);
      expect(await post(add, item(0.01))).toEqual(
        rejected(
          "addFeeBudgetItem",
          "input.amountYuan",
          "将超过上限 3500.00 元 (上年度工伤保险基金收入的 3.5%): 已批准 3500.00 元, 本次申请 0.01 元",
        ),
      );
      expect(
        await post(
          `{ feeBudget(id: "370300-2026") { capPercent capYuan approvedYuan remainingYuan capApprovals { documentNumber approvedPercent } } }`,
        ),
      ).toEqual({
        status: 200,
        body: {
          data: {
            feeBudget: {
              capPercent: 3.5,
              capYuan: 3500,
              approvedYuan: 3500,
              remainingYuan: 0,
              capApprovals: [{ documentNumber: "鲁人社函〔2026〕15号", approvedPercent: 3.5 }],
            },
          },
        },
      });
    });

    it.each([
      [
        "createFeeBudget",
        "the year a budget exists for",
        `mutation { createFeeBudget(input: { poolingAreaCode: "370300", year: 2024, priorYearContributionIncomeYuan: 1 }) { id } }`,
        "input.year",
        "370300 已有 2024 年的预算",
      ],
      [
        "createFeeBudget",
        "a year before the fee",
        `mutation { createFeeBudget(input: { poolingAreaCode: "370300", year: 2017, priorYearContributionIncomeYuan: 1 }) { id } }`,
        "input.year",
        "应为 2018 至 2100 之间的整数, 填写的是 2017",
      ],
      [
        "createFeeBudget",
        "a county",
        `mutation { createFeeBudget(input: { poolingAreaCode: "370321", year: 2027, priorYearContributionIncomeYuan: 1 }) { id } }`,
        "input.poolingAreaCode",
        "370321 (桓台县) 不是地市级统筹地区",
      ],
      [
        "createFeeBudget",
        "fractions of a fen",
        `mutation { createFeeBudget(input: { poolingAreaCode: "370300", year: 2027, priorYearContributionIncomeYuan: 1.005 }) { id } }`,
        "input.priorYearContributionIncomeYuan",
        "金额最多两位小数 (精确到分), 收到 1.005",
      ],
      [
        "recordFeeCapApproval",
        "no raise",
        `mutation { recordFeeCapApproval(input: { budgetId: "370300-2025", documentNumber: "x", approvedPercent: 3, approvedOn: "2025-03-01" }) { id } }`,
        "input.approvedPercent",
        "应高于默认上限 3%, 填写的是 3",
      ],
      [
        "recordFeeCapApproval",
        "a percent finer than 0.01",
        `mutation { recordFeeCapApproval(input: { budgetId: "370300-2025", documentNumber: "x", approvedPercent: 3.555, approvedOn: "2025-03-01" }) { id } }`,
        "input.approvedPercent",
        "应为不超过 100 的百分数, 最多两位小数, 填写的是 3.555",
      ],
      [
        "recordFeeCapApproval",
        "an unknown budget",
        `mutation { recordFeeCapApproval(input: { budgetId: "370300-1999", documentNumber: "x", approvedPercent: 4, approvedOn: "2025-03-01" }) { id } }`,
        "input.budgetId",
        "没有编号为 370300-1999 的工伤预防费预算",
      ],
      [
        "addFeeBudgetItem",
        "nothing to spend",
        `mutation { addFeeBudgetItem(input: { budgetId: "370300-2025", category: TRAINING, title: "x", amountYuan: 0, approvedOn: "2025-03-01" }) { id } }`,
        "input.amountYuan",
        "金额必须大于 0, 收到 0",
      ],
      [
        "addFeeBudgetItem",
        "an impossible date",
        `mutation { addFeeBudgetItem(input: { budgetId: "370300-2025", category: TRAINING, title: "x", amountYuan: 1, approvedOn: "2025-02-29" }) { id } }`,
        "input.approvedOn",
        "2025-02-29 不是真实的日期: 2025 年 2 月只有 28 天, 没有 29 日",
      ],
      [
        "addFeeBudgetItem",
        "no title",
        `mutation { addFeeBudgetItem(input: { budgetId: "370300-2025", category: PUBLICITY, title: "", amountYuan: 1, approvedOn: "2025-03-01" }) { id } }`,
        "input.title",
        "不能为空",
      ],
    ])("%s rejects %s", async (operation, _case, query, field, reason) => {
      expect(await post(query)).toEqual(rejected(operation, field, reason));
    });
  });

  describe("service agencies and prevention projects", () => {
    const projectFields =
      "id title category status contractAmountYuan prepaidYuan appliedOn statusSince agency { creditCode barredUntil } steps { status enteredOn }";
    const advance = (id: string, to: string, on = now) =>
      post(`mutation A($input: AdvancePreventionProjectInput!) { advancePreventionProject(input: $input) { ${projectFields} } }`, {
        input: { id, to, on },
      });
    const register = (creditCode: string, name: string) =>
      post(
        `mutation R($input: RegisterServiceAgencyInput!) { registerServiceAgency(input: $input) { creditCode creditCodeNeedsReview name barredUntil barred } }`,
        { input: { creditCode, name } },
      );
    const applyFor = (agencyCreditCode: string, contractAmountYuan = 12345.67, appliedOn = now) =>
      post(`mutation P($input: ApplyForPreventionProjectInput!) { applyForPreventionProject(input: $input) { ${projectFields} } }`, {
        input: {
          agencyCreditCode,
          budgetId: "370300-2025",
          title: "交通运输企业工伤预防培训",
          category: "TRAINING",
          contractAmountYuan,
          appliedOn,
        },
      });

    it("lists agencies barred today and those free to take projects", async () => {
      const agencies = seeded(hub.city, "hrss", ServiceAgency).sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
      const barredToday = (agency: ServiceAgency) => agency.barredUntil !== null && now <= agency.barredUntil;
      const node = (agency: ServiceAgency) => ({
        creditCode: agency.creditCode,
        name: agency.name,
        barredUntil: agency.barredUntil,
        barred: barredToday(agency),
      });
      const query = `query A($barred: Boolean) { serviceAgencies(barred: $barred) { nodes { creditCode name barredUntil barred } } }`;

      expect(await post(query, { barred: true })).toEqual({
        status: 200,
        body: { data: { serviceAgencies: { nodes: agencies.filter(barredToday).map(node) } } },
      });
      expect(await post(query, { barred: false })).toEqual({
        status: 200,
        body: { data: { serviceAgencies: { nodes: agencies.filter((agency) => !barredToday(agency)).map(node) } } },
      });
      expect(
        await post(`query One($creditCode: String!) { serviceAgency(creditCode: $creditCode) { name projects { id status } } }`, {
          creditCode: agencies[0].creditCode.toLowerCase(),
        }),
      ).toEqual({
        status: 200,
        body: {
          data: {
            serviceAgency: {
              name: agencies[0].name,
              projects: whereEquals(seeded(hub.city, "hrss", PreventionProject), "agencyCreditCode", agencies[0].creditCode, "id").map(
                (project) => ({ id: project.id, status: project.status }),
              ),
            },
          },
        },
      });
    });

    it("lists projects by status and shows one with its agency and steps", async () => {
      const projects = seeded(hub.city, "hrss", PreventionProject);
      const steps = seeded(hub.city, "hrss", PreventionProjectStep);
      const agencies = seeded(hub.city, "hrss", ServiceAgency);
      const view = (project: PreventionProject) => ({
        id: project.id,
        title: project.title,
        category: project.category,
        status: project.status,
        contractAmountYuan: project.contractAmountFen / 100,
        prepaidYuan: project.prepaidFen === null ? null : project.prepaidFen / 100,
        appliedOn: project.appliedOn,
        statusSince: project.statusSince,
        agency: {
          creditCode: project.agencyCreditCode,
          barredUntil: agencies.find((agency) => agency.creditCode === project.agencyCreditCode)!.barredUntil,
        },
        steps: whereEquals(steps, "projectId", project.id, "id").map((step) => ({ status: step.status, enteredOn: step.enteredOn })),
      });
      const paid = projects.filter((project) => project.status === "PAID");

      expect(await post(`{ preventionProjects(status: PAID) { nodes { ${projectFields} } } }`)).toEqual({
        status: 200,
        body: { data: { preventionProjects: { nodes: paid.map(view) } } },
      });
      const failed = projects.find((project) => project.status === "ACCEPTANCE_FAILED")!;
      expect(await post(`query One($id: ID!) { preventionProject(id: $id) { ${projectFields} } }`, { id: failed.id })).toEqual({
        status: 200,
        body: { data: { preventionProject: view(failed) } },
      });
      expect(paid).toHaveLength(1);
    });

    it("gives a barred agency no new project, naming it and the day its bar ends", async () => {
      const barred = seeded(hub.city, "hrss", ServiceAgency).find((agency) => agency.barredUntil !== null)!;
      // The last barred day is still barred, so the case holds whenever the test runs.
      const appliedOn = now < barred.barredUntil! ? now : barred.barredUntil!;
      expect(await applyFor(barred.creditCode, 1000, appliedOn)).toEqual(
        rejected(
          "applyForPreventionProject",
          "input.agencyCreditCode",
          `${barred.name} (${barred.creditCode}) 曾有项目验收不合格, ${barred.barredUntil} 前不得承担工伤预防项目`,
        ),
      );
    });

    it("runs a project through every step in order to payment, prepaying 30% to the fen", async () => {
      const creditCode = withCheck("91370300MA3C8K7D2");
      expect(await register(creditCode, "淄博安达安全培训有限公司")).toEqual({
        status: 200,
        body: {
          data: {
            registerServiceAgency: {
              creditCode,
              creditCodeNeedsReview: false,
              name: "淄博安达安全培训有限公司",
              barredUntil: null,
              barred: false,
            },
          },
        },
      });
      const applied = await applyFor(creditCode.toLowerCase());
      const id: string = applied.body.data.applyForPreventionProject.id;
      const base = {
        id,
        title: "交通运输企业工伤预防培训",
        category: "TRAINING",
        contractAmountYuan: 12345.67,
        appliedOn: now,
        statusSince: now,
        agency: { creditCode, barredUntil: null },
      };
      expect(applied).toEqual({
        status: 200,
        body: {
          data: {
            applyForPreventionProject: {
              ...base,
              id: expect.stringMatching(/^PP-/),
              status: "APPLIED",
              prepaidYuan: null,
              steps: [{ status: "APPLIED", enteredOn: now }],
            },
          },
        },
      });

      expect(await advance(id, "PREPAID")).toEqual(
        rejected("advancePreventionProject", "input.id", `${id} 当前为 APPLIED, 只能转为 APPROVED, 不能转为 PREPAID`),
      );
      expect(await advance(id, "APPROVED", daysAgo(1))).toEqual(
        rejected("advancePreventionProject", "input.on", `不能早于转为 APPLIED 的日期 ${now}, 填写的是 ${daysAgo(1)}`),
      );

      const order = ["APPROVED", "AGREEMENT_SIGNED", "PREPAID", "IN_PROGRESS", "ACCEPTED", "PAID"];
      let last: unknown;
      for (const status of order) last = await advance(id, status);
      expect(last).toEqual({
        status: 200,
        body: {
          data: {
            advancePreventionProject: {
              ...base,
              status: "PAID",
              prepaidYuan: 3703.7,
              steps: ["APPLIED", ...order].map((status) => ({ status, enteredOn: now })),
            },
          },
        },
      });
      expect(await advance(id, "ACCEPTANCE_FAILED")).toEqual(
        rejected("advancePreventionProject", "input.id", `${id} 当前为 PAID, 不能再转为其他状态, 不能转为 ACCEPTANCE_FAILED`),
      );
    });

    it("bars an agency for three years once its project fails acceptance", async () => {
      const creditCode = withCheck("91370300MA3C8K7D3");
      await register(creditCode, "淄博恒信安全咨询有限公司");
      const id: string = (await applyFor(creditCode)).body.data.applyForPreventionProject.id;
      for (const status of ["APPROVED", "AGREEMENT_SIGNED", "PREPAID", "IN_PROGRESS"]) await advance(id, status);
      const until = addYears(now, 3);

      expect((await advance(id, "ACCEPTANCE_FAILED")).body.data.advancePreventionProject).toEqual(
        expect.objectContaining({ status: "ACCEPTANCE_FAILED", agency: { creditCode, barredUntil: until } }),
      );
      expect(await applyFor(creditCode)).toEqual(
        rejected(
          "applyForPreventionProject",
          "input.agencyCreditCode",
          `淄博恒信安全咨询有限公司 (${creditCode}) 曾有项目验收不合格, ${until} 前不得承担工伤预防项目`,
        ),
      );
    });

    it("registers an agency once", async () => {
      const { creditCode } = seeded(hub.city, "hrss", ServiceAgency)[0];
      expect(await register(creditCode, "x")).toEqual(rejected("registerServiceAgency", "input.creditCode", `${creditCode} 已登记`));
    });

    it.each([
      [
        "a malformed credit code",
        () => register("91370300MA3C8K7DO0", "x"),
        "registerServiceAgency",
        "input.creditCode",
        '第 17 位 "O" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)',
      ],
      [
        "an unregistered agency",
        () => applyFor(unknownCreditCode),
        "applyForPreventionProject",
        "input.agencyCreditCode",
        `没有统一社会信用代码为 ${unknownCreditCode} 的服务机构`,
      ],
      [
        "fractions of a fen",
        () => applyFor(seeded(hub.city, "hrss", ServiceAgency)[0].creditCode, 100.001),
        "applyForPreventionProject",
        "input.contractAmountYuan",
        "金额最多两位小数 (精确到分), 收到 100.001",
      ],
      [
        "an application in the future",
        () => applyFor(seeded(hub.city, "hrss", ServiceAgency)[0].creditCode, 100, addDays(chinaToday(testClock()), 1)),
        "applyForPreventionProject",
        "input.appliedOn",
        "不能晚于今天 (2026-06-15)",
      ],
      [
        "an unknown project",
        () => advance("PP-missing", "APPROVED"),
        "advancePreventionProject",
        "input.id",
        "没有编号为 PP-missing 的工伤预防项目",
      ],
    ])("rejects %s", async (_case, run, operation, field, reason) => {
      expect(await run()).toEqual(rejected(operation, field, reason));
    });
  });
});
