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
  // Only the last record of a commit is signed; the others are NULL, as before signing.
  record.signature || null,
];

export const selectIndexed = "SELECT seq FROM audit_subject_indexed WHERE id = 1";
export const moveIndexed = "UPDATE audit_subject_indexed SET seq = ? WHERE id = 1";

/** The most records one index transaction covers: enough to write each index page once for many records. */
export const indexChunk = 64;

type Dialect = "sqlite" | "mysql";

/** The rows of a JSON array in a column, as `j.value`: SQLite's json_each, MySQL's JSON_TABLE with the value's SQL type. */
const elements = (dialect: Dialect, column: string, type: string): string =>
  dialect === "sqlite" ? `json_each(${column}) j` : `JSON_TABLE(${column}, '$[*]' COLUMNS (value ${type} PATH '$')) j`;

/**
 * Puts the subjects of the records in a range of seq into the trails' index: for each subject,
 * one row listing the records of the range that touched it, so a subject read by many requests
 * is written once. The database expands the records' JSON lists and groups them itself: no row
 * travels to the gateway and back, which cost more than the index's own writes. Parameters: the
 * range's end, then its bounds (after, up to), once per kind. A record written by an earlier
 * version has no lists (NULL expands to nothing): its subjects were indexed in its own commit.
 * Subject keys are pids (32 hex digits) and credit codes (18 characters), checked before they
 * are recorded, so `VARCHAR(64)` holds every one.
 */
export function indexSubjectsSql(dialect: Dialect): string {
  const aggregate = dialect === "sqlite" ? "json_group_array" : "JSON_ARRAYAGG";
  const select = (kind: string, column: string) =>
    `SELECT '${kind}', j.value, ?, ${aggregate}(r.seq) FROM audit_record r, ${elements(dialect, `r.${column}`, "VARCHAR(64)")}
     WHERE r.seq > ? AND r.seq <= ? GROUP BY j.value`;
  return `INSERT INTO audit_subject_seqs (kind, subject_key, upto, seqs) ${select("person", "pids")} UNION ALL ${select("enterprise", "credit_codes")}`;
}

/** Every record that touched one subject (parameters: kind, key), oldest first, its columns as `recordColumns` names them. */
export function trailSql(dialect: Dialect): string {
  return `SELECT ${recordColumns.map((name) => `r.${name}`).join(", ")} FROM audit_subject_seqs s, ${elements(dialect, "s.seqs", "INT")}, audit_record r
     WHERE s.kind = ? AND s.subject_key = ? AND r.seq = j.value ORDER BY r.seq`;
}

/**
 * The next step of the index from its mark: the seq it reaches (at most `indexChunk` on, never
 * past `upTo`) and the parameters of `indexSubjectsSql` for that range; none when nothing waits.
 */
export function indexStep(mark: number, upTo: number): { reaches: number; parameters: number[] } | undefined {
  const reaches = Math.min(upTo, mark + indexChunk);
  return reaches > mark ? { reaches, parameters: [reaches, mark, reaches, reaches, mark, reaches] } : undefined;
}

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
 * chains and stores entries after the head and returns where each stands in the chain; `index`
 * puts the subjects of the records up to `indexChunk` seqs after the index's mark, none after
 * `upTo`, into `audit_subject_seqs` and returns how many seqs it covered. SQLite runs in the thread
 * that calls it, and each statement is prepared once.
 */
export function sqliteWriter(connection: SqliteConnection) {
  const head = connection.prepare(selectHead);
  const record = connection.prepare(insertSql("audit_record", recordColumns, 1));
  const move = connection.prepare(moveHead);
  const indexed = connection.prepare(selectIndexed);
  const indexRange = connection.prepare(indexSubjectsSql("sqlite"));
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
          const mark = (indexed.get() as { seq: number }).seq;
          const step = indexStep(mark, upTo);
          if (!step) return 0;
          indexRange.run(...step.parameters);
          moveMark.run(step.reaches);
          return step.reaches - mark;
        })
        .immediate(),
  };
}

export type SqliteWriter = ReturnType<typeof sqliteWriter>;
