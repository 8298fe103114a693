import path from "node:path";
import { Worker } from "node:worker_threads";
import type { DataSource } from "typeorm";
import { embeddedFile, openDatabase } from "../kernel/database";
import type { AuditKey } from "../kernel/keys";
import type { Logger } from "../kernel/logger";
import { chainAfter, type AuditEntry, type ChainHead, type ChainRecord } from "./audit-chain";
import { AuditRecord } from "./audit-record.entity";
import {
  indexChunk,
  indexRows,
  insertSql,
  moveHead,
  moveIndexed,
  recordColumns,
  recordValues,
  selectHead,
  selectIndexed,
  selectUnindexed,
  sqliteWriter,
  subjectColumns,
  type SqliteConnection,
  type StoredSubjects,
} from "./audit-rows";
import type { WriterOp, WriterReply } from "./audit-store.worker";
import { Audit1763900000000 } from "./migrations/1763900000000-audit";
import { SignedAudit1764600000000 } from "./migrations/1764600000000-signed-audit";
import { SubjectsInRecord1764800000000 } from "./migrations/1764800000000-subjects-in-record";

export type SubjectKind = "person" | "enterprise";

type Row = Record<(typeof recordColumns)[number], unknown>;

const readTime = (value: unknown): Date => (value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`));
const readList = (value: unknown): string[] => (JSON.parse(String(value)) as string[]).sort();

/** Multi-row INSERT statements of at most `perStatement` rows: placeholders only, never values in the text. */
function inserts(table: string, columns: readonly string[], rows: unknown[][], perStatement: number): [string, unknown[]][] {
  const statements: [string, unknown[]][] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    statements.push([insertSql(table, columns, chunk.length), chunk.flat()]);
  }
  return statements;
}

/** How the store's writes reach its database: a commit of records, and one step of the subject index. */
interface StoreWrites {
  append(entries: AuditEntry[], key: AuditKey): Promise<ChainRecord[]>;
  /** Indexes the subjects of up to `indexChunk` records after the index's mark; returns how many. */
  index(): Promise<number>;
  close(): Promise<void>;
}

/** MySQL: a few round trips per transaction, many rows in each; the marks locked FOR UPDATE. */
function mysqlWrites(db: DataSource): StoreWrites {
  const inTransaction = async <T>(work: (query: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> => {
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      const result = await work((sql, parameters) => runner.query(sql, parameters));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  };
  return {
    append: (entries, key) =>
      inTransaction(async (query) => {
        const [head] = (await query(`${selectHead} FOR UPDATE`)) as ChainHead[];
        const records = chainAfter({ seq: Number(head.seq), hash: head.hash }, entries, key);
        for (const [sql, parameters] of inserts("audit_record", recordColumns, records.map(recordValues), 200))
          await query(sql, parameters);
        const last = records[records.length - 1];
        await query(moveHead, [last.seq, last.hash]);
        return records;
      }),
    index: () =>
      inTransaction(async (query) => {
        const [mark] = (await query(`${selectIndexed} FOR UPDATE`)) as { seq: number }[];
        const records = (await query(selectUnindexed, [mark.seq, indexChunk])) as StoredSubjects[];
        const found = indexRows(records);
        if (!found) return 0;
        for (const [sql, parameters] of inserts("audit_subject", subjectColumns, found.rows, 1000)) await query(sql, parameters);
        await query(moveIndexed, [found.reaches]);
        return records.length;
      }),
    close: async () => undefined,
  };
}

/** An in-memory embedded store (tests): written in this thread, on the driver's one connection. */
function inThreadWrites(db: DataSource): StoreWrites {
  const writer = sqliteWriter((db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection);
  return {
    append: async (entries, key) => writer.append(entries, key),
    index: async () => writer.index(),
    close: async () => undefined,
  };
}

/**
 * An embedded store's file: written by a thread of its own (audit-store.worker.ts), started on
 * the first write and again after it dies. It keeps the process alive only while a write is under way.
 */
class WriterThread implements StoreWrites {
  private worker?: Worker;
  /** The key the running thread holds. */
  private keySent?: AuditKey;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly file: string) {}

  append(entries: AuditEntry[], key: AuditKey): Promise<ChainRecord[]> {
    const sent = this.keySent === key;
    this.keySent = key;
    return this.call({ op: "append", entries, ...(sent ? {} : { key }) }) as Promise<ChainRecord[]>;
  }

  index(): Promise<number> {
    return this.call({ op: "index" }) as Promise<number>;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.keySent = undefined;
    await worker?.terminate();
  }

  private call(op: WriterOp): Promise<unknown> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (!this.waiting.size) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...op, id });
    });
  }

  private start(): Worker {
    // Under the register hook (development, tests) the thread compiles TypeScript as the process does.
    const extension = path.extname(__filename);
    const compiling = extension === ".ts" && !process.execArgv.includes("@swc-node/register");
    const worker = new Worker(path.join(__dirname, `audit-store.worker${extension}`), {
      workerData: { file: this.file },
      execArgv: compiling ? [...process.execArgv, "-r", "@swc-node/register"] : undefined,
    });
    worker.unref();
    worker.on("message", (reply: WriterReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!this.waiting.size) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`the audit writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Every write the dead thread held fails: its records may or may not be stored, and no answer waits on them. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.keySent = undefined;
    }
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/** How long committed records may wait for the subject index when fewer than `indexChunk` are waiting. */
const indexDelayMs = 1000;

