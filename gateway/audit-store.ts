import type { DataSource } from "typeorm";
import { openDatabase } from "../kernel/database";
import type { Logger } from "../kernel/logger";
import type { ChainHead, ChainRecord } from "./audit-chain";
import { AuditRecord } from "./audit-record.entity";
import { Audit1763900000000 } from "./migrations/1763900000000-audit";
import { SignedAudit1764600000000 } from "./migrations/1764600000000-signed-audit";

export type SubjectKind = "person" | "enterprise";

const recordColumns = [
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
  "outcome",
  "previous_hash",
  "key_id",
  "hash",
  "signature",
] as const;

type Row = Record<(typeof recordColumns)[number], unknown>;

/** The stored form of a timestamp, the same text on MySQL (DATETIME(3), UTC) and SQLite. */
const storedTime = (at: Date): string => at.toISOString().replace("T", " ").slice(0, 23);
const readTime = (value: unknown): Date => (value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`));

const recordValues = (record: ChainRecord): unknown[] => [
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
  record.outcome,
  record.previousHash,
  record.keyId,
  record.hash,
  record.signature,
];

const subjectRows = (record: ChainRecord): unknown[][] => [
  ...record.pids.map((pid) => [record.seq, "person", pid]),
  ...record.creditCodes.map((code) => [record.seq, "enterprise", code]),
];

const insertSql = (table: string, columns: readonly string[], rows: number): string => {
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${Array(rows).fill(tuple).join(", ")}`;
};

/** Multi-row INSERT statements of at most `perStatement` rows: placeholders only, never values in the text. */
function inserts(table: string, columns: readonly string[], rows: unknown[][], perStatement: number): [string, unknown[]][] {
  const statements: [string, unknown[]][] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    statements.push([insertSql(table, columns, chunk.length), chunk.flat()]);
  }
  return statements;
}

const subjectColumns = ["seq", "kind", "subject_key"] as const;
const selectHead = "SELECT seq, hash FROM audit_head WHERE id = 1";
const moveHead = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";

/** MySQL: a few round trips per commit, many rows in each. */
function writes(records: ChainRecord[]): [string, unknown[]][] {
  const last = records[records.length - 1];
  return [
    ...inserts("audit_record", recordColumns, records.map(recordValues), 200),
    ...inserts("audit_subject", subjectColumns, records.flatMap(subjectRows), 1000),
    [moveHead, [last.seq, last.hash]],
  ];
}

interface SqliteStatement {
  get(...parameters: unknown[]): unknown;
  run(...parameters: unknown[]): unknown;
}

/** The few calls of better-sqlite3 the audit store makes, on the embedded driver's one connection. */
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: () => T): { immediate(): T };
}

/** SQLite runs in the process: one statement per row costs no round trip, and each is prepared once. */
function sqliteExtender(connection: SqliteConnection) {
  const head = connection.prepare(selectHead);
  const record = connection.prepare(insertSql("audit_record", recordColumns, 1));
  const subject = connection.prepare(insertSql("audit_subject", subjectColumns, 1));
  const move = connection.prepare(moveHead);
  return (build: (head: ChainHead) => ChainRecord[]): ChainRecord[] =>
    connection
      .transaction(() => {
        const records = build(head.get() as ChainHead);
        for (const added of records) {
          record.run(...recordValues(added));
          for (const row of subjectRows(added)) subject.run(...row);
        }
        const last = records[records.length - 1];
        move.run(last.seq, last.hash);
        return records;
      })
      .immediate();
}

/**
 * The gateway's own database, `<prefix>audit`: the chain of records, their subjects and the head.
 * Every extension of the chain reads the head and writes after it in one exclusive transaction
 * (MySQL: the head row locked FOR UPDATE; SQLite: BEGIN IMMEDIATE), so several gateway processes
 * sharing one store extend one chain with no number lost or taken twice.
 */
export class AuditStore {
  private extendSqlite?: ReturnType<typeof sqliteExtender>;

  constructor(readonly db: DataSource) {}

  static async open(database: { mysqlUrl?: string; dbPrefix: string; dataDir?: string }, logger: Logger): Promise<AuditStore> {
    return new AuditStore(
      await openDatabase({
        name: "audit",
        entities: [AuditRecord],
        migrations: [Audit1763900000000, SignedAudit1764600000000],
        mysqlUrl: database.mysqlUrl,
        prefix: database.dbPrefix,
        dataDir: database.dataDir,
        logger,
      }),
    );
  }

