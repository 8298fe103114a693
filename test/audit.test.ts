import { TrustedKeys } from "../kernel/trusted-keys";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import { SignJWT } from "jose";
import { AuditLog, HeadAnchor } from "../gateway/audit";
import { chainAfter, recordHash, verifyChain, type ChainRecord } from "../gateway/audit-chain";
import { AuditRecord } from "../gateway/audit-record.entity";
import { AuditStore } from "../gateway/audit-store";
import { createLogger } from "../kernel/logger";
import { purposes } from "../kernel/purposes";
import { loadAgencySigningKey } from "../kernel/keys";
import { verifySubjectReport } from "../kernel/subjects";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { Person } from "../subgraphs/hrss/person.entity";
import { seeded } from "./support/expected";
import { grant, startFederation, type Federation } from "./support/federation";
import { fieldLabel } from "../kernel/field-labels";

const silent = createLogger("test", "silent");

describe("the audit log: complete, signed, anchored, and bounded", () => {
  let hub: Federation;
  let person: Person;
  let store: AuditStore;
  const as = async (agency: string, roles: ("viewer" | "admin" | "auditor")[] = ["viewer"]) => ({
    authorization: `Bearer ${await hub.keys.token({ agency, roles })}`,
  });
  const verify = () => verifyChain(store.pages(), hub.keys.auditVerifyingKeys, [hub.auditHead.read()!]);
  const newest = async () => (await hub.auditDb.getRepository(AuditRecord).find({ order: { seq: "DESC" }, take: 1 }))[0];
  const trail = async (query: string, agency: string, roles: ("viewer" | "admin" | "auditor")[]) => {
    const response = await fetch(new URL(`/audit?${query}`, hub.gatewayUrl), { headers: await as(agency, roles) });
    return { status: response.status, body: (await response.json()) as { accesses?: Record<string, unknown>[]; errors?: unknown[] } };
  };

  beforeAll(async () => {
    // A commit waits for the record of every request under way: one that ended without saying so
    // would hold the next commit for ten minutes, and the tests here would time out.
    hub = await startFederation({ auditCommitDelayMs: 600_000 });
    store = hub.governance.audit.store;
    person = seeded(hub.city, "hrss", Person).sort((a, b) => (a.pid < b.pid ? -1 : 1))[0];
    await grant(hub, { applicant: "emergency", resource: "Person.name", purpose: "JOINT_INSPECTION" });
  });
  afterAll(() => hub.stop());

  describe("every read of a person or an enterprise is in its trail", () => {
    it("records a person read without selecting the pid, reported by the department that served it", async () => {
      const response = await hub.post(
        { query: "query NameOnly($pid: String!) { person(pid: $pid) { name injuryRecognitions { id } } }", variables: { pid: person.pid } },
        { ...(await as("emergency")), "x-lianfang-case": "AC-2025-000002" },
      );
      expect(response.status).toBe(200);

      const byAuditor = await trail(`pid=${person.pid}`, "unions", ["auditor"]);

      expect(byAuditor.status).toBe(200);
      expect(byAuditor.body.accesses).toContainEqual({
        seq: expect.any(Number),
        at: expect.any(String),
        agency: "emergency",
        user: "tester",
        purpose: "JOINT_INSPECTION",
        caseRef: "AC-2025-000002",
        operationName: "NameOnly",
        fieldsRead: { hrss: ["Query.person", "Person.name", "Person.injuryRecognitions", "InjuryRecognition.id"] },
        outcome: "ALLOWED",
      });
    });

    it("records a case in Chinese as the clerk wrote it, sent percent-encoded in the header and bounded as decoded", async () => {
      const caseRef = "淄博市工伤预防联席会议二〇二六年第四次会议交办事项：化工企业一线班组长培训核查";
      await hub.post(
        { query: "query ChineseCase($pid: String!) { person(pid: $pid) { name } }", variables: { pid: person.pid } },
        { ...(await as("emergency")), "x-lianfang-case": encodeURIComponent(caseRef) },
      );

      const byAuditor = await trail(`pid=${person.pid}`, "unions", ["auditor"]);

      expect(byAuditor.body.accesses?.find((access) => access.operationName === "ChineseCase")?.caseRef).toBe(caseRef);
    });

    it("records the enterprises whose accidents were listed, though no credit code was selected", async () => {
      const [accident] = seeded(hub.city, "emergency", Accident).sort((a, b) => (a.id < b.id ? -1 : 1));
      await hub.post({ query: "query Deaths { accidents(first: 1) { nodes { id deaths } } }" }, await as("health"));

      const byAuditor = await trail(`creditCode=${accident.creditCode}`, "hrss", ["auditor"]);

      expect(byAuditor.body.accesses?.map((access) => [access.agency, access.operationName])).toContainEqual(["health", "Deaths"]);
    });

    it("shows an owner's administrator the other departments' reads of its data, and nobody else's", async () => {
      await hub.post(
        { query: "query Own($pid: String!) { person(pid: $pid) { injuryRecognitions { id } } }", variables: { pid: person.pid } },
        await as("hrss"),
      );
      await hub.post(
        { query: "query Theirs($pid: String!) { person(pid: $pid) { injuryRecognitions { id } } }", variables: { pid: person.pid } },
        await as("unions"),
      );

      const byOwner = await trail(`pid=${person.pid}`, "hrss", ["admin"]);
      const byOtherAdmin = await trail(`pid=${person.pid}`, "transport", ["admin"]);

      const names = byOwner.body.accesses?.map((access) => access.operationName);
      expect(names).toContain("Theirs");
      expect(names).not.toContain("Own");
      expect(byOtherAdmin.body.accesses?.map((access) => access.operationName)).toEqual([]);
    });

    it("refuses the trail to a viewer and a malformed key", async () => {
      expect(await trail(`pid=${person.pid}`, "hrss", ["viewer"])).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message: "only auditors, and an owner's administrators for its own data, read the audit log",
              extensions: { code: "FORBIDDEN" },
            },
          ],
        },
      });
      expect(await trail("creditCode=%25", "hrss", ["auditor"])).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message: "统一社会信用代码: 应为 18 位统一社会信用代码",
              extensions: { code: "BAD_USER_INPUT", field: "creditCode", reason: "应为 18 位统一社会信用代码" },
            },
          ],
        },
      });
    });

    it("refuses a department's answer that carries no valid report of whose data it served", async () => {
      const agencyKey = await loadAgencySigningKey(hub.keys.keyDir, "hrss");
      const unsigned = await new SignJWT({ digest: "x", pids: [], creditCodes: [] })
        .setProtectedHeader({ alg: "EdDSA", kid: agencyKey.kid })
        .sign(agencyKey.key);

      // Signed, but with the department's user-token key, which no department server signs reports with.
      expect(() =>
        verifySubjectReport(new TrustedKeys(hub.keys.trustedSubgraphKeys), "hrss", { callId: "c", digest: "x" }, unsigned),
      ).toThrow("token is signed by a key the hub does not trust");
      expect(() =>
        verifySubjectReport(new TrustedKeys(hub.keys.trustedSubgraphKeys), "hrss", { callId: "c", digest: "x" }, undefined),
      ).toThrow("hrss did not report whose data it served");
    });
  });

  describe("bounded inputs never reach the audit store or a department", () => {
    const query = { query: "{ enterprises(first: 1) { nodes { creditCode } } }" };

    it.each([
      [
        "a case reference over 100 characters",
        { "x-lianfang-case": "C".repeat(101) },
        "caseRef",
        "案件编号最多 100 个可打印字符, 不能含控制字符",
      ],
      [
        "a case header that is not percent-encoded UTF-8",
        { "x-lianfang-case": "AC-2025-%E8%81" },
        "caseRef",
        "x-lianfang-case 应以 UTF-8 百分号编码 (encodeURIComponent) 传送",
      ],
      [
        "a case reference with a control character",
        { extensions: { caseRef: "AC-1\u0007" } },
        "caseRef",
        "案件编号最多 100 个可打印字符, 不能含控制字符",
      ],
      [
        "a purpose that is no code",
        { "x-lianfang-purpose": "x".repeat(500) },
        "purpose",
        `用途应为以下代码之一 (最多 40 个大写字母和下划线): ${Object.keys(purposes).join("、")}`,
      ],
    ])("refuses %s with 400 BAD_USER_INPUT", async (_case, request: Record<string, unknown>, field, reason) => {
      const before = await store.head();
      Object.values(hub.received).forEach((calls) => calls.splice(0));

      const { extensions, ...headerValues } = { extensions: undefined, ...request };
      const response = await hub.post({ ...query, extensions }, { ...(await as("hrss")), ...headerValues });

      expect(response).toEqual({
        status: 400,
        body: { errors: [{ message: `${fieldLabel(field)}: ${reason}`, extensions: { code: "BAD_USER_INPUT", field, reason } }] },
      });
      expect(await store.head()).toEqual(before);
      expect(Object.values(hub.received).flat()).toEqual([]);
    });

    it("refuses a user id over 100 characters as unauthenticated, unrecorded", async () => {
      const before = await store.head();
      const token = await hub.keys.token({ agency: "hrss", user: "u".repeat(101) });

      const response = await hub.post(query, { authorization: `Bearer ${token}` });

      expect(response).toEqual({
        status: 401,
        body: {
          errors: [
            {
              message: "Not authenticated: subject (user) claim must be at most 100 printable characters",
              extensions: { code: "UNAUTHENTICATED", reason: "subject (user) claim must be at most 100 printable characters" },
            },
          ],
        },
      });
      expect(await store.head()).toEqual(before);
    });

    it.each([
      ["a non-string operationName", { query: query.query, operationName: 7 }, ["operationName"]],
      ["a non-string query", { query: { evil: true } }, ["query"]],
      ["variables that are not an object", { query: query.query, variables: [1] }, ["variables"]],
      ["a batch", [query], ["body"]],
    ])("answers %s with 400 BAD_REQUEST, unrecorded, and the chain stays whole", async (_case, body, fields) => {
      const before = await store.head();

      const response = await hub.post(body, { ...(await as("hrss")), "x-lianfang-purpose": "" });

      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions).toEqual({ code: "BAD_REQUEST", fields });
      expect(await store.head()).toEqual(before);
      expect(await verify()).toEqual({ ok: true, checked: before.seq, broken: [] });
    });
  });

  describe("the chain", () => {
    it("records allowed and denied operations alike, hashing exactly what it stores", async () => {
      await hub.post(
        { query: "query PersonPhone($pid: String!) { person(pid: $pid) { phone } }", variables: { pid: person.pid } },
        await as("transport"),
      );
      const denied = await newest();

      expect(denied).toMatchObject({
        agency: "transport",
        userId: "tester",
        roles: "viewer",
        purpose: "JOINT_INSPECTION",
        caseRef: null,
        operationName: "PersonPhone",
        fieldsRead: JSON.stringify({ hrss: ["Query.person", "Person.phone"] }),
        outcome: "DENIED:FORBIDDEN",
        keyId: "audit",
      });
      expect(await verify()).toEqual({ ok: true, checked: denied.seq, broken: [] });
    });

    it("commits concurrent appends together and numbers them without gaps", async () => {
      const before = await store.head();
      const requests = Array.from({ length: 30 }, async () =>
        hub.post({ query: "{ enterprises(first: 1) { nodes { name } } }" }, await as("unions")),
      );

      const statuses = (await Promise.all(requests)).map((response) => response.status);

      expect(statuses).toEqual(Array(30).fill(200));
      expect((await store.head()).seq).toBe(before.seq + 30);
      expect((await verify()).ok).toBe(true);
    });

    it("continues unbroken after a restart, once the anchor is checked", async () => {
      const restarted = new AuditLog(store, hub.auditHead, hub.keys.auditKey, silent);
      await restarted.checkAnchor();
      const before = await store.head();

      const appended = await restarted.append({ ...(await store.trail("person", person.pid))[0], at: new Date() });

      expect(appended.seq).toBe(before.seq + 1);
      await restarted.anchored();
      expect(hub.auditHead.read()).toEqual({ seq: appended.seq, hash: appended.hash });
      expect(await verify()).toEqual({ ok: true, checked: appended.seq, broken: [] });
    });
  });

  describe("tampering is detected, every broken range named", () => {
    let snapshot: AuditRecord[];
    let subjects: unknown[];
    let head: { seq: number; hash: string };

    beforeEach(async () => {
      await hub.governance.audit.anchored();
      await store.indexSubjects();
      snapshot = await hub.auditDb.getRepository(AuditRecord).find({ order: { seq: "ASC" } });
      subjects = await hub.auditDb.query("SELECT kind, subject_key, upto, seqs FROM audit_subject_seqs");
      head = await store.head();
    });
    afterEach(async () => {
      await hub.auditDb.query("DELETE FROM audit_record");
      await hub.auditDb.query("DELETE FROM audit_subject_seqs");
      await hub.auditDb.getRepository(AuditRecord).insert(snapshot);
      for (const row of subjects as { kind: string; subject_key: string; upto: number; seqs: string }[]) {
        await hub.auditDb.query("INSERT INTO audit_subject_seqs (kind, subject_key, upto, seqs) VALUES (?, ?, ?, ?)", [
          row.kind,
          row.subject_key,
          row.upto,
          row.seqs,
        ]);
      }
      await hub.auditDb.query("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [head.seq, head.hash]);
      await hub.auditHead.write(head);
      expect((await verify()).ok).toBe(true);
    });

    it("names an altered record and, further on, a deleted one: the first break hides nothing", async () => {
      const repository = hub.auditDb.getRepository(AuditRecord);
      await repository.update({ seq: 2 }, { purpose: "STATISTICS" });
      await repository.delete({ seq: 5 });
      await repository.delete({ seq: 6 });

      expect(await verify()).toEqual({
        ok: false,
        checked: head.seq - 2,
        broken: [
          { from: 2, to: 2, problem: "altered or forged: its content or signature does not verify" },
          { from: 5, to: 6, problem: "deleted" },
        ],
      });
    });

    it("names a person removed from a record's subjects: the trail cannot be blinded in the store", async () => {
      const [listed] = (await hub.auditDb.query(
        "SELECT subject_key, upto, seqs FROM audit_subject_seqs WHERE kind = 'person' ORDER BY upto LIMIT 1",
      )) as { subject_key: string; upto: number; seqs: string }[];
      const [touched, ...others] = (JSON.parse(listed.seqs) as number[]).sort((a, b) => a - b);
      await hub.auditDb.query("UPDATE audit_subject_seqs SET seqs = ? WHERE kind = 'person' AND subject_key = ? AND upto = ?", [
        JSON.stringify(others),
        listed.subject_key,
        listed.upto,
      ]);

      expect((await verify()).broken).toEqual([
        { from: touched, to: touched, problem: "its subjects in the trails' index differ from the record: a trail was altered" },
      ]);
    });

    it("refuses a forged record appended with a correctly computed plain hash", async () => {
      const [last] = await store.trail("person", person.pid);
      const forged = { ...last, seq: head.seq + 1, previousHash: head.hash, agency: "intruder", pids: [], creditCodes: [] } as ChainRecord;
      forged.hash = recordHash(forged);
      // A signature the key made, over another record's hash: the chain's newest record always carries its commit's.
      await hub.auditDb.getRepository(AuditRecord).insert({ ...forged, signature: snapshot[snapshot.length - 1].signature });
      await hub.auditDb.query("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [forged.seq, forged.hash]);

      expect((await verify()).broken).toEqual([
        { from: head.seq + 1, to: head.seq + 1, problem: "altered or forged: its content or signature does not verify" },
      ]);
    });

    it("refuses a record signed with another key", async () => {
      const [forged] = chainAfter(head, [{ ...(await store.trail("person", person.pid))[0], agency: "intruder" }], {
        keyId: "audit",
        privateKey: generateKeyPairSync("ed25519").privateKey,
      });
      await hub.auditDb.getRepository(AuditRecord).insert(forged);

      expect((await verify()).broken).toEqual([
        { from: head.seq + 1, to: head.seq + 1, problem: "altered or forged: its content or signature does not verify" },
      ]);
    });

    it("names records deleted from the end against the anchor, and against an exported head when the anchor is deleted too", async () => {
      // Two commits of one record each at the end, deleted whole.
      const [newest] = await store.trail("person", person.pid);
      const [first] = chainAfter(head, [newest], hub.keys.auditKey);
      const [exported] = chainAfter(first, [newest], hub.keys.auditKey);
      const repository = hub.auditDb.getRepository(AuditRecord);
      await repository.insert([first, exported]);
      await repository.delete({ seq: exported.seq });
      await repository.delete({ seq: exported.seq - 1 });
      fs.rmSync(hub.auditHead.file);

      const withExportedHead = await verifyChain(store.pages(), hub.keys.auditVerifyingKeys, [exported]);

      expect(withExportedHead.broken).toEqual([
        {
          from: exported.seq - 1,
          to: exported.seq,
          problem: `deleted from the end: a head anchored outside the store is record ${exported.seq}`,
        },
      ]);
    });

    it.each([
      ["the anchor is missing", async () => fs.rmSync(hub.auditHead.file), "ANCHOR_MISSING", /its anchor .* is missing/],
      [
        "the store is behind its anchor, as after a crash that lost writes",
        async () => {
          await hub.auditDb.getRepository(AuditRecord).delete({ seq: head.seq });
          await hub.auditDb.query("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [
            head.seq - 1,
            snapshot[snapshot.length - 2].hash,
          ]);
        },
        "STORE_BEHIND_ANCHOR",
        /ends at record \d+ but its anchor names record \d+/,
      ],
    ])("stops a gateway start when %s, until the operator acknowledges it, audited", async (_case, tamper, code, message) => {
      await tamper();
      // Its own anchor on the file, closed after: the restarted log shares the hub's store, which stays open.
      const anchor = new HeadAnchor(hub.auditHead.file);
      const restarted = new AuditLog(store, anchor, hub.keys.auditKey, silent);
      const current = await store.head();
      try {
        await expect(restarted.checkAnchor()).rejects.toThrow(message);
        await expect(restarted.checkAnchor(current.seq + 7)).rejects.toThrow(`LIANFANG_AUDIT_ACKNOWLEDGE=${current.seq}`);
        await restarted.checkAnchor(current.seq);

        expect(await newest()).toMatchObject({ seq: current.seq + 1, agency: "hub", userId: "operator", outcome: `ACKNOWLEDGED:${code}` });
        await restarted.checkAnchor();
      } finally {
        await anchor.close();
      }
    });
  });

  describe("fail closed", () => {
    it("reports the audit store in /health and answers 503 AUDIT_UNAVAILABLE when it cannot be written", async () => {
      const healthy = await fetch(new URL("/health", hub.gatewayUrl)).then((response) => response.json());
      expect(healthy).toMatchObject({ status: "ok", audit: { status: "up" }, grants: { status: "fresh" } });

      // The store's head gone: every commit and every read of the store fails, whichever connection it is on.
      await hub.auditDb.query("ALTER TABLE audit_head RENAME TO audit_head_away");
      const response = await hub.post({ query: "{ enterprises(first: 1) { nodes { creditCode } } }" }, await as("hrss"));
      const health = await fetch(new URL("/health", hub.gatewayUrl));

      expect(response).toEqual({
        status: 503,
        body: {
          errors: [
            { message: "the audit log cannot be written; no data is released unaudited", extensions: { code: "AUDIT_UNAVAILABLE" } },
          ],
        },
      });
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "degraded", audit: { status: "down" } });
    });
  });
});
