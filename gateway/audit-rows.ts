import { chainAfter, placesOf, type AuditEntry, type ChainHead, type ChainRecord } from "./audit-chain";
import type { AuditKey } from "../kernel/keys";

/** How the audit store lays a record out in rows: shared by the gateway's store and its embedded writer thread. */
export const recordColumns = [
  "seq",
  "at",
  "request_id",
  "agency",
  "user_id",
  "roles",
  "purpose",
  "case_ref",
  "operation_name",
  "operation_hash",
  "fields_read",
  "pids",
  "credit_codes",
  "outcome",
  "previous_hash",
  "key_id",
  "hash",
  "signature",
] as const;

export const subjectColumns = ["seq", "kind", "subject_key"] as const;
export const selectHead = "SELECT seq, hash FROM audit_head WHERE id = 1";
export const moveHead = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";

/** The stored form of a timestamp, the same text on MySQL (DATETIME(3), UTC) and SQLite. */
const storedTime = (at: Date): string => at.toISOString().replace("T", " ").slice(0, 23);

export const recordValues = (record: ChainRecord): unknown[] => [
  record.seq,
  storedTime(record.at),
  record.requestId,
  record.agency,
  record.userId,
  record.roles,
  record.purpose,
  record.caseRef,
  record.operationName,
  record.operationHash,
  record.fieldsRead,
  JSON.stringify(record.pids),
  JSON.stringify(record.creditCodes),
  record.outcome,
  record.previousHash,
  record.keyId,
  record.hash,
  record.signature,
];

/** A record's subjects as stored in its columns. */
export interface StoredSubjects {
  seq: unknown;
  pids: unknown;
  credit_codes: unknown;
}

/**
 * The index rows of a record's subjects. A record without subject columns was written by an
 * earlier version of the gateway, which indexed its subjects in the same commit.
 */
const subjectRows = (record: StoredSubjects): unknown[][] =>
  record.pids === null || record.credit_codes === null
    ? []
    : [
        ...(JSON.parse(String(record.pids)) as string[]).map((pid) => [record.seq, "person", pid]),
        ...(JSON.parse(String(record.credit_codes)) as string[]).map((code) => [record.seq, "enterprise", code]),
      ];

export const selectIndexed = "SELECT seq FROM audit_subject_indexed WHERE id = 1";
/** Parameters: the index's mark, the newest record to index, `indexChunk`. */
export const selectUnindexed = "SELECT seq, pids, credit_codes FROM audit_record WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?";
export const moveIndexed = "UPDATE audit_subject_indexed SET seq = ? WHERE id = 1";

/** The index rows of the records read by `selectUnindexed`, and the seq the index then reaches. */
export function indexRows(records: StoredSubjects[]): { rows: unknown[][]; reaches: number } | undefined {
  if (!records.length) return undefined;
  return { rows: records.flatMap(subjectRows), reaches: Number(records[records.length - 1].seq) };
}

/** The most records one index transaction covers: enough to write each index page once for many records. */
export const indexChunk = 64;

export const insertSql = (table: string, columns: readonly string[], rows: number): string => {
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${Array(rows).fill(tuple).join(", ")}`;
};

interface SqliteStatement {
  get(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): unknown;
}

/** The few calls of better-sqlite3 the embedded audit store makes. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: () => T): { immediate(): T };
}

/**
 * The embedded store's writes, each in one exclusive transaction (BEGIN IMMEDIATE): `append`
 * chains and stores entries after the head and returns where each stands in the chain; `index` puts the subjects of up to `indexChunk`
 * records after the index's mark, none after `upTo`, into `audit_subject` and returns how many it covered. SQLite
 * runs in the thread that calls it: one statement per row costs no round trip, and each is
 * prepared once.
 */
export function sqliteWriter(connection: SqliteConnection) {
  const head = connection.prepare(selectHead);
  const record = connection.prepare(insertSql("audit_record", recordColumns, 1));
  const move = connection.prepare(moveHead);
  const indexed = connection.prepare(selectIndexed);
  const unindexed = connection.prepare(selectUnindexed);
  const subject = connection.prepare(insertSql("audit_subject", subjectColumns, 1));
  const moveMark = connection.prepare(moveIndexed);
  return {
    append: (entries: AuditEntry[], key: AuditKey): ChainHead[] =>
      connection
        .transaction(() => {
          const records = chainAfter(head.get() as ChainHead, entries, key);
          for (const added of records) record.run(...recordValues(added));
          const last = records[records.length - 1];
          move.run(last.seq, last.hash);
          return placesOf(records);
        })
        .immediate(),
    index: (upTo: number): number =>
      connection
        .transaction(() => {
          const records = unindexed.all((indexed.get() as { seq: number }).seq, upTo, indexChunk) as StoredSubjects[];
          const found = indexRows(records);
          if (!found) return 0;
          for (const row of found.rows) subject.run(...row);
          moveMark.run(found.reaches);
          return records.length;
        })
        .immediate(),
  };
}

export type SqliteWriter = ReturnType<typeof sqliteWriter>;