/**
 * The gateway's own database, `<prefix>audit`: the chain of records, the index of their subjects
 * and the head. Every extension of the chain reads the head and writes after it in one exclusive
 * transaction (MySQL: the head row locked FOR UPDATE; SQLite: BEGIN IMMEDIATE), so several
 * gateway processes sharing one store extend one chain with no number lost or taken twice.
 *
 * A record holds its subjects and is committed before its answer leaves. The index the trails
 * read (`audit_subject`) is brought up to the head afterwards, for many records in one
 * transaction: before every trail, when `indexChunk` records wait, at the latest `indexDelayMs`
 * after a commit, at start and at close.
 */
export class AuditStore {
  private unindexed = 0;
  private indexTimer?: NodeJS.Timeout;
  private indexing?: Promise<void>;
  private indexingNext?: Promise<void>;

  private constructor(
    readonly db: DataSource,
    private readonly writes: StoreWrites,
    private readonly logger: Logger,
  ) {}

  static async open(database: { mysqlUrl?: string; dbPrefix: string; dataDir?: string }, logger: Logger): Promise<AuditStore> {
    const db = await openDatabase({
      name: "audit",
      entities: [AuditRecord],
      migrations: [Audit1763900000000, SignedAudit1764600000000, SubjectsInRecord1764800000000],
      mysqlUrl: database.mysqlUrl,
      prefix: database.dbPrefix,
      dataDir: database.dataDir,
      logger,
    });
    const file = embeddedFile(database.dataDir, database.dbPrefix, "audit");
    const writes = database.mysqlUrl ? mysqlWrites(db) : file ? new WriterThread(file) : inThreadWrites(db);
    const store = new AuditStore(db, writes, logger);
    try {
      await store.indexSubjects();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** Chains the entries after the current head, signed with the key, and stores them atomically; returns them once committed. */
  async extend(entries: AuditEntry[], key: AuditKey): Promise<ChainRecord[]> {
    const records = await this.writes.append(entries, key);
    this.unindexed += records.length;
    if (this.unindexed >= indexChunk) this.indexInBackground();
    else this.indexTimer ??= setTimeout(() => this.indexInBackground(), indexDelayMs).unref();
    return records;
  }

  /**
   * Brings the subject index up to every record committed before the call. One catch-up runs at a
   * time; a call during one waits for the next, which starts after it and so sees its records.
   */
  indexSubjects(): Promise<void> {
    if (!this.indexing) {
      this.indexing = this.catchUp().finally(() => (this.indexing = undefined));
      return this.indexing;
    }
    this.indexingNext ??= this.indexing
      .catch(() => undefined)
      .then(() => {
        this.indexingNext = undefined;
        return this.indexSubjects();
      });
    return this.indexingNext;
  }

  private async catchUp(): Promise<void> {
    clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    this.unindexed = 0;
    while ((await this.writes.index()) === indexChunk);
  }

  /** The records are committed whatever becomes of their index: a failure here is retried by the next catch-up. */
  private indexInBackground(): void {
    this.indexSubjects().catch((error: Error) => this.logger.error({ err: error.message }, "audit subject index not caught up"));
  }

  async head(): Promise<ChainHead> {
    const [head] = (await this.db.query(selectHead)) as ChainHead[];
    return { seq: Number(head.seq), hash: head.hash };
  }

  async hashOf(seq: number): Promise<string | undefined> {
    const [row] = (await this.db.query("SELECT hash FROM audit_record WHERE seq = ?", [seq])) as { hash: string }[];
    return row?.hash;
  }

  /**
   * The whole chain in order, a page at a time, each record with its subjects as the trails see
   * them: from the index where the index covers it (or holds rows for it), else as the record
   * holds them. An index row removed or added shows as a record that does not verify.
   */
  async *pages(size = 2000): AsyncIterable<ChainRecord[]> {
    const [mark] = (await this.db.query(selectIndexed)) as { seq: number }[];
    for (let after = 0; ;) {
      const rows = (await this.db.query(`SELECT ${recordColumns.join(", ")} FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?`, [
        after,
        size,
      ])) as Row[];
      if (!rows.length) return;
      const last = Number(rows[rows.length - 1].seq);
      const indexed = (await this.db.query("SELECT seq, kind, subject_key FROM audit_subject WHERE seq > ? AND seq <= ?", [
        after,
        last,
      ])) as { seq: number; kind: SubjectKind; subject_key: string }[];
      const bySeq = new Map<number, { pids: string[]; creditCodes: string[] }>();
      for (const subject of indexed) {
        const lists = bySeq.get(Number(subject.seq)) ?? { pids: [], creditCodes: [] };
        (subject.kind === "person" ? lists.pids : lists.creditCodes).push(subject.subject_key);
        bySeq.set(Number(subject.seq), lists);
      }
      yield rows.map((row) => {
        const record = recordFrom(row);
        const seq = record.seq;
        if (seq > Number(mark.seq) && !bySeq.has(seq)) return record;
        const lists = bySeq.get(seq) ?? { pids: [], creditCodes: [] };
        return { ...record, pids: lists.pids.sort(), creditCodes: lists.creditCodes.sort() };
      });
      after = last;
    }
  }

  /** Every record that touched this person's or enterprise's data, oldest first. */
  async trail(kind: SubjectKind, key: string): Promise<ChainRecord[]> {
    await this.indexSubjects();
    const rows = (await this.db.query(
      `SELECT ${recordColumns.map((name) => `r.${name}`).join(", ")} FROM audit_subject s JOIN audit_record r ON r.seq = s.seq
       WHERE s.kind = ? AND s.subject_key = ? ORDER BY r.seq`,
      [kind, key],
    )) as Row[];
    return rows.map(recordFrom);
  }

  /** Indexes what is committed, then closes the writer and the database. */
  async close(): Promise<void> {
    clearTimeout(this.indexTimer);
    await this.indexSubjects().catch((error: Error) =>
      this.logger.error({ err: error.message }, "audit subject index not caught up at close: it is at start"),
    );
    await this.writes.close();
    if (this.db.isInitialized) await this.db.destroy();
  }
}

function recordFrom(row: Row): ChainRecord {
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
    pids: readList(row.pids),
    creditCodes: readList(row.credit_codes),
  };
}
