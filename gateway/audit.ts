import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StartupError } from "../kernel/errors";
import type { CallIdentity } from "../kernel/identity";
import type { AuditKey } from "../kernel/keys";
import type { Logger } from "../kernel/logger";
import { auditWrites } from "../kernel/metrics";
import { chainAfter, type AuditEntry, type ChainHead, type ChainRecord } from "./audit-chain";
import type { AuditStore } from "./audit-store";

export class AuditUnavailable extends Error {}

/**
 * The newest record's seq and hash, kept outside the audit store, so that records deleted from
 * the end of the chain show too. Written after each commit, atomically (a new file, synced, then
 * renamed over the old), so a crash leaves the old anchor or the new one, never a torn file; the
 * store can be ahead of its anchor after a crash, never behind.
 */
export class HeadAnchor {
  constructor(readonly file: string) {}

  read(): ChainHead | undefined {
    let text;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const head = JSON.parse(text) as ChainHead;
    if (!Number.isInteger(head.seq) || typeof head.hash !== "string") throw new Error(`${this.file} is not an audit head`);
    return head;
  }

  /** Writes run one after another: each replaces the file whole, never two at once on one temporary name. */
  private written: Promise<void> = Promise.resolve();

  write(head: ChainHead): Promise<void> {
    const done = this.written.then(() => this.replace(head));
    this.written = done.catch(() => undefined);
    return done;
  }

  /** Off the event loop (the file system's thread pool), so requests are served while the disk syncs. */
  private async replace(head: ChainHead): Promise<void> {
    const next = `${this.file}.${process.pid}.next`;
    const handle = await fs.promises.open(next, "w", 0o600);
    try {
      await handle.writeFile(JSON.stringify(head));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(next, this.file);
  }
}

/** Where a gateway with this data folder and database prefix anchors its chain's head. */
export const headAnchorFile = (dataDir: string, prefix: string): string => path.join(dataDir, `${prefix}audit-head.json`);

interface Pending {
  entry: AuditEntry;
  resolve: (record: ChainRecord) => void;
  reject: (error: Error) => void;
}

/** The most records one commit carries; more wait for the next. */
const maxBatch = 500;

/**
 * The append-only audit log. Entries that arrive while a commit is under way wait and are
 * committed together in the next transaction (group commit); each caller's promise resolves only
 * once its record is committed, so no answer leaves before its record is durable. A failed commit
 * rejects every entry of its batch, and the caller refuses to answer (fail closed).
 */
export class AuditLog {
  private queue: Pending[] = [];
  private committing = false;
  private scheduled = false;

  constructor(
    readonly store: AuditStore,
    private readonly anchor: HeadAnchor,
    private readonly key: AuditKey,
    private readonly logger: Logger,
  ) {}

  append(entry: AuditEntry): Promise<ChainRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.scheduleCommit();
    });
  }

  /**
   * A commit starts once the event loop has run what is ready, so every request that reached its
   * audit in this turn joins it; while one commit (and its anchor) is under way, the next gathers.
   */
  private scheduleCommit(): void {
    if (this.committing || this.scheduled || !this.queue.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.commitWaiting();
    });
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing || !this.queue.length) return;
    this.committing = true;
    const batch = this.queue.splice(0, maxBatch);
    try {
      const records = await this.store.extend((head) =>
        chainAfter(
          head,
          batch.map((pending) => pending.entry),
          this.key,
        ),
      );
      auditWrites.inc({ outcome: "committed" }, records.length);
      await this.writeAnchor(records[records.length - 1]);
      batch.forEach((pending, index) => pending.resolve(records[index]));
    } catch (error) {
      auditWrites.inc({ outcome: "failed" }, batch.length);
      const unavailable = new AuditUnavailable(`audit store unavailable: ${(error as Error).message}`);
      for (const pending of batch) pending.reject(unavailable);
    } finally {
      this.committing = false;
      this.scheduleCommit();
    }
  }

  /** The records are committed: an anchor that cannot be written leaves it behind the store, which verification tolerates. */
  private async writeAnchor(head: ChainHead): Promise<void> {
    try {
      await this.anchor.write({ seq: head.seq, hash: head.hash });
    } catch (error) {
      this.logger.error({ err: (error as Error).message, file: this.anchor.file }, "audit head not anchored");
    }
  }

  /**
   * Checks the store against its anchor before the gateway serves anything. A store behind its
   * anchor, a record that differs from it, or a non-empty store with no anchor stops the start,
   * unless the operator acknowledges exactly this state (the store's newest seq); the
   * acknowledgement is itself recorded in the chain.
   */
  async checkAnchor(acknowledgedSeq?: number): Promise<void> {
    const head = await this.store.head();
    const anchored = this.anchor.read();
    let problem: { code: string; text: string } | undefined;
    if (!anchored && head.seq > 0) {
      problem = { code: "ANCHOR_MISSING", text: `the audit store holds ${head.seq} records but its anchor ${this.anchor.file} is missing` };
    } else if (anchored && anchored.seq > head.seq) {
      problem = {
        code: "STORE_BEHIND_ANCHOR",
        text: `the audit store ends at record ${head.seq} but its anchor names record ${anchored.seq}: records ${head.seq + 1} to ${anchored.seq} are missing`,
      };
    } else if (anchored && anchored.seq > 0 && (await this.store.hashOf(anchored.seq)) !== anchored.hash) {
      problem = { code: "ANCHOR_MISMATCH", text: `audit record ${anchored.seq} differs from its anchor: the chain was replaced` };
    }
    if (!problem) return;
    if (acknowledgedSeq !== head.seq) {
      throw new StartupError(
        "LIANFANG_AUDIT_ACKNOWLEDGE",
        `${problem.text}. Run \`npm run audit:verify\`; to accept the store as it is, start once with LIANFANG_AUDIT_ACKNOWLEDGE=${head.seq} (the acknowledgement is recorded in the audit log)`,
      );
    }
    this.logger.warn({ problem: problem.code, acknowledgedSeq }, "audit anchor problem acknowledged by the operator");
    await this.append(
      auditEntryFor(
        {
          agency: "hub",
          user: "operator",
          roles: [],
          requestId: `acknowledge-${head.seq}`,
          caseRef: `anchor ${anchored?.seq ?? "missing"}`,
        },
        { operationName: null, query: "", fieldsRead: {}, pids: [], creditCodes: [], outcome: `ACKNOWLEDGED:${problem.code}` },
      ),
    );
  }
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
    operationName: typeof operation.operationName === "string" ? operation.operationName : null,
    operationHash: createHash("sha256").update(operation.query).digest("hex"),
    fieldsRead: JSON.stringify(operation.fieldsRead),
    pids: operation.pids,
    creditCodes: operation.creditCodes,
    outcome: operation.outcome,
  };
}
