import { addDays, chinaDayStart, chinaToday } from "../kernel/calendar";
import { employerRegionRule } from "../kernel/employer-region";
import { InspectionStatus, InspectionTarget, JointInspection } from "../subgraphs/coordination/joint-inspection.entity";
import { AccidentGrade } from "../subgraphs/emergency/accident-grade";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { InjuryRecognition, RecognitionStatus } from "../subgraphs/hrss/injury-recognition.entity";
import { bodyDigest, signCall } from "../kernel/identity";
import { callIdentityHeader } from "../kernel/subgraph";
import { seeded } from "./support/expected";
import { expectedSections } from "./support/report-sections";
import { startFederation, type Federation } from "./support/federation";
import { fieldLabel } from "../kernel/field-labels";

const reportQuery = `query MeetingReport($regionCode: String!, $period: String!) {
  meetingReport(regionCode: $regionCode, period: $period) {
    regionCode period regionName regionRule periodStart periodEnd
    jointWork { inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered }
    accidentStatistics { accidents deaths seriousInjuries byGrade { grade accidents deaths } byMonth { month accidents deaths } }
    occupationalDiseaseStatistics { newCases byCategory { categoryName cases } }
    injuryStatistics { applications recognised severelyDisabled }
  }
}`;

/** The sections of 交通, 住建 and 总工会, asked apart so their figures are checked on their own. */
const sectionsQuery = `query MeetingReportSections($regionCode: String!, $period: String!) {
  meetingReport(regionCode: $regionCode, period: $period) {
    transportStatistics { licensedOperators licencesExpiring vehicles certificatesExpiring byVehicleClass { vehicleClass vehicles certificatesExpiring } }
    constructionSafetyStatistics { projectsPermitted inspections projectsInspected hazardsFound rectificationsOrdered stopWorkOrders workersEntered }
    unionSupervisionStatistics {
      checks enterprisesChecked hazardsFound checksAwaitingRectification complaintsReceived complaintsTransferred complaintsResolved
      complaintsByCategory { category complaints }
    }
  }
}`;

const severity = [AccidentGrade.ESPECIALLY_MAJOR, AccidentGrade.MAJOR, AccidentGrade.LARGER, AccidentGrade.ORDINARY];

