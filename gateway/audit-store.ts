import path from "node:path";
import { Worker } from "node:worker_threads";
import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { embeddedFile, openDatabase } from "../kernel/database";
import type { AuditKey } from "../kernel/keys";
import type { Logger } from "../kernel/logger";
import { chainAfter, placesOf, type AuditEntry, type ChainHead, type ChainRecord, type StoredRecord } from "./audit-chain";
import { AuditRecord } from "./audit-record.entity";
import {
  indexChunk,
  indexStep,
  indexSubjectsSql,
  insertSql,
  moveHead,
  moveIndexed,
  recordColumns,
  recordValues,
  selectHead,
  selectIndexed,
  sqliteWriter,
  trailSql,
  type SqliteConnection,
} from "./audit-rows";
import type { WriterOp, WriterReply } from "./audit-store.worker";
import { Audit1763900000000 } from "./migrations/1763900000000-audit";
import { SignedAudit1764600000000 } from "./migrations/1764600000000-signed-audit";
import { SubjectsInRecord1764800000000 } from "./migrations/1764800000000-subjects-in-record";
import { SubjectSeqs1765000000000 } from "./migrations/1765000000000-subject-seqs";

export type SubjectKind = "person" | "enterprise";

type Row = Record<(typeof recordColumns)[number], unknown>;