  /** Stores the records `build` chains after the current head, atomically; returns them once committed. */
  async extend(build: (head: ChainHead) => ChainRecord[]): Promise<ChainRecord[]> {
    if (this.db.options.type !== "mysql") {
      this.extendSqlite ??= sqliteExtender((this.db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection);
      return this.extendSqlite(build);
    }
    const runner = this.db.createQueryRunner();
    try {
      await runner.startTransaction();
      const [head] = (await runner.query(`${selectHead} FOR UPDATE`)) as ChainHead[];
      const records = build({ seq: Number(head.seq), hash: head.hash });
      for (const [sql, parameters] of writes(records)) await runner.query(sql, parameters);
      await runner.commitTransaction();
      return records;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async head(): Promise<ChainHead> {
    const [head] = (await this.db.query(selectHead)) as ChainHead[];
    return { seq: Number(head.seq), hash: head.hash };
  }

  async hashOf(seq: number): Promise<string | undefined> {
    const [row] = (await this.db.query("SELECT hash FROM audit_record WHERE seq = ?", [seq])) as { hash: string }[];
    return row?.hash;
  }

  /** The whole chain in order, a page at a time, each record with its subjects. */
  async *pages(size = 2000): AsyncIterable<ChainRecord[]> {
    for (let after = 0; ;) {
      const rows = (await this.db.query(`SELECT ${recordColumns.join(", ")} FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?`, [
        after,
        size,
      ])) as Row[];
      if (!rows.length) return;
      const last = Number(rows[rows.length - 1].seq);
      yield this.withSubjects(rows, "SELECT seq, kind, subject_key FROM audit_subject WHERE seq > ? AND seq <= ?", [after, last]);
      after = last;
    }
  }

  /** Every record that touched this person's or enterprise's data, oldest first. */
  async trail(kind: SubjectKind, key: string): Promise<ChainRecord[]> {
    const rows = (await this.db.query(
      `SELECT ${recordColumns.map((name) => `r.${name}`).join(", ")} FROM audit_subject s JOIN audit_record r ON r.seq = s.seq
       WHERE s.kind = ? AND s.subject_key = ? ORDER BY r.seq`,
      [kind, key],
    )) as Row[];
    return this.withSubjects(
      rows,
      "SELECT s.seq, s.kind, s.subject_key FROM audit_subject s JOIN audit_subject t ON t.seq = s.seq WHERE t.kind = ? AND t.subject_key = ?",
      [kind, key],
    );
  }

  private async withSubjects(rows: Row[], subjectsSql: string, parameters: unknown[]): Promise<ChainRecord[]> {
    const subjects = (await this.db.query(subjectsSql, parameters)) as { seq: number; kind: SubjectKind; subject_key: string }[];
    const bySeq = new Map<number, { pids: string[]; creditCodes: string[] }>();
    for (const subject of subjects) {
      const lists = bySeq.get(Number(subject.seq)) ?? { pids: [], creditCodes: [] };
      (subject.kind === "person" ? lists.pids : lists.creditCodes).push(subject.subject_key);
      bySeq.set(Number(subject.seq), lists);
    }
    return rows.map((row) => {
      const lists = bySeq.get(Number(row.seq)) ?? { pids: [], creditCodes: [] };
      return {
        seq: Number(row.seq),
        at: readTime(row.at),
        requestId: String(row.request_id),
        agency: String(row.agency),
        userId: String(row.user_id),
        roles: String(row.roles),
        purpose: row.purpose === null ? null : String(row.purpose),
        caseRef: row.case_ref === null ? null : String(row.case_ref),
        operationName: row.operation_name === null ? null : String(row.operation_name),
        operationHash: String(row.operation_hash),
        fieldsRead: String(row.fields_read),
        outcome: String(row.outcome),
        previousHash: String(row.previous_hash),
        keyId: row.key_id === null ? "" : String(row.key_id),
        hash: String(row.hash),
        signature: row.signature === null ? "" : String(row.signature),
        pids: lists.pids.sort(),
        creditCodes: lists.creditCodes.sort(),
      };
    });
  }

  close(): Promise<void> {
    return this.db.isInitialized ? this.db.destroy() : Promise.resolve();
  }
}
