import { keyRule } from "../kernel/sharing";
import { AuditRecord } from "../gateway/audit-record.entity";
import { Person } from "../subgraphs/hrss/person.entity";
import { SharingApplication } from "../subgraphs/coordination/sharing-application.entity";
import { seeded } from "./support/expected";
import { grant, startFederation, testClock, type Federation } from "./support/federation";
import { fieldLabel } from "../kernel/field-labels";

describe("governance at the gateway: catalogue, grants, purpose, masking, audit, limits", () => {
  let hub: Federation;
  let person: Person;
  const as = async (agency: string, roles: ("viewer" | "admin" | "auditor")[] = ["viewer"]) => ({
    authorization: `Bearer ${await hub.keys.token({ agency, roles })}`,
  });
  /** The person's name as a grant without `unmasked` shows it: the first character, then one * for each other. */
  const maskedName = () => [...person.name][0] + "*".repeat([...person.name].length - 1);
  const personQuery = (fields: string) => ({
    query: `query PersonRecord($pid: String!) { person(pid: $pid) { pid ${fields} } }`,
    variables: { pid: person.pid },
  });

  beforeAll(async () => {
    hub = await startFederation();
    person = seeded(hub.city, "hrss", Person).sort((a, b) => (a.pid < b.pid ? -1 : 1))[0];
  });
  afterAll(() => hub.stop());

  describe("the sharing catalogue, deny by default", () => {
    it("lets the owner read its own fields, whatever their level", async () => {
      const response = await hub.post(personQuery("name idNumber phone insuredSince"), await as("hrss"));

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            person: {
              pid: person.pid,
              name: person.name,
              idNumber: person.idNumber,
              phone: person.phone,
              insuredSince: person.insuredSince,
            },
          },
        },
      });
    });

    it("refuses another department a NONE field, naming the field, its owner, its level and the legal basis", async () => {
      const response = await hub.post(personQuery("phone"), await as("health"));

      expect(response).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message: "health may not read Person.phone (NONE, hrss)",
              extensions: {
                code: "FORBIDDEN",
                denied: [
                  {
                    resource: "Person.phone",
                    owners: ["hrss"],
                    level: "NONE",
                    reason: "not shared: 《个人信息保护法》第六条 最小必要: joint prevention needs no phone number",
                  },
                ],
              },
            },
          ],
        },
      });
      expect(hub.received.hrss.filter((call) => call.identity.agency === "health")).toEqual([]);
    });

    it("refuses a field its owner never classified: only the owner reads it", async () => {
      const response = await hub.post(personQuery("insuredSince"), await as("emergency"));

      expect(response.body.errors[0].extensions.denied).toEqual([
        { resource: "Person.insuredSince", owners: ["hrss"], level: "UNCLASSIFIED", reason: "unclassified: its owner alone reads it" },
      ]);
    });

    it("refuses CONDITIONAL data without a grant, and says how to apply", async () => {
      const response = await hub.post(personQuery("name"), await as("emergency"));

      expect(response.body.errors).toEqual([
        {
          message: "emergency may not read Person.name (CONDITIONAL, hrss)",
          extensions: {
            code: "FORBIDDEN",
            denied: [
              {
                resource: "Person.name",
                owners: ["hrss"],
                level: "CONDITIONAL",
                reason: "needs a grant from hrss for purpose JOINT_INSPECTION",
                apply:
                  'mutation { applyForResource(input: { resource: "Person.name", purpose: "JOINT_INSPECTION", justification: "...", days: 30 }) { id answerDueOn } }',
              },
            ],
          },
        },
      ]);
    });

    it("lists the catalogue for the calling department, with what it may read now", async () => {
      const response = await hub.post(
        { query: "{ sharingCatalogue { resource owners level basis mask readable grantedPurposes } }" },
        await as("transport"),
      );
      const byResource = Object.fromEntries(
        response.body.data.sharingCatalogue.map((entry: { resource: string }) => [entry.resource, entry]),
      );

      expect([
        byResource["Person.idNumber"],
        byResource["Person.phone"],
        byResource["Vehicle.plateNumber"],
        byResource["Person.insuredSince"],
      ]).toEqual([
        {
          resource: "Person.idNumber",
          owners: ["hrss"],
          level: "CONDITIONAL",
          basis: expect.stringContaining("个人信息保护法"),
          mask: "idNumber",
          readable: false,
          grantedPurposes: [],
        },
        {
          resource: "Person.phone",
          owners: ["hrss"],
          level: "NONE",
          basis: expect.stringContaining("最小必要"),
          mask: null,
          readable: false,
          grantedPurposes: [],
        },
        {
          resource: "Vehicle.plateNumber",
          owners: ["transport"],
          level: "UNCONDITIONAL",
          basis: keyRule.basis,
          mask: null,
          readable: true,
          grantedPurposes: [],
        },
        {
          resource: "Person.insuredSince",
          owners: ["hrss"],
          level: "UNCLASSIFIED",
          basis: null,
          mask: null,
          readable: false,
          grantedPurposes: [],
        },
      ]);
    });
  });

  describe("conditional grants", () => {
    it("opens CONDITIONAL data for the granted purpose only, masked unless the grant says otherwise", async () => {
      for (const resource of ["Person.name", "Person.idNumber", "Person.gender"])
        await grant(hub, { applicant: "unions", resource, purpose: "SUPERVISION" });

      const granted = await hub.post(personQuery("name idNumber gender"), { ...(await as("unions")), "x-lianfang-purpose": "SUPERVISION" });
      const otherPurpose = await hub.post(personQuery("name"), { ...(await as("unions")), "x-lianfang-purpose": "STATISTICS" });

      expect(granted).toEqual({
        status: 200,
        body: {
          data: {
            person: {
              pid: person.pid,
              name: maskedName(),
              idNumber: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`,
              gender: person.gender,
            },
          },
        },
      });
      expect(otherPurpose.body.errors[0].extensions.denied[0].reason).toBe("needs a grant from hrss for purpose STATISTICS");
    });

    it("shows personal data in clear under a grant that allows it", async () => {
      await grant(hub, { applicant: "housing", resource: "Person.idNumber", purpose: "SUPERVISION", unmasked: true });

      const response = await hub.post(personQuery("idNumber"), { ...(await as("housing")), "x-lianfang-purpose": "SUPERVISION" });

      expect(response.body).toEqual({ data: { person: { pid: person.pid, idNumber: person.idNumber } } });
    });

    it("closes the data again once the grant expires", async () => {
      const id = await grant(hub, { applicant: "transport", resource: "Person.name", purpose: "ACCIDENT_INVESTIGATION" });
      const ask = async () => hub.post(personQuery("name"), { ...(await as("transport")), "x-lianfang-purpose": "ACCIDENT_INVESTIGATION" });
      expect((await ask()).body).toEqual({ data: { person: { pid: person.pid, name: maskedName() } } });

      await hub.databases.coordination
        .getRepository(SharingApplication)
        .update({ id }, { expiresAt: new Date(testClock().getTime() - 1000) });
      await hub.governance.grants.refresh();

      expect((await ask()).body.errors[0].extensions.code).toBe("FORBIDDEN");
    });

    it("stops honouring a revoked grant at the grant book's next poll, without being told", async () => {
      const id = await grant(hub, { applicant: "emergency", resource: "Person.name", purpose: "ACCIDENT_INVESTIGATION" });
      const ask = async () => hub.post(personQuery("name"), { ...(await as("emergency")), "x-lianfang-purpose": "ACCIDENT_INVESTIGATION" });
      expect((await ask()).body).toEqual({ data: { person: { pid: person.pid, name: maskedName() } } });

      const revoked = await hub.post(
        { query: `mutation { revokeGrant(input: { id: "${id}", reason: "investigation closed" }) { status reason } }` },
        await as("hrss", ["admin"]),
      );
      expect(revoked.body).toEqual({ data: { revokeGrant: { status: "REVOKED", reason: "investigation closed" } } });

      // The book polls every 500 ms on its own; wait for a poll that began after the revocation, however slow the machine.
      const revokedAt = Date.now();
      const grants = hub.governance.grants;
      while ((grants.refreshedAt?.getTime() ?? 0) <= revokedAt) await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await ask()).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    });

    it("keeps the grant book for the gateway alone", async () => {
      const response = await hub.post({ query: "{ activeGrants { id applicant resource } }" }, await as("coordination", ["admin"]));

      expect(response.body.errors).toEqual([
        {
          message: "only the gateway reads the grant book",
          path: ["activeGrants"],
          extensions: { code: "FORBIDDEN", serviceName: "coordination" },
        },
      ]);
    });

    it("lets only the owner's administrator decide, and a refusal needs its reason", async () => {
      const applied = await hub.post(
        {
          query:
            'mutation { applyForResource(input: { resource: "Person.birthDate", purpose: "STATISTICS", justification: "age structure of injured workers", days: 90 }) { id owner status answerDueOn overdue } }',
        },
        await as("health"),
      );
      const { id } = applied.body.data.applyForResource;
      const byApplicant = await hub.post(
        { query: `mutation { approveApplication(input: { id: "${id}" }) { status } }` },
        await as("health", ["admin"]),
      );
      const byViewer = await hub.post({ query: `mutation { approveApplication(input: { id: "${id}" }) { status } }` }, await as("hrss"));
      const withoutReason = await hub.post(
        { query: `mutation { refuseApplication(input: { id: "${id}" }) { status } }` },
        await as("hrss", ["admin"]),
      );
      const refused = await hub.post(
        {
          query: `mutation { refuseApplication(input: { id: "${id}", reason: "aggregate statistics are published monthly" }) { status reason decidedBy } }`,
        },
        await as("hrss", ["admin"]),
      );

      expect(applied.body.data.applyForResource).toEqual({
        id,
        owner: "hrss",
        status: "PENDING",
        answerDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        overdue: false,
      });
      expect(byApplicant.body.errors[0].extensions).toEqual({
        code: "FORBIDDEN",
        owner: "hrss",
        agency: "health",
        serviceName: "coordination",
      });
      expect(byViewer.body.errors[0].extensions).toEqual({ code: "FORBIDDEN", requiredRole: "admin", serviceName: "coordination" });
      expect(withoutReason.body.errors[0].extensions).toEqual({
        code: "BAD_USER_INPUT",
        field: "input.reason",
        reason: "不予同意或撤销授权时必须说明理由",
        serviceName: "coordination",
      });
      expect(refused.body.data.refuseApplication).toEqual({
        status: "REFUSED",
        reason: "aggregate statistics are published monthly",
        decidedBy: "hrss/tester",
      });
    });

    it("shows applications left unanswered past 10 working days as overdue", async () => {
      const applied = await hub.post(
        {
          query:
            'mutation { applyForResource(input: { resource: "Person.gender", purpose: "STATISTICS", justification: "gender mix", days: 30 }) { id } }',
        },
        await as("unions"),
      );
      const { id } = applied.body.data.applyForResource;
      await hub.databases.coordination.getRepository(SharingApplication).update({ id }, { answerDueOn: "2026-01-05" });

      const overdue = await hub.post(
        { query: "{ sharingApplications(overdue: true) { nodes { id applicant owner overdue } } }" },
        await as("hrss"),
      );

      expect(overdue.body.data.sharingApplications.nodes).toEqual([{ id, applicant: "unions", owner: "hrss", overdue: true }]);
    });

    it.each([
      ["a NONE resource", "Person.phone", "STATISTICS", "input.resource", "Person.phone 为不予共享数据, hrss 不向其他部门共享"],
      ["an unknown resource", "Person.shoeSize", "STATISTICS", "input.resource", "Person.shoeSize 不在共享资源目录中"],
      [
        "a type whose fields several departments own",
        "Enterprise.*",
        "STATISTICS",
        "input.resource",
        /^Enterprise\.\* 包含 coordination、emergency、health、.*hrss.* 各自的字段, 请分别向各部门申请$/,
      ],
      [
        "an unknown purpose",
        "Person.name",
        "CURIOSITY",
        "input.purpose",
        "应为以下用途之一: JOINT_INSPECTION、ACCIDENT_INVESTIGATION、INJURY_RECOGNITION、OCCUPATIONAL_DISEASE_PREVENTION、PREVENTION_PROJECT、MEETING_REPORT、STATISTICS、SUPERVISION、DATA_MAINTENANCE",
      ],
    ])("refuses an application for %s", async (_case, resource, purpose, field, expected) => {
      const reason = typeof expected === "string" ? expected : expect.stringMatching(expected);
      const response = await hub.post(
        {
          query: "mutation Apply($input: ApplyForResourceInput!) { applyForResource(input: $input) { id } }",
          variables: { input: { resource, purpose, justification: "x", days: 10 } },
        },
        await as("emergency"),
      );

      expect(response.body.errors).toEqual([
        {
          message: typeof expected === "string" ? `${fieldLabel(field)}: ${expected}` : expect.stringMatching(`^${fieldLabel(field)}: `),
          path: ["applyForResource"],
          extensions: { code: "BAD_USER_INPUT", field, reason, serviceName: "coordination" },
        },
      ]);
    });
  });

  describe("purpose", () => {
    it.each([
      ["no purpose", {}, null],
      ["an unknown purpose", { "x-lianfang-purpose": "BECAUSE" }, "BECAUSE"],
    ])("refuses a request with %s, before executing anything, and audits the refusal", async (_case, headers, given) => {
      const response = await hub.post(
        { query: "{ enterprises(first: 1) { nodes { creditCode } } }" },
        { ...(await as("hrss")), "x-lianfang-purpose": "", ...headers },
      );

      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions).toEqual({
        code: "PURPOSE_REQUIRED",
        given,
        purposes: [
          "JOINT_INSPECTION",
          "ACCIDENT_INVESTIGATION",
          "INJURY_RECOGNITION",
          "OCCUPATIONAL_DISEASE_PREVENTION",
          "PREVENTION_PROJECT",
          "MEETING_REPORT",
          "STATISTICS",
          "SUPERVISION",
          "DATA_MAINTENANCE",
        ],
      });
      const [last] = await hub.auditDb.getRepository(AuditRecord).find({ order: { seq: "DESC" }, take: 1 });
      expect([last.agency, last.purpose, last.outcome]).toEqual(["hrss", given, "DENIED:PURPOSE_REQUIRED"]);
    });

    it("accepts the purpose and case as request extensions too", async () => {
      const response = await hub.post(
        {
          query: "{ enterprises(first: 1) { nodes { creditCode } } }",
          extensions: { purpose: "MEETING_REPORT", caseRef: "MEETING-2026-04" },
        },
        { ...(await as("coordination")), "x-lianfang-purpose": "" },
      );

      expect(response.status).toBe(200);
      const [last] = await hub.auditDb.getRepository(AuditRecord).find({ order: { seq: "DESC" }, take: 1 });
      expect([last.purpose, last.caseRef, last.outcome]).toEqual(["MEETING_REPORT", "MEETING-2026-04", "ALLOWED"]);
    });
  });

  describe("limits", () => {
    const nested = (depth: number): string => (depth === 0 ? "creditCode" : `accidents { enterprise { ${nested(depth - 1)} } }`);

    it.each([
      ["a depth bomb", `{ accidents(first: 1) { nodes { enterprise { ${nested(6)} } } } }`, "DEPTH_LIMIT_EXCEEDED"],
      [
        "an alias bomb",
        `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: enterprises(first: 1) { nodes { creditCode } }`).join(" ")} }`,
        "ALIAS_LIMIT_EXCEEDED",
      ],
      [
        "a cost bomb",
        `{ enterprises(first: 200) { nodes { accidents { enterprise { accidents { enterprise { accidents { id } } } } } } } }`,
        "COST_LIMIT_EXCEEDED",
      ],
    ])("refuses %s before any department is asked", async (_case, query, code) => {
      Object.values(hub.received).forEach((calls) => calls.splice(0));
      const response = await hub.post({ query }, await as("coordination"));

      expect(response.body.errors[0].extensions.code).toBe(code);
      expect(response.body.data).toBeUndefined();
      expect(Object.values(hub.received).flat()).toEqual([]);
    });

    const heavy = "nodes { accidents { enterprise { accidents { enterprise { accidents { id } } } } } }";
    it.each([
      ["a variable's default", `query Heavy($n: Int = 200) { enterprises(first: $n) { ${heavy} } }`, undefined],
      ["a variable's value", `query Heavy($n: Int!) { enterprises(first: $n) { ${heavy} } }`, { n: 200 }],
      ["the argument's default (50)", `{ enterprises { ${heavy} } }`, undefined, `{ enterprises(first: 50) { ${heavy} } }`],
    ])(
      "prices a page size given by %s exactly as the literal, and refuses it before any department is asked",
      async (_case, query, variables, literal = `{ enterprises(first: 200) { ${heavy} } }`) => {
        Object.values(hub.received).forEach((calls) => calls.splice(0));
        const priced = await hub.post({ query, variables }, await as("coordination"));
        const asLiteral = await hub.post({ query: literal }, await as("coordination"));

        expect(priced.status).toBe(400);
        expect(priced.body.errors[0].extensions).toEqual({ code: "COST_LIMIT_EXCEEDED", cost: expect.any(Number), limit: 25_000 });
        expect(priced.body.errors[0].extensions.cost).toBe(asLiteral.body.errors[0].extensions.cost);
        expect(Object.values(hub.received).flat()).toEqual([]);
      },
    );

    it("refuses introspection unless configured, and names no field in its errors", async () => {
      const response = await hub.post({ query: "{ __schema { types { name } } }" }, await as("coordination"));
      const misspelt = await hub.post({ query: "{ enterprises(first: 1) { nodes { nam } } }" }, await as("coordination"));

      expect(response.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(response.body.errors[0].message).toContain("introspection");
      expect(misspelt.body.errors).toEqual([
        {
          message: 'Cannot query field "nam" on type "Enterprise".',
          locations: [{ line: 1, column: 35 }],
          extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
        },
      ]);
    });
  });
});

describe("introspection switched on", () => {
  let hub: Federation;

  beforeAll(async () => {
    hub = await startFederation({ introspection: true });
  });
  afterAll(() => hub.stop());

  it("answers __schema and __type to any department, and suggests field names", async () => {
    const authorization = `Bearer ${await hub.keys.token({ agency: "unions" })}`;
    const schema = await hub.post({ query: '{ __schema { queryType { name } } __type(name: "Enterprise") { name } }' }, { authorization });
    const misspelt = await hub.post({ query: "{ enterprises(first: 1) { nodes { nam } } }" }, { authorization });

    expect(schema).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: "Query" } }, __type: { name: "Enterprise" } } } });
    expect(misspelt.body.errors[0].message).toBe('Cannot query field "nam" on type "Enterprise". Did you mean "name"?');
  });
});

describe("the per-department rate limit", () => {
  let hub: Federation;

  beforeAll(async () => {
    // A frozen clock: no bucket refills while the test counts, however slow the machine.
    hub = await startFederation({ rateLimitPerSecond: 2, rateLimitClock: () => 0 });
  });
  afterAll(() => hub.stop());

  it("answers 429 RATE_LIMITED past a department's burst, and leaves other departments alone", async () => {
    const ask = async (agency: string) =>
      (
        await hub.post(
          { query: "{ enterprises(first: 1) { nodes { creditCode } } }" },
          { authorization: `Bearer ${await hub.keys.token({ agency })}` },
        )
      ).status;
    const statuses = [];
    for (let request = 0; request < 6; request++) statuses.push(await ask("health"));

    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(await ask("unions")).toBe(200);
  });
});
