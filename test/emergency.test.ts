import { AccidentReport } from "../subgraphs/emergency/accident-report.entity";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { supplementaryWindow } from "../subgraphs/emergency/accident-reporting";
import { chinaDayStart, chinaToday } from "../kernel/calendar";
import { HazardInspection, rectificationStatus } from "../subgraphs/emergency/hazard-inspection.entity";
import { SafetyLicence, licenceStatus } from "../subgraphs/emergency/safety-licence.entity";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { accidentCategories } from "../reference/accident-categories";
import { badInputErrors, seeded, whereEquals } from "./support/expected";
import { startFederation, testClock, type Federation } from "./support/federation";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

const accidentFields = `id creditCode creditCodeNeedsReview regionCode category categoryName occurredAt reportedAt deaths seriousInjuries minorInjuries missing
  directLossYuan grade reportedLate description measuresTaken gradeChanged
  reports { id version supplementary reportedAt deaths seriousInjuries missing directLossYuan grade }`;

const reportAccident = `mutation Report($input: ReportAccidentInput!) { reportAccident(input: $input) { ${accidentFields} } }`;
const addSupplementaryReport = `mutation Supplement($input: SupplementaryReportInput!) { addSupplementaryReport(input: $input) { ${accidentFields} } }`;
const recordHazardInspection = `mutation Inspect($input: RecordHazardInspectionInput!) {
  recordHazardInspection(input: $input) { id creditCode inspectedOn hazardsFound majorHazards rectificationDueOn rectifiedOn status }
}`;

