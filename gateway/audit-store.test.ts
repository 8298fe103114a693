import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { chainAfter, genesis, verifyChain, type AuditEntry, type ChainRecord } from "./audit-chain";
import { indexChunk, insertSql, recordColumns, recordValues } from "./audit-rows";
import { AuditStore } from "./audit-store";
import { Audit1763900000000 } from "./migrations/1763900000000-audit";
import { SignedAudit1764600000000 } from "./migrations/1764600000000-signed-audit";
import { SubjectsInRecord1764800000000 } from "./migrations/1764800000000-subjects-in-record";
import { openDatabase } from "../kernel/database";
import { createLogger } from "../kernel/logger";
import { testDatabase, type TestDatabase } from "../test/support/database";

const logger = createLogger("audit-store-test", "silent");
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const key = { keyId: "audit-test", privateKey };
const verifyingKeys = new Map([[key.keyId, publicKey]]);

/** Stores a record as a gateway before subjects were kept in the record: without its subject columns. */
async function insertWithoutSubjects(db: DataSource, record: ChainRecord): Promise<void> {
  const columns = recordColumns.filter((name) => name !== "pids" && name !== "credit_codes");
  const values = recordValues(record).filter((_, index) => columns.includes(recordColumns[index] as (typeof columns)[number]));
  await db.query(`INSERT INTO audit_record (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, values);
}

const indexAltered = "its subjects in the trails' index differ from the record: a trail was altered";

const entry = (requestId: string, pids: string[], creditCodes: string[]): AuditEntry => ({
  at: new Date("2026-12-03T04:00:00.000Z"),
  requestId,
  agency: "coordination",
  userId: "wang",
  roles: "viewer",
  purpose: "MEETING_REPORT",
  caseRef: null,
  operationName: "Enterprise",
  operationHash: "0".repeat(64),
  fieldsRead: JSON.stringify({ hrss: ["Query.enterprise"] }),
  pids,
  creditCodes,
  outcome: "ALLOWED",
});

describe("the audit store: each record holds its subjects, and the trails' index follows the commits", () => {
  let database: TestDatabase;
  let dataDir: string;
  // The index is written only when a test asks for it (a trail, a close), however long the test takes.
  const open = () => AuditStore.open({ mysqlUrl: database.mysqlUrl, dbPrefix: database.dbPrefix, dataDir }, logger, 3_600_000);
  /** A forged index row: person p-9, in the step ending at `upto`, listing `seqs`. */
  const listUnderP9 = (store: AuditStore, upto: number, seqs: number[]) =>
    store.db.query("INSERT INTO audit_subject_seqs (kind, subject_key, upto, seqs) VALUES ('person', 'p-9', ?, ?)", [
      upto,
      JSON.stringify(seqs),
    ]);
  const indexRows = async (db: DataSource) =>
    ((await db.query("SELECT kind, subject_key, upto, seqs FROM audit_subject_seqs")) as unknown[]).length;

  beforeEach(() => {
    database = testDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-audit-store-"));
  });
  afterEach(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the subjects of a store written when they were only in the index: verifiable, on their trails, and extended after", async () => {
    const earlier = await openDatabase({
      name: "audit",
      entities: [],
      migrations: [Audit1763900000000, SignedAudit1764600000000],
      mysqlUrl: database.mysqlUrl,
      prefix: database.dbPrefix,
      dataDir,
      logger,
    });
    const written = chainAfter(genesis, [entry("r1", ["p-1"], ["91370303MA3C00001X", "91370303MA3C00002Y"]), entry("r2", [], [])], key);
    for (const record of written) await insertWithoutSubjects(earlier, record);
    for (const [kind, subject] of [
      ["person", "p-1"],
      ["enterprise", "91370303MA3C00001X"],
      ["enterprise", "91370303MA3C00002Y"],
    ])
      await earlier.query("INSERT INTO audit_subject (seq, kind, subject_key) VALUES (1, ?, ?)", [kind, subject]);
    await earlier.query("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [2, written[1].hash]);
    await earlier.destroy();

    const store = await open();
    try {
      expect(await verifyChain(store.pages(), verifyingKeys, [{ seq: 2, hash: written[1].hash }])).toEqual({
        ok: true,
        checked: 2,
        broken: [],
      });
      expect(await store.trail("enterprise", "91370303MA3C00002Y")).toEqual([written[0]]);

      const [third] = await store.extend([entry("r3", ["p-1"], [])], key);

      expect(third.seq).toBe(3);
      expect((await store.trail("person", "p-1")).map((record) => record.requestId)).toEqual(["r1", "r3"]);
      expect(await verifyChain(store.pages(), verifyingKeys, [{ seq: 3, hash: third.hash }])).toEqual({ ok: true, checked: 3, broken: [] });
    } finally {
      await store.close();
    }
  });

  it("stores one signature per commit, on its last record, and reads the others back unsigned", async () => {
    const store = await open();
    try {
      const placed = await store.extend([entry("r1", [], []), entry("r2", [], []), entry("r3", [], [])], key);
      const rows = (await store.db.query("SELECT seq, key_id, signature FROM audit_record ORDER BY seq")) as {
        seq: number;
        key_id: string;
        signature: string | null;
      }[];

      expect(rows.map((row) => [Number(row.seq), row.key_id, row.signature === null])).toEqual([
        [1, key.keyId, true],
        [2, key.keyId, true],
        [3, key.keyId, false],
      ]);
      expect(placed.map((place) => place.seq)).toEqual([1, 2, 3]);
      expect(await verifyChain(store.pages(), verifyingKeys, [placed[2]])).toEqual({ ok: true, checked: 3, broken: [] });
    } finally {
      await store.close();
    }
  });

  it("commits a record without its index rows, which are written before a trail is read and at close", async () => {
    let store = await open();
    const [first] = await store.extend([entry("r1", ["p-1", "p-2"], ["91370303MA3C00001X"])], key);

    expect(await indexRows(store.db)).toBe(0);
    expect(await store.trail("person", "p-2")).toEqual([expect.objectContaining({ ...first, requestId: "r1", pids: ["p-1", "p-2"] })]);
    expect(await indexRows(store.db)).toBe(3);

    await store.extend([entry("r2", ["p-3"], [])], key);
    await store.close();
    store = await open();
    try {
      expect(await indexRows(store.db)).toBe(4);
      expect(await verifyChain(store.pages(), verifyingKeys)).toEqual({ ok: true, checked: 2, broken: [] });
    } finally {
      await store.close();
    }
  });

  it("indexes a backlog of several steps to the head, each record's people and enterprises once", async () => {
    const store = await open();
    try {
      const backlog = Array.from({ length: indexChunk * 2 + 5 }, (_, index) =>
        entry(`r${index + 1}`, [`p-${index % 3}`], index % 2 ? ["91370303MA3C00001X", "91370303MA3C00002Y"] : []),
      );
      await store.extend(backlog, key);

      const trail = await store.trail("enterprise", "91370303MA3C00002Y");

      expect(trail.map((record) => record.seq)).toEqual(backlog.flatMap((_, index) => (index % 2 ? [index + 1] : [])));
      expect((await store.trail("person", "p-2")).map((record) => record.seq)).toEqual(
        backlog.flatMap((_, index) => (index % 3 === 2 ? [index + 1] : [])),
      );
      // Each step of the index lists each of its five subjects once, however many of its records touched it.
      expect(await indexRows(store.db)).toBe(Math.ceil(backlog.length / indexChunk) * 5);
      expect(await verifyChain(store.pages(), verifyingKeys)).toEqual({ ok: true, checked: backlog.length, broken: [] });
    } finally {
      await store.close();
    }
  });

  it("names a record whose index entry was given another kind: it would vanish from the enterprise's trail", async () => {
    const store = await open();
    try {
      const [first] = await store.extend([entry("r1", [], ["91370303MA3C00001X"])], key);
      await store.indexSubjects();
      await store.db.query("UPDATE audit_subject_seqs SET kind = 'x' WHERE upto = ?", [first.seq]);

      expect(await store.trail("enterprise", "91370303MA3C00001X")).toEqual([]);
      expect((await verifyChain(store.pages(), verifyingKeys)).broken).toEqual([{ from: 1, to: 1, problem: indexAltered }]);
    } finally {
      await store.db.query("UPDATE audit_subject_seqs SET kind = 'enterprise'");
      await store.close();
    }
  });

  it("reads a record an earlier gateway sharing the store wrote without its subjects: its index rows become lists of seqs", async () => {
    const earlier = await openDatabase({
      name: "audit",
      entities: [],
      migrations: [Audit1763900000000, SignedAudit1764600000000, SubjectsInRecord1764800000000],
      mysqlUrl: database.mysqlUrl,
      prefix: database.dbPrefix,
      dataDir,
      logger,
    });
    const [first, second] = chainAfter(genesis, [entry("r1", ["p-1"], []), entry("r2", ["p-1", "p-2"], [])], key);
    await earlier.query(insertSql("audit_record", recordColumns, 1), recordValues(first));
    await insertWithoutSubjects(earlier, second);
    for (const [seq, pid] of [
      [1, "p-1"],
      [2, "p-1"],
      [2, "p-2"],
    ])
      await earlier.query("INSERT INTO audit_subject (seq, kind, subject_key) VALUES (?, 'person', ?)", [seq, pid]);
    await earlier.query("UPDATE audit_subject_indexed SET seq = 1 WHERE id = 1");
    await earlier.query("UPDATE audit_head SET seq = 2, hash = ? WHERE id = 1", [second.hash]);
    await earlier.destroy();

    const store = await open();
    try {
      expect((await store.trail("person", "p-2")).map((record) => record.requestId)).toEqual(["r2"]);
      expect((await store.trail("person", "p-1")).map((record) => record.requestId)).toEqual(["r1", "r2"]);
      expect(await verifyChain(store.pages(), verifyingKeys)).toEqual({ ok: true, checked: 2, broken: [] });
    } finally {
      await store.close();
    }
  });

  it("names a record whose subjects were added to the index ahead of it: the trails cannot be salted either", async () => {
    const store = await open();
    try {
      const [first] = await store.extend([entry("r1", ["p-1"], [])], key);
      await listUnderP9(store, first.seq, [first.seq]);

      expect((await verifyChain(store.pages(), verifyingKeys)).broken).toEqual([{ from: 1, to: 1, problem: indexAltered }]);
    } finally {
      await store.db.query("DELETE FROM audit_subject_seqs");
      await store.close();
    }
  });

  it("names the records of a step whose row lists a record of another step, though that record is on an earlier page", async () => {
    const store = await open();
    try {
      const [first] = await store.extend([entry("r1", ["p-1"], [])], key);
      await store.indexSubjects();
      const [second] = await store.extend([entry("r2", ["p-2"], [])], key);
      await store.indexSubjects();
      await listUnderP9(store, second.seq, [first.seq]);

      expect((await store.trail("person", "p-9")).map((record) => record.requestId)).toEqual(["r1"]);
      expect((await verifyChain(store.pages(1), verifyingKeys)).broken).toEqual([{ from: 2, to: 2, problem: indexAltered }]);
      expect((await verifyChain(store.pages(), verifyingKeys)).broken).toEqual([{ from: 1, to: 2, problem: indexAltered }]);
    } finally {
      await store.db.query("DELETE FROM audit_subject_seqs WHERE subject_key = 'p-9'");
      await store.close();
    }
  });

  it("names a record listed by a row past the index's mark, which no page of the check reads", async () => {
    const store = await open();
    try {
      const [first] = await store.extend([entry("r1", ["p-1"], [])], key);
      await store.indexSubjects();
      await listUnderP9(store, first.seq + 100, [first.seq]);

      expect((await store.trail("person", "p-9")).map((record) => record.requestId)).toEqual(["r1"]);
      expect((await verifyChain(store.pages(), verifyingKeys)).broken).toEqual([{ from: 1, to: 1, problem: indexAltered }]);
    } finally {
      await store.db.query("DELETE FROM audit_subject_seqs WHERE subject_key = 'p-9'");
      await store.close();
    }
  });

  it("names the records of a step whose row holds something other than a list of records", async () => {
    const store = await open();
    try {
      await store.extend([entry("r1", ["p-1"], []), entry("r2", ["p-1"], [])], key);
      await store.indexSubjects();
      await store.db.query("UPDATE audit_subject_seqs SET seqs = '[1, \"2\"]'");

      expect((await verifyChain(store.pages(), verifyingKeys)).broken).toEqual([{ from: 1, to: 2, problem: indexAltered }]);
    } finally {
      await store.db.query("UPDATE audit_subject_seqs SET seqs = '[1, 2]'");
      await store.close();
    }
  });
});
