import { Accident } from "../subgraphs/emergency/accident.entity";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { InjuryRecognition } from "../subgraphs/hrss/injury-recognition.entity";
import { Person } from "../subgraphs/hrss/person.entity";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { Vehicle } from "../subgraphs/transport/vehicle.entity";
import { SupervisionCheck } from "../subgraphs/unions/supervision-check.entity";
import { ConstructionProject } from "../subgraphs/housing/construction-project.entity";
import { InspectionTarget, JointInspection } from "../subgraphs/coordination/joint-inspection.entity";
import { accidentGrade } from "../subgraphs/emergency/accident-grade";
import { grant, startFederation, type Federation } from "./support/federation";
import { seeded, whereEquals } from "./support/expected";
import { fieldLabel } from "../kernel/field-labels";

const enterpriseRecord = `query EnterpriseRecord($creditCode: String!) {
  enterprise(creditCode: $creditCode) {
    creditCode name industryCode regionCode riskClass insuredHeadcount creditCodeNeedsReview
    injuryRecognitions { id status accident { id } }
    accidents { id grade deaths seriousInjuries reportedLate }
    occupationalDiseaseCases { id diseaseName catalogueVersion diagnosedOn }
    vehicles { plateNumber vehicleClass }
    constructionProjects { permitNo status }
    supervisionChecks { id hazardsFound status }
    jointInspections { id inspection { id title leadAgency } }
  }
}`;