describe("the leading group's meeting report, each department answering its own section", () => {
  let hub: Federation;
  let authorization: string;

  beforeAll(async () => {
    hub = await startFederation();
    authorization = `Bearer ${await hub.keys.token({ agency: "coordination" })}`;
    // Seven departments and a gateway start here: generous on a shared, loaded machine.
  }, 300_000);
  afterAll(() => hub.stop());

  /** The report computed straight from what each department seeded. */
  function expectedReport(regionCode: string, regionName: string, period: string) {
    const prefix = regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;
    const inRegion = (creditCode: string) => creditCode.slice(2, 2 + prefix.length) === prefix;
    const year = Number(period.slice(0, 4));
    const quarter = period.length > 4 ? Number(period.slice(6)) : undefined;
    const months = Array.from(
      { length: quarter ? 3 : 12 },
      (_, index) => `${year}-${String((quarter ? (quarter - 1) * 3 : 0) + index + 1).padStart(2, "0")}`,
    );
    const from = `${months[0]}-01`;
    const until = quarter === 4 || !quarter ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01`;
    const inYear = (date: string) => date >= from && date < until;
    // Every section places an event by the employer's registered region: characters 3 to 8 of its credit code.
    const accidents = seeded(hub.city, "emergency", Accident).filter(
      (a) => inRegion(a.creditCode) && a.occurredAt >= chinaDayStart(from) && a.occurredAt < chinaDayStart(until),
    );
    const grades = severity.filter((grade) => accidents.some((a) => a.grade === grade));
    const cases = seeded(hub.city, "health", OccupationalDiseaseCase).filter((c) => inRegion(c.creditCode) && inYear(c.diagnosedOn));
    const categories = [...new Set(cases.map((c) => c.categoryName))]
      .map((categoryName) => ({ categoryName, cases: cases.filter((c) => c.categoryName === categoryName).length }))
      .sort((a, b) => b.cases - a.cases || a.categoryName.localeCompare(b.categoryName));
    const injuries = seeded(hub.city, "hrss", InjuryRecognition).filter((r) => inRegion(r.creditCode) && inYear(r.injuredOn));
    const inspectionsOfYear = seeded(hub.city, "coordination", JointInspection).filter((i) => inYear(i.plannedOn));
    const targets = seeded(hub.city, "coordination", InspectionTarget).filter(
      (t) => inRegion(t.creditCode) && inspectionsOfYear.some((i) => i.id === t.inspectionId),
    );
    const inspections = inspectionsOfYear.filter((i) => targets.some((t) => t.inspectionId === i.id));
    return {
      regionCode,
      period,
      regionName,
      regionRule: employerRegionRule,
      periodStart: from,
      periodEnd: addDays(until, -1),
      jointWork: {
        inspectionsPlanned: inspections.length,
        inspectionsClosed: inspections.filter((i) => i.status === InspectionStatus.CLOSED).length,
        enterprisesInspected: targets.length,
        rectificationsOrdered: targets.filter((t) => t.rectificationDueOn !== null).length,
      },
      accidentStatistics: {
        accidents: accidents.length,
        deaths: accidents.reduce((sum, a) => sum + a.deaths, 0),
        seriousInjuries: accidents.reduce((sum, a) => sum + a.seriousInjuries, 0),
        byGrade: grades.map((grade) => {
          const ofGrade = accidents.filter((a) => a.grade === grade);
          return { grade, accidents: ofGrade.length, deaths: ofGrade.reduce((sum, a) => sum + a.deaths, 0) };
        }),
        byMonth: months.map((month) => {
          const ofMonth = accidents.filter((a) => chinaToday(a.occurredAt).startsWith(month));
          return { month, accidents: ofMonth.length, deaths: ofMonth.reduce((sum, a) => sum + a.deaths, 0) };
        }),
      },
      occupationalDiseaseStatistics: { newCases: cases.length, byCategory: categories },
      injuryStatistics: {
        applications: injuries.length,
        recognised: injuries.filter((r) => r.status === RecognitionStatus.RECOGNISED).length,
        severelyDisabled: injuries.filter((r) => r.disabilityGrade !== null && r.disabilityGrade <= 4).length,
      },
    };
  }

  it.each([
    ["the whole city", "370300", "淄博市", "2024"],
    ["one district", "370303", "张店区", "2024"],
    ["the whole city in one quarter", "370300", "淄博市", "2024-Q2"],
  ])("answers for %s from four departments' own figures", async (_case, regionCode, regionName, period) => {
    const response = await hub.post(
      { query: reportQuery, variables: { regionCode, period } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );
    const expected = expectedReport(regionCode, regionName, period);

    expect(response).toEqual({ status: 200, body: { data: { meetingReport: expected } } });
    expect(
      expected.accidentStatistics.accidents + expected.occupationalDiseaseStatistics.newCases + expected.injuryStatistics.applications,
    ).toBeGreaterThan(0);
  });

  it("asks each department for its section at once, by the report's own field: one call each, no second round for the report's key", async () => {
    Object.values(hub.received).forEach((calls) => calls.splice(0));
    const response = await hub.post(
      { query: reportQuery, variables: { regionCode: "370300", period: "2024" } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );

    expect(response.status).toBe(200);
    const asked = (department: string, selection: string) => [
      `query MeetingReport__${department}($regionCode:String!$period:String!){meetingReport(regionCode:$regionCode period:$period){${selection}}}`,
    ];
    expect(
      Object.fromEntries(
        Object.entries(hub.received).map(([department, calls]) => [department, calls.map((call) => call.body.query?.replace(/__\d+/, ""))]),
      ),
    ).toEqual({
      coordination: asked(
        "coordination",
        "regionName regionRule periodStart periodEnd jointWork{inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered}regionCode period",
      ),
      emergency: asked(
        "emergency",
        "accidentStatistics{accidents deaths seriousInjuries byGrade{grade accidents deaths}byMonth{month accidents deaths}}",
      ),
      health: asked("health", "occupationalDiseaseStatistics{newCases byCategory{categoryName cases}}"),
      hrss: asked("hrss", "injuryStatistics{applications recognised severelyDisabled}"),
      housing: [],
      transport: [],
      unions: [],
    });
    // The audit record lists the root field every department answers among the shared fields, each section under its owner.
    const [record] = (await hub.auditDb.query("SELECT fields_read FROM audit_record ORDER BY seq DESC LIMIT 1")) as {
      fields_read: string;
    }[];
    expect(JSON.parse(record.fields_read)).toMatchObject({
      shared: expect.arrayContaining(["Query.meetingReport"]),
      emergency: expect.arrayContaining(["MeetingReport.accidentStatistics"]),
      health: expect.arrayContaining(["MeetingReport.occupationalDiseaseStatistics"]),
      hrss: expect.arrayContaining(["MeetingReport.injuryStatistics"]),
    });
  });

  it("tests the district on figures of its own: in the district's year every section counts fewer events than the city's", () => {
    // So were a department to leave out the region, the district case above would get the city's figures and fail.
    const figures = (report: ReturnType<typeof expectedReport>) => [
      report.jointWork.inspectionsPlanned,
      report.accidentStatistics.accidents,
      report.occupationalDiseaseStatistics.newCases,
      report.injuryStatistics.applications,
    ];
    const city = figures(expectedReport("370300", "淄博市", "2024"));
    const district = figures(expectedReport("370303", "张店区", "2024"));

    expect(district[0]).toBeGreaterThan(0); // the district has joint inspections of its own to count
    district.forEach((count, section) => expect(count).toBeLessThan(city[section]));
  });

  const sectionCases: [string, string, string][] = [
    ["the whole city", "370300", "2025"],
    ["the whole city in the running year", "370300", "2026"],
    ["one district", "370303", "2025"],
    ["one district in one quarter", "370303", "2024-Q3"],
  ];

  it.each(sectionCases)("answers 交通, 住建 and 总工会's sections for %s from their own rows", async (_case, regionCode, period) => {
    const response = await hub.post(
      { query: sectionsQuery, variables: { regionCode, period } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );

    expect(response).toEqual({ status: 200, body: { data: { meetingReport: expectedSections(hub.city, regionCode, period) } } });
  });

  it("has every figure of the three sections above zero in some case, and a district below its city", () => {
    const answers = sectionCases.map(([, regionCode, period]) => expectedSections(hub.city, regionCode, period));
    for (const section of ["transportStatistics", "constructionSafetyStatistics", "unionSupervisionStatistics"] as const) {
      for (const [key, value] of Object.entries(answers[0][section])) {
        if (typeof value !== "number") continue;
        const values = answers.map((answer) => (answer[section] as unknown as Record<string, number>)[key]);
        expect({ section, key, anyAboveZero: values.some((figure) => figure > 0) }).toEqual({ section, key, anyAboveZero: true });
      }
    }
    expect(answers[2].unionSupervisionStatistics.checks).toBeLessThan(answers[0].unionSupervisionStatistics.checks);
    expect(answers[2].constructionSafetyStatistics.inspections).toBeLessThan(answers[0].constructionSafetyStatistics.inspections);
    expect(answers[2].transportStatistics.vehicles).toBeLessThan(answers[0].transportStatistics.vehicles);
  });

  it("refuses a malformed period for the three sections too: at the gateway, and in each department asked directly", async () => {
    const reason = '"2024-13" 不是报告期: 应写作年份 YYYY 或季度 YYYY-Qn (n 为 1 至 4)';
    const refusal = expect.objectContaining({
      message: `报告期: ${reason}`,
      extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "period", reason, reasonCode: "MALFORMED_PERIOD" }),
    });
    Object.values(hub.received).forEach((calls) => calls.splice(0));
    const throughGateway = await hub.post(
      { query: sectionsQuery, variables: { regionCode: "370300", period: "2024-13" } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );
    // Three departments were asked at once and each refused alike: the caller reads the refusal once.
    expect(Object.fromEntries(Object.entries(hub.received).map(([department, calls]) => [department, calls.length]))).toEqual({
      transport: 1,
      housing: 1,
      unions: 1,
      coordination: 0,
      emergency: 0,
      health: 0,
      hrss: 0,
    });
    expect(throughGateway.body.errors).toEqual([refusal]);

    // Each department checks the key it is handed through its section too, not only as the root field's arguments.
    const sections = { transport: "transportStatistics", housing: "constructionSafetyStatistics", unions: "unionSupervisionStatistics" };
    for (const [subgraph, field] of Object.entries(sections)) {
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on MeetingReport { ${field} { __typename } } } }`;
      const variables = { representations: [{ __typename: "MeetingReport", regionCode: "370300", period: "2024-13" }] };
      const identity = { agency: "coordination", user: "report", roles: ["viewer" as const], requestId: `sections-${subgraph}` };
      const call = JSON.stringify({ query, variables });
      const { signature } = signCall(hub.keys.gatewaySigningKey, identity, bodyDigest(call), subgraph);
      const response = await fetch(hub.subgraphUrls[subgraph], {
        method: "POST",
        headers: { "content-type": "application/json", [callIdentityHeader]: signature },
        body: call,
      });
      const body = (await response.json()) as { data: unknown; errors: unknown[] };

      expect({ subgraph, data: body.data, errors: body.errors }).toEqual({
        subgraph,
        data: { _entities: [{ [field]: null }] },
        errors: [refusal],
      });
    }
  });

  it.each([
    ["an unknown region", "370399", "2024", "regionCode", "UNKNOWN_REGION", '"370399" 不是已知的 GB/T 2260 行政区划代码'],
    [
      "a period that is not a year or quarter",
      "370300",
      "2024-13",
      "period",
      "MALFORMED_PERIOD",
      '"2024-13" 不是报告期: 应写作年份 YYYY 或季度 YYYY-Qn (n 为 1 至 4)',
    ],
    [
      "a quarter written wrongly",
      "370300",
      "2024-Q5",
      "period",
      "MALFORMED_PERIOD",
      '"2024-Q5" 不是报告期: 应写作年份 YYYY 或季度 YYYY-Qn (n 为 1 至 4)',
    ],
    [
      "a year not begun (the hub's clock reads 2026-06-15)",
      "370300",
      "2027",
      "period",
      "FUTURE_PERIOD",
      "报告期 2027 尚未开始 (今天是 2026-06-15)",
    ],
    ["a quarter not begun", "370303", "2026-Q3", "period", "FUTURE_PERIOD", "报告期 2026-Q3 尚未开始 (今天是 2026-06-15)"],
  ])("rejects %s, naming the argument and a stable reason code", async (_case, regionCode, period, field, reasonCode, reason) => {
    const response = await hub.post(
      { query: reportQuery, variables: { regionCode, period } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );

    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `${fieldLabel(field)}: ${reason}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field, reason, reasonCode }),
      }),
    ]);
  });
});