const readTime = (value: unknown): Date => (value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`));
/** A subject list column; none in a record written by an earlier version (its subjects are only in the index). */
const readList = (value: unknown): string[] => (value === null ? [] : (JSON.parse(String(value)) as string[]).sort());
const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);
/** A row's list of seqs, or none when it is not a JSON array of whole numbers. */
function seqsOf(text: string): number[] | undefined {
  try {
    const seqs: unknown = JSON.parse(text);
    return Array.isArray(seqs) && seqs.every(Number.isSafeInteger) ? (seqs as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The subjects the trails' index lists for one record, and whether a row about it is misfiled. */
interface IndexedSubjects {
  pids: string[];
  creditCodes: string[];
  misfiled: boolean;
}

/** Text a statement may carry, well under MySQL's smallest usual max_allowed_packet (4 MiB; 16 MiB on MariaDB). */
const statementBytes = 1 << 20;

/** What a statement's values weigh as they travel, near enough to keep within `statementBytes`. */
const valuesBytes = (values: unknown[]): number =>
  values.reduce<number>((sum, value) => sum + (typeof value === "string" ? Buffer.byteLength(value) : 8), 0);

/**
 * Multi-row INSERT statements of at most `perStatement` rows and about `statementBytes` of
 * values (a record may name thousands of subjects): placeholders only, never values in the text.
 */
function inserts(table: string, columns: readonly string[], rows: unknown[][], perStatement: number): [string, unknown[]][] {
  const statements: [string, unknown[]][] = [];
  let chunk: unknown[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = valuesBytes(row);
    if (chunk.length && (chunk.length === perStatement || bytes + size > statementBytes)) {
      statements.push([insertSql(table, columns, chunk.length), chunk.flat()]);
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length) statements.push([insertSql(table, columns, chunk.length), chunk.flat()]);
  return statements;
}

/** How the store's writes reach its database: a commit of records, and one step of the subject index. */
interface StoreWrites {
  /** Stores the entries chained after the head; resolves with each one's seq and hash once committed. */
  append(entries: AuditEntry[], key: AuditKey): Promise<ChainHead[]>;
  /** Indexes the subjects of the records up to `indexChunk` seqs after the index's mark, none after `upTo`; returns how many seqs it covered. */
  index(upTo: number): Promise<number>;
  close(): Promise<void>;
}

/** Statements sent as one text, in as many texts as keep each about `statementBytes` (the last one carries COMMIT). */
function joined(statements: [string, unknown[]][]): [string, unknown[]][] {
  const texts: [string, unknown[]][] = [];
  let bytes = 0;
  for (const [sql, parameters] of statements) {
    const size = sql.length + valuesBytes(parameters);
    const current = texts.at(-1);
    if (current && bytes + size <= statementBytes) {
      current[0] = `${current[0]}; ${sql}`;
      current[1] = [...current[1], ...parameters];
      bytes += size;
    } else {
      texts.push([sql, parameters]);
      bytes = size;
    }
  }
  return texts;
}

/**
 * MySQL. A commit is two round trips on a connection of its own that takes several statements in
 * one text: the head locked FOR UPDATE, then the records, the head moved and COMMIT (five round
 * trips through TypeORM cost about a tenth more CPU per commit, and took longer). The index's steps are
 * transactions on the pool. Values travel as placeholders, never in the text.
 */
function mysqlWrites(db: DataSource, mysqlUrl: string, database: string): StoreWrites {
  let session: Promise<mysql.Connection> | undefined;
  const connected = () =>
    (session ??= mysql
      .createConnection({ uri: mysqlUrl, database, charset: "utf8mb4_unicode_ci", multipleStatements: true })
      .then((connection) => {
        connection.on("error", () => (session = undefined));
        return connection;
      })
      .catch((error: Error) => {
        session = undefined;
        throw error;
      }));
  const inTransaction = async <T>(work: (query: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> => {
    const runner = db.createQueryRunner();
    try {
      // READ COMMITTED: the index's INSERT … SELECT then reads the committed records without
      // locking them; at REPEATABLE READ its locks would hold up the commits of new records
      // (with a binary log, MySQL's MIXED or ROW format is then needed; MIXED is the default).
      await runner.startTransaction("READ COMMITTED");
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
    append: async (entries, key) => {
      const connection = await connected();
      try {
        const [results] = await connection.query(`START TRANSACTION; ${selectHead} FOR UPDATE`);
        const [head] = (results as unknown[])[1] as ChainHead[];
        const records = chainAfter({ seq: Number(head.seq), hash: head.hash }, entries, key);
        const last = records[records.length - 1];
        for (const [sql, parameters] of joined([
          ...inserts("audit_record", recordColumns, records.map(recordValues), 200),
          [moveHead, [last.seq, last.hash]],
          ["COMMIT", []],
        ]))
          await connection.query(sql, parameters);
        return placesOf(records);
      } catch (error) {
        // A connection that cannot even roll back is given up; the next commit opens another.
        await connection.query("ROLLBACK").catch(() => {
          session = undefined;
          connection.destroy();
        });
        throw error;
      }
    },
    index: (upTo) =>
      inTransaction(async (query) => {
        const [row] = (await query(`${selectIndexed} FOR UPDATE`)) as { seq: number }[];
        const mark = Number(row.seq);
        const step = indexStep(mark, upTo);
        if (!step) return 0;
        await query(indexSubjectsSql("mysql"), step.parameters);
        await query(moveIndexed, [step.reaches]);
        return step.reaches - mark;
      }),
    close: async () => {
      const open = session;
      session = undefined;
      await (await open?.catch(() => undefined))?.end();
    },
  };
}

/** An in-memory embedded store (tests): written in this thread, on the driver's one connection. */
function inThreadWrites(db: DataSource): StoreWrites {
  const writer = sqliteWriter((db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection);
  return {
    append: async (entries, key) => writer.append(entries, key),
    index: async (upTo) => writer.index(upTo),
    close: async () => undefined,
  };
}

/** A writer thread and the calls it has yet to answer. */
interface Running {
  worker: Worker;
  waiting: Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>;
  /** The key the thread holds. */
  key?: AuditKey;
}

/**
 * An embedded store's file: written by a thread of its own (audit-store.worker.ts), started on
 * the first write and again after it dies. It keeps the process alive only while a write is under way.
 */
class WriterThread implements StoreWrites {
  private running?: Running;
  private closed = false;
  private nextId = 0;

  constructor(private readonly file: string) {}

  append(entries: AuditEntry[], key: AuditKey): Promise<ChainHead[]> {
    return this.call((running) => {
      const sent = running.key === key;
      running.key = key;
      return { op: "append", entries, ...(sent ? {} : { key }) };
    }) as Promise<ChainHead[]>;
  }

  index(upTo: number): Promise<number> {
    return this.call(() => ({ op: "index", upTo })) as Promise<number>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.running;
    this.running = undefined;
    await running?.worker.terminate();
  }

  private call(op: (running: Running) => WriterOp): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("the audit store is closed"));
    const running = this.running ?? this.start();
    const id = this.nextId++;
    if (!running.waiting.size) running.worker.ref();
    return new Promise((resolve, reject) => {
      running.waiting.set(id, { resolve, reject });
      running.worker.postMessage({ ...op(running), id });
    });
  }

  private start(): Running {
    // Under jest the thread must compile TypeScript itself; under the register hook or compiled, it inherits how the process runs.
    const extension = path.extname(__filename);
    const registered = process.execArgv.some((argument) => argument.includes("@swc-node/register"));
    const worker = new Worker(path.join(__dirname, `audit-store.worker${extension}`), {
      workerData: { file: this.file },
      execArgv: extension === ".ts" && !registered ? ["-r", "@swc-node/register"] : undefined,
    });
    const running: Running = { worker, waiting: new Map() };
    worker.unref();
    worker.on("message", (reply: WriterReply) => {
      const waiting = running.waiting.get(reply.id);
      running.waiting.delete(reply.id);
      if (!running.waiting.size) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    worker.on("error", (error) => this.fail(running, error));
    worker.on("exit", (code) => this.fail(running, new Error(`the audit writer thread stopped (exit code ${code})`)));
    this.running = running;
    return running;
  }

  /** Every write the dead thread held fails: its records may or may not be stored, and no answer waits on them. */
  private fail(running: Running, error: Error): void {
    if (this.running === running) this.running = undefined;
    for (const waiting of running.waiting.values()) waiting.reject(error);
    running.waiting.clear();
  }
}

/** How long committed records may wait for the subject index when fewer than `indexChunk` are waiting, by default. */
const defaultIndexDelayMs = 1000;

/**
 * The gateway's own database, `<prefix>audit`: the chain of records, the index of their subjects
 * and the head. Every extension of the chain reads the head and writes after it in one exclusive
 * transaction (MySQL: the head row locked FOR UPDATE; SQLite: BEGIN IMMEDIATE), so several
 * gateway processes sharing one store extend one chain with no number lost or taken twice.
 *
 * A record holds its subjects and is committed before its answer leaves. The index the trails
 * read (`audit_subject_seqs`) is brought up to the head afterwards, for many records in one
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
    private readonly indexDelayMs: number,
  ) {}

  /** `indexDelayMs`: tests that look at the index before a trail or a close set it beyond their own length. */
  static async open(
    database: { mysqlUrl?: string; dbPrefix: string; dataDir?: string },
    logger: Logger,
    indexDelayMs = defaultIndexDelayMs,
  ): Promise<AuditStore> {
    const db = await openDatabase({
      name: "audit",
      entities: [AuditRecord],
      migrations: [Audit1763900000000, SignedAudit1764600000000, SubjectsInRecord1764800000000, SubjectSeqs1765000000000],
      mysqlUrl: database.mysqlUrl,
      prefix: database.dbPrefix,
      dataDir: database.dataDir,
      logger,
    });
    const file = embeddedFile(database.dataDir, database.dbPrefix, "audit");
    const writes = database.mysqlUrl
      ? mysqlWrites(db, database.mysqlUrl, `${database.dbPrefix}audit`)
      : file
        ? new WriterThread(file)
        : inThreadWrites(db);
    const store = new AuditStore(db, writes, logger, indexDelayMs);
    // An index that cannot be caught up stops the trails (they fail closed), not the gateway.
    await store.indexSubjects().catch((error: Error) => logger.error({ err: error.message }, "audit subject index not caught up at start"));
    return store;
  }

  /** Chains the entries after the current head, signed with the key, and stores them atomically; returns where each stands once committed. */
  async extend(entries: AuditEntry[], key: AuditKey): Promise<ChainHead[]> {
    const records = await this.writes.append(entries, key);
    this.unindexed += records.length;
    if (this.unindexed >= indexChunk) this.indexInBackground();
    else this.indexTimer ??= setTimeout(() => this.indexInBackground(), this.indexDelayMs).unref();
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

  /** Up to the head as it stands now, so later commits cannot keep a trail waiting; no write at all when nothing waits. */
  private async catchUp(): Promise<void> {
    clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    this.unindexed = 0;
    const head = await this.head();
    const [mark] = (await this.db.query(selectIndexed)) as { seq: number }[];
    if (Number(mark.seq) >= head.seq) return;
    while ((await this.writes.index(head.seq)) === indexChunk);
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
   * The whole chain in order, a page at a time, each record with the subjects it holds and
   * whether the trails' index agrees with them where the index covers it (or holds rows for it):
   * an index row removed, added or changed is named. A record written by an earlier version holds
   * no subjects of its own and is read with those of the index.
   */
  async *pages(size = 2000): AsyncIterable<StoredRecord[]> {
    const [mark] = (await this.db.query(selectIndexed)) as { seq: number }[];
    const indexedTo = Number(mark.seq);
    // Rows past the mark are steps written since, listing later records, or forged where no page reads them.
    const strays = new Set<number>();
    for (const { seqs } of (await this.db.query("SELECT seqs FROM audit_subject_seqs WHERE upto > ?", [indexedTo])) as { seqs: string }[])
      for (const seq of seqsOf(seqs) ?? []) if (seq <= indexedTo) strays.add(seq);
    for (let after = 0; ;) {
      const rows = (await this.db.query(`SELECT ${recordColumns.join(", ")} FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?`, [
        after,
        size,
      ])) as Row[];
      if (!rows.length) return;
      const last = Number(rows[rows.length - 1].seq);
      const bySeq = await this.indexedBetween(after, last);
      yield rows.map((row) => {
        const record = recordFrom(row);
        const indexed = bySeq.get(record.seq) ?? { pids: [], creditCodes: [], misfiled: false };
        const misfiled = indexed.misfiled || strays.has(record.seq);
        const view = { pids: indexed.pids.sort(), creditCodes: indexed.creditCodes.sort() };
        if (row.pids === null || row.credit_codes === null) return { ...record, ...view, indexDiffers: misfiled };
        if (record.seq > indexedTo && !bySeq.has(record.seq)) return record;
        return sameList(view.pids, record.pids) && sameList(view.creditCodes, record.creditCodes) && !misfiled
          ? record
          : { ...record, indexDiffers: true };
      });
      after = last;
    }
  }

  /**
   * What the index says of the records after `after` up to `last`: the subjects listed for each,
   * and `misfiled` where the index holds something no honest step writes (a kind it does not know,
   * a list that is not one of seqs, a seq outside its own step). A misfiled row names the records
   * of its step on the page, so a row cannot hide from the check by the step it claims.
   */
  private async indexedBetween(after: number, last: number): Promise<Map<number, IndexedSubjects>> {
    // Steps never overlap: the one reaching `last` ends the rows read; the one before `after` starts the first step read.
    const stepEnd = async (sql: string, seq: number): Promise<number | undefined> => {
      const [{ upto }] = (await this.db.query(sql, [seq])) as { upto: number | null }[];
      return upto === null ? undefined : Number(upto);
    };
    const lastStep = await stepEnd("SELECT MIN(upto) AS upto FROM audit_subject_seqs WHERE upto >= ?", last);
    const stepBefore = await stepEnd("SELECT MAX(upto) AS upto FROM audit_subject_seqs WHERE upto <= ?", after);
    const postings = (await this.db.query(
      "SELECT kind, subject_key, upto, seqs FROM audit_subject_seqs WHERE upto > ? AND upto <= ? ORDER BY upto",
      [after, lastStep ?? last],
    )) as { kind: SubjectKind; subject_key: string; upto: number; seqs: string }[];
    const bySeq = new Map<number, IndexedSubjects>();
    const at = (seq: number) => bySeq.get(seq) ?? bySeq.set(seq, { pids: [], creditCodes: [], misfiled: false }).get(seq)!;
    const onPage = (seq: number) => seq > after && seq <= last;
    let [stepStart, stepUpto] = [0, stepBefore ?? 0];
    for (const posting of postings) {
      const upto = Number(posting.upto);
      if (upto !== stepUpto) [stepStart, stepUpto] = [stepUpto, upto];
      const seqs = seqsOf(posting.seqs);
      const misfiled = !seqs || !["person", "enterprise"].includes(posting.kind) || seqs.some((seq) => seq <= stepStart || seq > stepUpto);
      for (const seq of (seqs ?? []).filter(onPage)) {
        const indexed = at(seq);
        (posting.kind === "person" ? indexed.pids : indexed.creditCodes).push(posting.subject_key);
      }
      if (misfiled) for (let seq = Math.max(stepStart, after) + 1; seq <= Math.min(stepUpto, last); seq++) at(seq).misfiled = true;
    }
    return bySeq;
  }

  /** Every record that touched this person's or enterprise's data, oldest first. */
  async trail(kind: SubjectKind, key: string): Promise<ChainRecord[]> {
    await this.indexSubjects();
    const rows = (await this.db.query(trailSql(this.db.options.type === "mysql" ? "mysql" : "sqlite"), [kind, key])) as Row[];
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