describe("the federated hub, every department over loopback HTTP", () => {
  let hub: Federation;
  let authorization: string;

  beforeAll(async () => {
    hub = await startFederation();
    authorization = `Bearer ${await hub.keys.token({ agency: "coordination", user: "office-li" })}`;
  });
  afterAll(() => hub.stop());
  beforeEach(() => Object.values(hub.received).forEach((calls) => calls.splice(0)));

  /** The enterprise with the most cross-department records: the richest 一企一档 to check. */
  function busiestEnterprise() {
    const accidents = seeded(hub.city, "emergency", Accident);
    const counts = new Map<string, number>();
    for (const accident of accidents) counts.set(accident.creditCode, (counts.get(accident.creditCode) ?? 0) + 1);
    const [creditCode] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    return seeded(hub.city, "hrss", Enterprise).find((enterprise) => enterprise.creditCode === creditCode)!;
  }

  it("answers one enterprise's whole record (一企一档) from all seven departments", async () => {
    const enterprise = busiestEnterprise();
    const code = enterprise.creditCode;
    const inspections = seeded(hub.city, "coordination", JointInspection);
    const response = await hub.post(
      { query: enterpriseRecord, variables: { creditCode: code.toLowerCase() } },
      { authorization, "x-lianfang-purpose": "JOINT_INSPECTION", "x-lianfang-case": "LJ-2025-001" },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          enterprise: {
            creditCode: code,
            name: enterprise.name,
            industryCode: enterprise.industryCode,
            regionCode: enterprise.regionCode,
            riskClass: enterprise.riskClass,
            insuredHeadcount: enterprise.insuredHeadcount,
            creditCodeNeedsReview: enterprise.creditCodeNeedsReview,
            injuryRecognitions: whereEquals(seeded(hub.city, "hrss", InjuryRecognition), "creditCode", code, "id").map((r) => ({
              id: r.id,
              status: r.status,
              accident: { id: r.accidentId },
            })),
            accidents: whereEquals(seeded(hub.city, "emergency", Accident), "creditCode", code, "id").map((a) => ({
              id: a.id,
              grade: accidentGrade(a),
              deaths: a.deaths,
              seriousInjuries: a.seriousInjuries,
              reportedLate: a.reportedAt.getTime() - a.occurredAt.getTime() > 60 * 60_000,
            })),
            occupationalDiseaseCases: whereEquals(seeded(hub.city, "health", OccupationalDiseaseCase), "creditCode", code, "id").map(
              (c) => ({
                id: c.id,
                diseaseName: c.diseaseName,
                catalogueVersion: c.catalogueVersion,
                diagnosedOn: c.diagnosedOn,
              }),
            ),
            vehicles: whereEquals(seeded(hub.city, "transport", Vehicle), "creditCode", code, "plateNumber").map((v) => ({
              plateNumber: v.plateNumber,
              vehicleClass: v.vehicleClass,
            })),
            constructionProjects: whereEquals(seeded(hub.city, "housing", ConstructionProject), "creditCode", code, "permitNo").map(
              (p) => ({
                permitNo: p.permitNo,
                status: p.status,
              }),
            ),
            supervisionChecks: whereEquals(seeded(hub.city, "unions", SupervisionCheck), "creditCode", code, "id").map((c) => ({
              id: c.id,
              hazardsFound: c.hazardsFound,
              status: c.status,
            })),
            jointInspections: whereEquals(seeded(hub.city, "coordination", InspectionTarget), "creditCode", code, "id").map((t) => {
              const inspection = inspections.find((candidate) => candidate.id === t.inspectionId)!;
              return { id: t.id, inspection: { id: inspection.id, title: inspection.title, leadAgency: inspection.leadAgency } };
            }),
          },
        },
      },
    });
    expect(response.body.data.enterprise.accidents.length).toBeGreaterThan(0);
  });

  it("tells every subgraph who asks and why, in one signed identity per request", async () => {
    const enterprise = busiestEnterprise();
    await hub.post(
      { query: enterpriseRecord, variables: { creditCode: enterprise.creditCode } },
      { authorization, "x-lianfang-purpose": "JOINT_INSPECTION", "x-lianfang-case": "LJ-2025-001" },
    );

    const identities = Object.entries(hub.received).map(([name, calls]) => [name, calls.map((call) => call.identity)]);
    const requestId = hub.received.hrss[0].identity.requestId;
    // One id for the whole request, made by the gateway: the same in every department, never absent.
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const expected = {
      agency: "coordination",
      user: "office-li",
      roles: ["viewer"],
      requestId,
      purpose: "JOINT_INSPECTION",
      caseRef: "LJ-2025-001",
    };
    expect(Object.fromEntries(identities)).toEqual({
      hrss: [expected],
      emergency: [expected],
      health: [expected],
      transport: [expected],
      housing: [expected],
      unions: [expected],
      coordination: [expected],
    });
    expect(hub.received.emergency[0].body.variables).toEqual({
      representations: [{ __typename: "Enterprise", creditCode: enterprise.creditCode }],
    });
  });

  it("joins a person's injuries and diagnoses on the pseudonymous pid, under health's grant", async () => {
    const diagnosis = seeded(hub.city, "health", OccupationalDiseaseCase)[0];
    const person = seeded(hub.city, "hrss", Person).find((candidate) => candidate.pid === diagnosis.pid)!;
    await grant(hub, { applicant: "hrss", resource: "Person.occupationalDiseaseCases", purpose: "INJURY_RECOGNITION" });
    const response = await hub.post(
      {
        query: `{ person(pid: "${person.pid}") { pid name employer { creditCode } occupationalDiseaseCases { id diseaseName } injuryRecognitions { id } } }`,
      },
      { authorization: `Bearer ${await hub.keys.token({ agency: "hrss" })}`, "x-lianfang-purpose": "INJURY_RECOGNITION" },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          person: {
            pid: person.pid,
            name: person.name,
            employer: { creditCode: person.employerCreditCode },
            occupationalDiseaseCases: whereEquals(seeded(hub.city, "health", OccupationalDiseaseCase), "pid", person.pid, "id").map(
              (c) => ({
                id: c.id,
                diseaseName: c.diseaseName,
              }),
            ),
            injuryRecognitions: whereEquals(seeded(hub.city, "hrss", InjuryRecognition), "pid", person.pid, "id").map((r) => ({
              id: r.id,
            })),
          },
        },
      },
    });
    expect(hub.received.health[0].body.variables).toEqual({ representations: [{ __typename: "Person", pid: person.pid }] });
  });

  it("pages through enterprises with cursors, in credit-code order", async () => {
    const codes = seeded(hub.city, "hrss", Enterprise)
      .map((enterprise) => enterprise.creditCode)
      .sort();
    const page = async (after?: string) =>
      (
        await hub.post(
          {
            query:
              "query Page($after: String) { enterprises(first: 30, after: $after) { nodes { creditCode } pageInfo { endCursor hasNextPage } } }",
            variables: { after },
          },
          { authorization },
        )
      ).body.data.enterprises;

    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    const third = await page(second.pageInfo.endCursor);

    expect([first, second, third].map((p) => [p.nodes.map((n: Enterprise) => n.creditCode), p.pageInfo.hasNextPage])).toEqual([
      [codes.slice(0, 30), true],
      [codes.slice(30, 60), true],
      [codes.slice(60, 80), false],
    ]);
  });

  const creditCodeShape =
    '第 17 位 "I" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)';

  it.each([
    [
      "a credit code of the wrong length",
      `{ enterprise(creditCode: "91370303MA3C1234") { name } }`,
      "creditCode",
      "应为 18 位, 实为 16 位",
    ],
    ["a credit code with a forbidden letter", `{ enterprise(creditCode: "91370303MA3C1234IO") { name } }`, "creditCode", creditCodeShape],
    ["an oversize page", `{ enterprises(first: 1000) { nodes { creditCode } } }`, "first", "应为 1 至 200 之间的整数, 填写的是 1000"],
    [
      "an industry code that is a LIKE wildcard",
      `{ enterprises(industryCode: "%") { nodes { creditCode } } }`,
      "industryCode",
      '"%" 不是行业代码: 应为门类字母 (可省略) 加 2 至 4 位数字',
    ],
    [
      "a region code that is no GB/T 2260 code",
      `{ enterprises(regionCode: "37%") { nodes { creditCode } } }`,
      "regionCode",
      '"37%" 不是 6 位数字的行政区划代码',
    ],
    [
      "a cursor the hub never issued",
      `{ enterprises(after: "not-a-cursor!") { nodes { creditCode } } }`,
      "after",
      "不是本列表返回的分页游标",
    ],
  ])("rejects %s with BAD_USER_INPUT naming the field and why", async (_case, query, field, reason) => {
    const response = await hub.post({ query }, { authorization });

    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `${fieldLabel(field)}: ${reason}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field, reason }),
      }),
    ]);
  });

  it("refuses an oversize body with PAYLOAD_TOO_LARGE before parsing it", async () => {
    const response = await hub.post({ query: `{ enterprises { nodes { creditCode } } }`, padding: "x".repeat(200_000) }, { authorization });

    expect(response).toEqual({
      status: 413,
      body: { errors: [{ message: "request body exceeds 100000 bytes", extensions: { code: "PAYLOAD_TOO_LARGE", limit: 100_000 } }] },
    });
    expect(Object.values(hub.received).flat()).toEqual([]);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await hub.post("{ not json", { authorization });

    expect(response).toEqual({
      status: 400,
      body: { errors: [{ message: "request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] },
    });
  });

  const raw = (path: string, init: RequestInit) => fetch(new URL(path, hub.gatewayUrl), init);

  it("answers its own errors in the GraphQL response media type when the client accepts it", async () => {
    const accepts = {
      authorization,
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
    };
    const notJson = await raw("/graphql", { method: "POST", headers: accepts, body: "{ not json" });
    const noRoute = await raw("/nowhere", { headers: { accept: "application/json" } });

    expect([notJson.status, notJson.headers.get("content-type")]).toEqual([400, "application/graphql-response+json; charset=utf-8"]);
    expect([noRoute.status, noRoute.headers.get("content-type"), await noRoute.json()]).toEqual([
      404,
      "application/json; charset=utf-8",
      { errors: [{ message: "no route /nowhere", extensions: { code: "NOT_FOUND" } }] },
    ]);
  });

  it.each([
    ["no content type", {}],
    ["a form", { "content-type": "application/x-www-form-urlencoded" }],
    ["plain text", { "content-type": "text/plain" }],
  ])("refuses a POST with %s as 415, executing nothing", async (_case, headers) => {
    Object.values(hub.received).forEach((calls) => calls.splice(0));
    const response = await raw("/graphql", {
      method: "POST",
      headers: { authorization, "x-lianfang-purpose": "JOINT_INSPECTION", ...headers },
      body: JSON.stringify({ query: "{ enterprises(first: 1) { nodes { creditCode } } }" }),
    });

    expect([response.status, await response.json()]).toEqual([
      415,
      {
        errors: [{ message: "a POST to /graphql must have content-type application/json", extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } }],
      },
    ]);
    expect(Object.values(hub.received).flat()).toEqual([]);
  });

  it("challenges an unauthenticated caller with WWW-Authenticate: Bearer", async () => {
    const response = await raw("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ enterprises(first: 1) { nodes { creditCode } } }" }),
    });

    expect([response.status, response.headers.get("www-authenticate")]).toEqual([401, 'Bearer realm="lianfang", error="invalid_token"']);
  });
});