describe("emergency: accidents, supplementary reports, hazard inspections and safety licences", () => {
  let hub: Federation;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    hub = await startFederation();
    admin = `Bearer ${await hub.keys.token({ agency: "emergency", roles: ["admin"] })}`;
    viewer = `Bearer ${await hub.keys.token({ agency: "emergency" })}`;
  });
  afterAll(() => hub.stop());

  const ask = (query: string, variables: Record<string, unknown> = {}, authorization = admin) =>
    hub.post({ query, variables }, { authorization });

  const accidents = () => seeded(hub.city, "emergency", Accident);
  const reports = () => seeded(hub.city, "emergency", AccidentReport);
  const enterpriseWith = (predicate: (industry: string) => boolean) =>
    hub.city.enterprises.find((enterprise) => predicate(enterprise.industryCode))!;

  function expectedAccident(accident: Accident) {
    const history = whereEquals(reports(), "accidentId", accident.id, "version");
    return {
      id: accident.id,
      creditCode: accident.creditCode,
      creditCodeNeedsReview: accident.creditCodeNeedsReview,
      regionCode: accident.regionCode,
      category: accident.category,
      categoryName: accidentCategories[accident.category],
      occurredAt: accident.occurredAt.toISOString(),
      reportedAt: accident.reportedAt.toISOString(),
      deaths: accident.deaths,
      seriousInjuries: accident.seriousInjuries,
      minorInjuries: accident.minorInjuries,
      missing: accident.missing,
      directLossYuan: accident.directLossFen / 100,
      grade: accident.grade,
      reportedLate: accident.reportedAt.getTime() - accident.occurredAt.getTime() > hourMs,
      description: accident.description,
      measuresTaken: accident.measuresTaken,
      gradeChanged: history[0].grade !== accident.grade,
      reports: history.map((report) => ({
        id: report.id,
        version: report.version,
        supplementary: report.version > 1,
        reportedAt: report.reportedAt.toISOString(),
        deaths: report.deaths,
        seriousInjuries: report.seriousInjuries,
        missing: report.missing,
        directLossYuan: report.directLossFen / 100,
        grade: report.grade,
      })),
    };
  }

  it("answers an accident with its report history, supplementary reports included", async () => {
    const supplemented = reports().find((report) => report.version === 2)!;
    const accident = accidents().find((candidate) => candidate.id === supplemented.accidentId)!;

    const response = await ask(`query One($id: ID!) { accident(id: $id) { ${accidentFields} } }`, { id: accident.id }, viewer);

    expect(response).toEqual({ status: 200, body: { data: { accident: expectedAccident(accident) } } });
    expect(response.body.data.accident.reports).toHaveLength(2);
  });

  it("filters accidents by region, category, credit code and China-time occurrence dates", async () => {
    const sample = accidents()[0];
    const from = "2023-01-01";
    const to = "2024-12-31";
    const query = `query Filtered($regionCode: String, $category: String, $from: String, $to: String, $creditCode: String) {
      accidents(first: 200, regionCode: $regionCode, category: $category, from: $from, to: $to, creditCode: $creditCode) { nodes { id } pageInfo { hasNextPage } }
    }`;
    const ids = (rows: Accident[]) => rows.map((row) => ({ id: row.id })).sort((a, b) => (a.id < b.id ? -1 : 1));
    const inRange = (row: Accident) => row.occurredAt >= chinaDayStart(from) && row.occurredAt < chinaDayStart("2025-01-01");

    const [byRegionAndCategory, byDates, byCreditCode] = await Promise.all([
      ask(query, { regionCode: sample.regionCode, category: sample.category }, viewer),
      ask(query, { from, to }, viewer),
      ask(query, { creditCode: sample.creditCode.toLowerCase() }, viewer),
    ]);

    expect([byRegionAndCategory.body, byDates.body, byCreditCode.body]).toEqual([
      {
        data: {
          accidents: {
            nodes: ids(accidents().filter((a) => a.regionCode === sample.regionCode && a.category === sample.category)),
            pageInfo: { hasNextPage: false },
          },
        },
      },
      { data: { accidents: { nodes: ids(accidents().filter(inRange)), pageInfo: { hasNextPage: false } } } },
      {
        data: {
          accidents: { nodes: ids(accidents().filter((a) => a.creditCode === sample.creditCode)), pageInfo: { hasNextPage: false } },
        },
      },
    ]);
    expect(byDates.body.data.accidents.nodes.length).toBeGreaterThan(0);
  });

  it.each([
    ["an unknown region", `{ accidents(regionCode: "370399") { nodes { id } } }`, "regionCode", "370399 不是已知的 GB/T 2260 行政区划代码"],
    ["an unknown category", `{ accidents(category: "21") { nodes { id } } }`, "category", `"21" 不是 GB 6441 事故类别代码 (01 至 20)`],
    [
      "an impossible date",
      `{ accidents(from: "2025-02-29") { nodes { id } } }`,
      "from",
      `2025-02-29 不是真实的日期: 2025 年 2 月只有 28 天, 没有 29 日`,
    ],
    [
      "dates out of order",
      `{ accidents(from: "2025-03-01", to: "2025-02-28") { nodes { id } } }`,
      "to",
      "不能早于起始日期 2025-03-01, 填写的是 2025-02-28",
    ],
    ["a malformed credit code", `{ accidents(creditCode: "91370303MA3C1234") { nodes { id } } }`, "creditCode", "应为 18 位, 实为 16 位"],
  ])("rejects a filter with %s", async (_case, query, field, reason) => {
    const response = await ask(query, {}, viewer);

    expect(response).toEqual({ status: 200, body: { data: null, errors: badInputErrors(field, reason) } });
  });

  describe("reporting an accident and its supplementary reports", () => {
    const enterprise = () => hub.city.enterprises[0];
    const occurredAt = new Date(testClock().getTime() - 2 * dayMs);
    const input = () => ({
      creditCode: enterprise().creditCode.toLowerCase(),
      regionCode: enterprise().regionCode,
      category: "09",
      occurredAt: occurredAt.toISOString(),
      reportedAt: new Date(occurredAt.getTime() + 90 * 60_000).toISOString(),
      deaths: 2,
      seriousInjuries: 1,
      minorInjuries: 3,
      missing: 1,
      directLossYuan: 1_234_567.89,
      description: "脚手架坍塌，两名作业人员从高处坠落",
      measuresTaken: "停止作业，组织搜救，伤员送医",
    });

    it("records the first report, graded and flagged late past one hour, and supplementary reports that regrade it", async () => {
      const reported = await ask(reportAccident, { input: input() });
      const id: string = reported.body.data.reportAccident.id;
      const firstReport = {
        id: `${id}-R1`,
        version: 1,
        supplementary: false,
        reportedAt: input().reportedAt,
        deaths: 2,
        seriousInjuries: 1,
        missing: 1,
        directLossYuan: 1_234_567.89,
        grade: "ORDINARY",
      };
      const accident = {
        id,
        creditCode: enterprise().creditCode,
        creditCodeNeedsReview: enterprise().flaggedCreditCode,
        regionCode: enterprise().regionCode,
        category: "09",
        categoryName: "高处坠落",
        occurredAt: input().occurredAt,
        reportedAt: input().reportedAt,
        deaths: 2,
        seriousInjuries: 1,
        minorInjuries: 3,
        missing: 1,
        directLossYuan: 1_234_567.89,
        grade: "ORDINARY",
        reportedLate: true,
        description: input().description,
        measuresTaken: input().measuresTaken,
        gradeChanged: false,
        reports: [firstReport],
      };
      expect(reported).toEqual({ status: 200, body: { data: { reportAccident: accident } } });
      expect(id).toMatch(new RegExp(`^AC-${chinaToday(occurredAt).slice(0, 4)}-[0-9a-f]{16}$`));

      const supplementAt = new Date(occurredAt.getTime() + dayMs).toISOString();
      const supplemented = await ask(addSupplementaryReport, {
        input: { accidentId: id, reportedAt: supplementAt, deaths: 3, seriousInjuries: 0, missing: 0 },
      });
      const secondReport = {
        id: `${id}-R2`,
        version: 2,
        supplementary: true,
        reportedAt: supplementAt,
        deaths: 3,
        seriousInjuries: 0,
        missing: 0,
        directLossYuan: 1_234_567.89,
        grade: "LARGER",
      };
      const regraded = {
        ...accident,
        deaths: 3,
        seriousInjuries: 0,
        missing: 0,
        grade: "LARGER",
        gradeChanged: true,
        reports: [firstReport, secondReport],
      };
      expect(supplemented).toEqual({ status: 200, body: { data: { addSupplementaryReport: regraded } } });

      const stored = await ask(`query One($id: ID!) { accident(id: $id) { ${accidentFields} } }`, { id }, viewer);
      expect(stored).toEqual({ status: 200, body: { data: { accident: regraded } } });
    });

    it("accepts a credit code whose check character fails, flagged for review", async () => {
      const first17 = enterprise().creditCode.slice(0, 17);
      const wrong = creditCodeCheckCharacter(first17) === "0" ? "1" : "0";
      const response = await ask(
        `mutation Report($input: ReportAccidentInput!) { reportAccident(input: $input) { creditCode creditCodeNeedsReview } }`,
        {
          input: { ...input(), creditCode: first17 + wrong },
        },
      );

      expect(response).toEqual({
        status: 200,
        body: { data: { reportAccident: { creditCode: first17 + wrong, creditCodeNeedsReview: true } } },
      });
    });

    it.each([
      [
        "a malformed credit code",
        { creditCode: "91370303MA3C1234IO" },
        "input.creditCode",
        '第 17 位 "I" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)',
      ],
      ["an unknown region", { regionCode: "370399" }, "input.regionCode", "370399 不是已知的 GB/T 2260 行政区划代码"],
      ["an unknown category", { category: "00" }, "input.category", `"00" 不是 GB 6441 事故类别代码 (01 至 20)`],
      [
        "an impossible date",
        { occurredAt: "2025-02-29T08:00:00Z" },
        "input.occurredAt",
        `2025-02-29 不是真实的日期: 2025 年 2 月只有 28 天, 没有 29 日`,
      ],
      [
        "a time without a zone",
        { reportedAt: "2025-03-01T08:00:00" },
        "input.reportedAt",
        `"2025-03-01T08:00:00" 不是带时区的日期时间: 应写作 YYYY-MM-DDThh:mm[:ss], 以 Z 或时差 (如 +08:00) 结尾`,
      ],
      [
        "a report before the accident",
        { reportedAt: new Date(testClock().getTime() - 3 * dayMs).toISOString() },
        "input.reportedAt",
        "不能早于发生时间 2026-06-13T02:00:00.000Z, 填写的是 2026-06-12T02:00:00.000Z",
      ],
      [
        "a report in the future",
        { reportedAt: new Date(testClock().getTime() + dayMs).toISOString() },
        "input.reportedAt",
        "不能晚于今天 (2026-06-15)",
      ],
      ["an accident before 493号", { occurredAt: "2007-05-31T08:00:00Z" }, "input.occurredAt", "早于国务院令第493号的施行日期 2007-06-01"],
      ["negative deaths", { deaths: -1 }, "input.deaths", "应为 0 至 2147483647 之间的整数, 填写的是 -1"],
      ["a loss in fractions of a fen", { directLossYuan: 10.005 }, "input.directLossYuan", "金额最多两位小数 (精确到分), 收到 10.005"],
      ["a blank description", { description: "  " }, "input.description", "不能为空"],
      ["an overlong description", { description: "经".repeat(2001) }, "input.description", "最多 2000 个字符, 填写了 2001 个"],
    ])("rejects %s, naming the field, and writes nothing", async (_case, change, field, reason) => {
      // Every stored accident, whichever employer's: a wrongly saved one might carry another (a changed credit code).
      const accidents = () => hub.databases.emergency.getRepository(Accident).count();
      const before = await accidents();
      const response = await ask(reportAccident, { input: { ...input(), ...change } });

      expect(response).toEqual({ status: 200, body: { data: null, errors: badInputErrors(field, reason) } });
      expect(await accidents()).toBe(before);
    });

    it("lets only emergency admins report", async () => {
      const response = await ask(reportAccident, { input: input() }, viewer);

      expect(response).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [
            expect.objectContaining({
              message: "修改这些记录需要 admin 角色",
              extensions: expect.objectContaining({ code: "FORBIDDEN" }),
            }),
          ],
        },
      });
    });

    it("refuses a supplementary report after the 7-day window of a road-traffic accident, accepts one at its last moment", async () => {
      const crashAt = new Date(testClock().getTime() - 10 * dayMs);
      const reported = await ask(reportAccident, {
        input: {
          ...input(),
          category: "02",
          occurredAt: crashAt.toISOString(),
          reportedAt: new Date(crashAt.getTime() + 30 * 60_000).toISOString(),
        },
      });
      const id: string = reported.body.data.reportAccident.id;
      const closesAt = supplementaryWindow({ category: "02", occurredAt: crashAt }).closesAt.toISOString();

      const late = await ask(addSupplementaryReport, {
        input: {
          accidentId: id,
          reportedAt: new Date(crashAt.getTime() + 7 * dayMs + 1000).toISOString(),
          deaths: 3,
          seriousInjuries: 0,
          missing: 0,
        },
      });
      const inTime = await ask(
        `mutation Supplement($input: SupplementaryReportInput!) { addSupplementaryReport(input: $input) { deaths grade reports { version } } }`,
        {
          input: {
            accidentId: id,
            reportedAt: new Date(crashAt.getTime() + 7 * dayMs).toISOString(),
            deaths: 3,
            seriousInjuries: 0,
            missing: 0,
            directLossYuan: 50_000_000,
          },
        },
      );

      expect(late).toEqual({
        status: 200,
        body: {
          data: null,
          errors: badInputErrors(
            "input.reportedAt",
            `已过 7 日的补报期限 (国务院令第493号 第十三条, 道路交通 (02 车辆伤害) 和火灾 (08) 事故), 期限已于 ${closesAt} 届满`,
          ),
        },
      });
      expect(inTime).toEqual({
        status: 200,
        body: { data: { addSupplementaryReport: { deaths: 3, grade: "MAJOR", reports: [{ version: 1 }, { version: 2 }] } } },
      });
    });

    it.each([
      [
        "an unknown accident",
        (accident: Accident) => ({ accidentId: "AC-2025-none", reportedAt: accident.reportedAt.toISOString() }),
        "input.accidentId",
        `没有编号为 "AC-2025-none" 的事故`,
      ],
      [
        "a report after the 30-day window",
        (accident: Accident) => ({
          accidentId: accident.id,
          reportedAt: new Date(accident.occurredAt.getTime() + 30 * dayMs + 60_000).toISOString(),
        }),
        "input.reportedAt",
        (accident: Accident) =>
          `已过 30 日的补报期限 (国务院令第493号 第十三条), 期限已于 ${new Date(accident.occurredAt.getTime() + 30 * dayMs).toISOString()} 届满`,
      ],
      [
        "a report before the last one",
        (accident: Accident) => ({ accidentId: accident.id, reportedAt: accident.occurredAt.toISOString() }),
        "input.reportedAt",
        (accident: Accident) =>
          `不能早于上一次报告的报告时间 ${accident.reportedAt.toISOString()}, 填写的是 ${accident.occurredAt.toISOString()}`,
      ],
      [
        "negative missing",
        (accident: Accident) => ({ accidentId: accident.id, reportedAt: accident.reportedAt.toISOString(), missing: -2 }),
        "input.missing",
        "应为 0 至 2147483647 之间的整数, 填写的是 -2",
      ],
    ])("rejects a supplementary report with %s", async (_case, change, field, reason) => {
      const accident = accidents().find((candidate) => !["02", "08"].includes(candidate.category))!;
      const response = await ask(addSupplementaryReport, { input: { deaths: 0, seriousInjuries: 0, missing: 0, ...change(accident) } });

      expect(response).toEqual({
        status: 200,
        body: { data: null, errors: badInputErrors(field, typeof reason === "string" ? reason : reason(accident)) },
      });
    });
  });

  describe("hazard inspections and safety licences", () => {
    const inspectionFields = "id creditCode inspectedOn hazardsFound majorHazards rectificationDueOn rectifiedOn status";
    const expectedInspection = (inspection: HazardInspection) => ({
      id: inspection.id,
      creditCode: inspection.creditCode,
      inspectedOn: inspection.inspectedOn,
      hazardsFound: inspection.hazardsFound,
      majorHazards: inspection.majorHazards,
      rectificationDueOn: inspection.rectificationDueOn,
      rectifiedOn: inspection.rectifiedOn,
      status: rectificationStatus(inspection, chinaToday(testClock())),
    });
    const expectedLicence = (licence: SafetyLicence) => ({
      licenceNo: licence.licenceNo,
      kind: licence.kind,
      validFrom: licence.validFrom,
      validUntil: licence.validUntil,
      status: licenceStatus(licence, chinaToday(testClock())),
    });

    it("adds an enterprise's inspections and licences to its record", async () => {
      const chemicals = enterpriseWith((industry) => industry === "26");
      const response = await ask(
        `query Record($creditCode: String!) { enterprise(creditCode: $creditCode) { creditCode hazardInspections { ${inspectionFields} } safetyLicences { licenceNo kind validFrom validUntil status } } }`,
        { creditCode: chemicals.creditCode },
        viewer,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            enterprise: {
              creditCode: chemicals.creditCode,
              hazardInspections: whereEquals(seeded(hub.city, "emergency", HazardInspection), "creditCode", chemicals.creditCode, "id").map(
                expectedInspection,
              ),
              safetyLicences: whereEquals(
                seeded(hub.city, "emergency", SafetyLicence),
                "creditCode",
                chemicals.creditCode,
                "licenceNo",
              ).map(expectedLicence),
            },
          },
        },
      });
      expect(response.body.data.enterprise.safetyLicences.length).toBeGreaterThan(0);
    });

    it("lists licences of one kind and inspections in a date range", async () => {
      const licences = seeded(hub.city, "emergency", SafetyLicence).filter((licence) => licence.kind === "HAZARDOUS_CHEMICALS_PRODUCTION");
      const inspections = seeded(hub.city, "emergency", HazardInspection).filter(
        (inspection) => inspection.inspectedOn >= "2025-06-01" && inspection.inspectedOn <= "2025-06-30",
      );
      const [licenceList, inspectionList] = await Promise.all([
        ask(
          `{ safetyLicences(first: 200, kind: HAZARDOUS_CHEMICALS_PRODUCTION) { nodes { licenceNo kind validFrom validUntil status } pageInfo { hasNextPage } } }`,
          {},
          viewer,
        ),
        ask(
          `{ hazardInspections(first: 200, from: "2025-06-01", to: "2025-06-30") { nodes { ${inspectionFields} } pageInfo { hasNextPage } } }`,
          {},
          viewer,
        ),
      ]);

      expect([licenceList.body, inspectionList.body]).toEqual([
        {
          data: {
            safetyLicences: {
              nodes: [...licences].sort((a, b) => (a.licenceNo < b.licenceNo ? -1 : 1)).map(expectedLicence),
              pageInfo: { hasNextPage: false },
            },
          },
        },
        {
          data: {
            hazardInspections: {
              nodes: [...inspections].sort((a, b) => (a.id < b.id ? -1 : 1)).map(expectedInspection),
              pageInfo: { hasNextPage: false },
            },
          },
        },
      ]);
    });

    const inspection = () => ({
      creditCode: hub.city.enterprises[1].creditCode,
      inspectedOn: "2025-05-06",
      hazardsFound: 4,
      majorHazards: 1,
      rectificationDueOn: "2025-06-05",
      rectifiedOn: "2025-05-30",
    });

    it("records an inspection and shows it on the enterprise", async () => {
      const recorded = await ask(recordHazardInspection, { input: inspection() });
      const id: string = recorded.body.data.recordHazardInspection.id;
      const listed = await ask(`{ hazardInspections(first: 200, creditCode: "${inspection().creditCode}") { nodes { id } } }`, {}, viewer);

      expect(recorded).toEqual({ status: 200, body: { data: { recordHazardInspection: { id, ...inspection(), status: "RECTIFIED" } } } });
      expect(id).toMatch(/^HI-2025-[0-9a-f]{16}$/);
      expect(listed.body.data.hazardInspections.nodes).toContainEqual({ id });
    });

    it.each([
      ["more major hazards than hazards", { majorHazards: 5 }, "input.majorHazards", "应为 0 至 4 之间的整数, 填写的是 5"],
      ["no due date for found hazards", { rectificationDueOn: null }, "input.rectificationDueOn", "发现隐患时必须填写整改期限"],
      [
        "a due date before the inspection",
        { rectificationDueOn: "2025-05-05" },
        "input.rectificationDueOn",
        "不能早于检查日期 2025-05-06, 填写的是 2025-05-05",
      ],
      [
        "a rectification date when nothing was found",
        { hazardsFound: 0, majorHazards: 0, rectificationDueOn: null },
        "input.rectifiedOn",
        "未发现隐患时不填写",
      ],
      [
        "an impossible date",
        { inspectedOn: "2025-04-31" },
        "input.inspectedOn",
        `2025-04-31 不是真实的日期: 2025 年 4 月只有 30 天, 没有 31 日`,
      ],
      ["a malformed credit code", { creditCode: "9137030" }, "input.creditCode", "应为 18 位, 实为 7 位"],
      ["an inspection in the future", { inspectedOn: "2999-01-01" }, "input.inspectedOn", "不能晚于今天 (2026-06-15)"],
    ])("rejects an inspection with %s", async (_case, change, field, reason) => {
      const response = await ask(recordHazardInspection, { input: { ...inspection(), ...change } });

      expect(response).toEqual({ status: 200, body: { data: null, errors: badInputErrors(field, reason) } });
    });
  });
});
