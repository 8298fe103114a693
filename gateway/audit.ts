import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import type { CallIdentity } from "../kernel/identity";
import { openDatabase } from "../kernel/database";
import type { Logger } from "../kernel/logger";
import { AuditRecord } from "./audit-record.entity";
import { Audit1763900000000 } from "./migrations/1763900000000-audit";

export type AuditEntry = Omit<AuditRecord, "seq" | "previousHash" | "hash">;

const genesis = "0".repeat(64);

/** The fields that are hashed, in a fixed order: any change to any of them breaks the chain. */
function digest(record: Omit<AuditRecord, "hash">): string {
  const content = [
    record.seq,
    record.at.toISOString(),
    record.requestId,
    record.agency,
    record.userId,
    record.roles,
    record.purpose,
    record.caseRef,
    record.operationName,
    record.operationHash,
    record.fieldsRead,
    record.pids,
    record.creditCodes,
    record.outcome,
    record.previousHash,
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

export class AuditUnavailable extends Error {}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The newest record's seq and hash, kept outside the audit store, so that records deleted from
 * the end of the chain show too. Written after each append, so a crash can leave it one record
 * behind the store. On the embedded default a crash also loses the writes of the last quarter
 * second; verification then reports those records as deleted, which they are.
 */
export class HeadAnchor {
  constructor(readonly file: string) {}

  read(): ChainHead | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file, "utf8")) as ChainHead;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  write(head: ChainHead): void {
    const next = `${this.file}.next`;
    fs.writeFileSync(next, JSON.stringify(head));
    fs.renameSync(next, this.file);
  }
}

/** The gateway's own database, `<prefix>audit`, migrated: the one place the audit log is kept. */
export function openAuditStore(database: { mysqlUrl?: string; dbPrefix: string; dataDir?: string }, logger: Logger): Promise<DataSource> {
  return openDatabase({
    name: "audit",
    entities: [AuditRecord],
    migrations: [Audit1763900000000],
    mysqlUrl: database.mysqlUrl,
    prefix: database.dbPrefix,
    dataDir: database.dataDir,
    logger,
  });
}

/** Where a gateway with this data folder and database prefix anchors its chain's head. */
export const headAnchorFile = (dataDir: string, prefix: string): string => path.join(dataDir, `${prefix}audit-head.json`);

/**
 * The append-only, hash-chained audit log. Appends are serialised in this process, each record
 * carrying the previous one's hash; a failed append leaves the chain where it was and is raised,
 * so the caller refuses the operation rather than answer unaudited. One gateway writes a log.
 */
export class AuditLog {
  private tail: Promise<{ seq: number; hash: string }>;

  constructor(
    private readonly db: DataSource,
    private readonly anchor: HeadAnchor,
  ) {
    this.tail = db
      .getRepository(AuditRecord)
      .find({ order: { seq: "DESC" }, take: 1 })
      .then(([last]) => ({ seq: last?.seq ?? 0, hash: last?.hash ?? genesis }));
  }

  append(entry: AuditEntry): Promise<AuditRecord> {
    const before = this.tail;
    const written = before.then(async (previous) => {
      const unsigned = { ...entry, seq: previous.seq + 1, previousHash: previous.hash };
      const record = Object.assign(new AuditRecord(), unsigned, { hash: digest(unsigned) });
      try {
        await this.db.getRepository(AuditRecord).insert(record);
      } catch (error) {
        throw new AuditUnavailable(`audit store unavailable: ${(error as Error).message}`);
      }
      this.anchor.write({ seq: record.seq, hash: record.hash });
      return record;
    });
    this.tail = written.then(
      (record) => ({ seq: record.seq, hash: record.hash }),
      () => before,
    );
    return written;
  }

  /** Who read this person's data, when and why. */
  trailOfPerson(pid: string): Promise<AuditRecord[]> {
    return this.db
      .getRepository(AuditRecord)
      .createQueryBuilder("record")
      .where("record.pids LIKE :pid", { pid: `%"${pid}"%` })
      .orderBy("record.seq", "ASC")
      .getMany();
  }
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first record that is altered, missing, or does not follow its predecessor. */
  firstBroken?: { seq: number; problem: string };
}

/**
 * Recomputes the chain from the start: detects a changed, deleted or inserted record, and, given
 * the anchored head, records deleted from the end.
 */
export async function verifyAuditChain(db: DataSource, head?: ChainHead): Promise<ChainCheck> {
  const records = await db.getRepository(AuditRecord).find({ order: { seq: "ASC" } });
  let previous = { seq: 0, hash: genesis };
  for (const [index, record] of records.entries()) {
    const { hash, ...unsigned } = record;
    const broken = (problem: string): ChainCheck => ({ ok: false, checked: index, firstBroken: { seq: record.seq, problem } });
    if (record.seq !== previous.seq + 1)
      return broken(`expected record ${previous.seq + 1} next: ${record.seq - previous.seq - 1} record(s) deleted before it`);
    if (record.previousHash !== previous.hash) return broken(`does not follow record ${previous.seq}: inserted or reordered`);
    if (digest(unsigned) !== hash) return broken("content does not match its hash: altered");
    previous = { seq: record.seq, hash };
  }
  if (head && previous.seq < head.seq) {
    return {
      ok: false,
      checked: records.length,
      firstBroken: {
        seq: previous.seq + 1,
        problem: `records ${previous.seq + 1} to ${head.seq} deleted from the end: the anchored head is record ${head.seq}`,
      },
    };
  }
  if (head && records[head.seq - 1]?.hash !== head.hash) {
    return { ok: false, checked: records.length, firstBroken: { seq: head.seq, problem: "does not match the anchored head: replaced" } };
  }
  return { ok: true, checked: records.length };
}

/** What one operation did, as the audit log records it. */
export interface AuditedOperation {
  operationName: string | null;
  /** The operation text; the log keeps its SHA-256, so the same query is recognisable without storing variables. */
  query: string;
  /** Fields asked of each owner. */
  fieldsRead: Record<string, string[]>;
  pids: string[];
  creditCodes: string[];
  outcome: string;
}

export function auditEntryFor(identity: CallIdentity, operation: AuditedOperation): AuditEntry {
  return {
    at: new Date(),
    requestId: identity.requestId,
    agency: identity.agency,
    userId: identity.user,
    roles: identity.roles.join(","),
    purpose: identity.purpose ?? null,
    caseRef: identity.caseRef ?? null,
    operationName: operation.operationName,
    operationHash: createHash("sha256").update(operation.query).digest("hex"),
    fieldsRead: JSON.stringify(operation.fieldsRead),
    pids: JSON.stringify(operation.pids),
    creditCodes: JSON.stringify(operation.creditCodes),
    outcome: operation.outcome,
  };
}
