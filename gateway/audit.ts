import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { StartupError } from "../kernel/errors";
import type { CallIdentity } from "../kernel/identity";
import type { AuditKey } from "../kernel/keys";
import type { Logger } from "../kernel/logger";
import { auditAnchorWrites, auditCommitRecords, auditWrites } from "../kernel/metrics";
import { type AuditEntry, type ChainHead } from "./audit-chain";
import type { AuditStore } from "./audit-store";

export class AuditUnavailable extends Error {}

/**
 * One anchor slot: a page of its own, so that writing one slot never touches the other's page
 * or sector (the head itself takes the slot's first 150 bytes, within one sector).
 */
const slotBytes = 4096;

interface Slot extends ChainHead {
  /** Which write this was: the newest valid slot is the anchor. */
  generation: number;
}

const slotCheck = (slot: Slot): string =>
  createHash("sha256").update(`${slot.generation}:${slot.seq}:${slot.hash}`).digest("hex").slice(0, 16);

/** The slot's document (compact JSON, so without spaces) padded with spaces to the page, a newline last. */
function encodeSlot(slot: Slot): Buffer {
  const page = Buffer.alloc(slotBytes, " ");
  page.write(JSON.stringify({ ...slot, check: slotCheck(slot) }));
  page[slotBytes - 1] = 0x0a;
  return page;
}

function decodeSlot(bytes: Buffer): Slot | undefined {
  try {
    // The document ends where its padding begins: the rest of the page need not be read.
    const padding = bytes.indexOf(0x20);
    const { generation, seq, hash, check } = JSON.parse(bytes.toString("utf8", 0, padding < 0 ? bytes.length : padding)) as Slot & {
      check: unknown;
    };
    const slot = { generation, seq, hash };
    return Number.isInteger(generation) && Number.isInteger(seq) && typeof hash === "string" && check === slotCheck(slot)
      ? slot
      : undefined;
  } catch {
    return undefined;
  }
}

/** The newest valid slot of an anchor file and where it lies; a torn write spoils only the slot it was writing. */
function newestSlot(bytes: Buffer): (Slot & { index: number }) | undefined {
  const slots = [0, 1]
    .map((index) => ({ index, slot: decodeSlot(bytes.subarray(index * slotBytes, (index + 1) * slotBytes)) }))
    .filter((found): found is { index: number; slot: Slot } => found.slot !== undefined);
  const newest = slots.sort((a, b) => b.slot.generation - a.slot.generation || b.slot.seq - a.slot.seq)[0];
  return newest && { ...newest.slot, index: newest.index };
}

/**
 * The newest record's seq and hash, kept outside the audit store, so that records deleted from
 * the end of the chain show too. Written after commits (by AuditLog, below), so the store can be
 * ahead of its anchor, by the commits of one write and the spacing after it while the log runs
 * and after a crash, and never behind. The file holds two fixed-width slots, each with a check
 * digest, written in turn in place and synced: a crash tears at most the slot being written and
 * the other still holds the previous head. Writing in place costs one write and one data sync,
 * against a new file, its sync and a rename per commit.
 */
export class HeadAnchor {
  private handle?: fs.promises.FileHandle;

  constructor(readonly file: string) {}

  read(): ChainHead | undefined {
    let bytes;
    try {
      bytes = fs.readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const slot = newestSlot(bytes) ?? legacyHead(bytes);
    if (!slot) throw new Error(`${this.file} is not an audit head`);
    return { seq: slot.seq, hash: slot.hash };
  }

  /** Writes run one after another, each in the slot the newest does not occupy. */
  private written: Promise<void> = Promise.resolve();

  write(head: ChainHead): Promise<void> {
    const done = this.written.then(() => this.replaceSlot(head));
    this.written = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    await this.written;
    await this.handle?.close();
    this.handle = undefined;
  }

  /**
   * Writes the slot the newest does not occupy, read again before each write, so that another
   * writer of the same file (a second gateway on this data folder) is followed. The file is
   * created anew only when it is missing, unreadable or in the old one-document form; a handle
   * whose file was deleted or replaced is given up for the file now at the path. The data sync
   * runs off the event loop, in the file system's thread pool.
   */
  private async replaceSlot(head: ChainHead): Promise<void> {
    const handle = await this.openSlots();
    const newest = handle && newestSlot(readSlots(handle.fd));
    if (!handle || !newest) {
      await this.createWith({ generation: 1, ...head });
      return;
    }
    const slot = encodeSlot({ generation: newest.generation + 1, ...head });
    const written = fs.writeSync(handle.fd, slot, 0, slotBytes, (1 - newest.index) * slotBytes);
    if (written !== slotBytes) throw new Error(`${this.file}: wrote ${written} of ${slotBytes} bytes`);
    await handle.datasync();
  }

  /** The handle on the file now at the path, if it holds a valid slot; undefined when it must be created. */
  private async openSlots(): Promise<fs.promises.FileHandle | undefined> {
    if (this.handle && this.holdsTheFile(this.handle)) return this.handle;
    const stale = this.handle;
    this.handle = undefined;
    await stale?.close().catch(() => undefined);
    let handle;
    try {
      handle = await fs.promises.open(this.file, "r+");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    if (!newestSlot(readSlots(handle.fd))) {
      await handle.close();
      return undefined;
    }
    this.handle = handle;
    return handle;
  }

  /** Whether a handle is still on the file at the path: not deleted, renamed away or replaced. */
  private holdsTheFile(handle: fs.promises.FileHandle): boolean {
    try {
      const held = fs.fstatSync(handle.fd);
      const named = fs.statSync(this.file);
      return held.ino === named.ino && held.dev === named.dev;
    } catch {
      return false;
    }
  }

  /** A new file, synced, then renamed over the old and the folder synced: a crash leaves the old file or the new one. */
  private async createWith(slot: Slot): Promise<void> {
    const next = `${this.file}.${process.pid}.next`;
    const handle = await fs.promises.open(next, "w", 0o600);
    try {
      await handle.writeFile(encodeSlot(slot));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(next, this.file);
    const folder = await fs.promises.open(path.dirname(this.file), "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}

function readSlots(fd: number): Buffer {
  const bytes = Buffer.alloc(2 * slotBytes);
  fs.readSync(fd, bytes, 0, bytes.length, 0);
  return bytes;
}

/** An anchor written before the slots: one JSON document `{ seq, hash }`. */
function legacyHead(bytes: Buffer): ChainHead | undefined {
  try {
    const head = JSON.parse(bytes.toString("utf8")) as ChainHead;
    return Number.isInteger(head.seq) && typeof head.hash === "string" ? head : undefined;
  } catch {
    return undefined;
  }
}

/** Where a gateway with this data folder and database prefix anchors its chain's head. */
export const headAnchorFile = (dataDir: string, prefix: string): string => path.join(dataDir, `${prefix}audit-head.json`);

interface Pending {
  entry: AuditEntry;
  resolve: (placed: ChainHead) => void;
  reject: (error: Error) => void;
}

/** The most records one commit carries; more wait for the next. */
const maxBatch = 500;

/**
 * The least time between two anchor writes: the commits made meanwhile are anchored together by
 * the next. A write and its data sync were about a quarter of a lone record's CPU; a few hundred
 * commits a second need a few dozen anchor writes, not one each.
 */
const anchorSpacingMs = 20;

/**
 * How long, at most, a commit waits for the records of requests under way, by default: a few
 * milliseconds on answers that take tens lets one commit carry several records at a few hundred
 * requests a second (`npm run benchmark:audit -- --answer-ms 20 --commit-waits 0,5`).
 */
export const defaultAuditCommitDelayMs = 5;

/** An expectation older than this is given up: far beyond any answer's time (a department's call times out after 10 s). */
const staleExpectationMs = 60_000;

export interface AuditTiming {
  /** The longest a commit waits for the records of operations under way; none when 0 or unset. */
  commitDelayMs?: number;
  /** The wait after each anchor write (tests hold it to commit during it). */
  pauseAfterAnchor?: () => Promise<unknown>;
  /** Milliseconds on a monotonic clock, to time the appends by (tests set it). */
  now?: () => number;
}

/**
 * The append-only audit log. Entries that arrive while a commit is under way wait and are
 * committed together in the next transaction (group commit); each caller's promise resolves only
 * once its record is committed, so no answer leaves before its record is durable. A failed commit
 * rejects every entry of its batch, and the caller refuses to answer (fail closed).
 *
 * While other operations are under way (`expectRecord`) and records have been coming faster than
 * one per `timing.commitDelayMs`, a commit that could start waits up to that long for their
 * records, less when every one has come or a batch is full: at a few hundred requests a second a
 * commit would otherwise carry one record, and a commit's transaction, data sync and hand-over to
 * the writer cost more than its records. No wait when no other record is expected, nor when
 * none would likely come within the wait (it would only delay the answer).
 *
 * The head is anchored after its commit, while the next commit goes on: one anchor write at a
 * time, each of the newest head committed when it starts and `anchorSpacingMs` after the last, so
 * that commits made during a write and the spacing after it are anchored by the next one. The
 * anchor is never ahead of the store, and behind it by at most the commits of one write and its
 * spacing.
 */
export class AuditLog {
  private queue: Pending[] = [];
  private committing = false;
  private scheduled = false;
  private closing = false;
  /** The newest head committed during the anchor writes under way, for their next write. */
  private unanchored?: ChainHead;
  private anchoring?: Promise<void>;
  private committedSeq = 0;
  /** The newest head whose anchor write has ended (written or failed). */
  private anchoredSeq = 0;
  private anchorWaiters: { seq: number; resolve: () => void }[] = [];
  /** Operations under way whose record has not yet been appended, each with when it said so. */
  private readonly expected = new Map<number, number>();
  private nextExpected = 0;
  /** Ends the wait of a commit held for the records of operations under way. */
  private endWait?: () => void;
  /** The time between appends, smoothed: a commit waits only when records come faster than its wait. */
  private appendGapMs = 0;
  private lastAppendAt?: number;

  constructor(
    readonly store: AuditStore,
    private readonly anchor: HeadAnchor,
    private readonly key: AuditKey,
    private readonly logger: Logger,
    private readonly timing: AuditTiming = {},
  ) {}

  append(entry: AuditEntry): Promise<ChainHead> {
    if (this.closing) return Promise.reject(new AuditUnavailable("audit log closing"));
    const now = this.now();
    if (this.lastAppendAt !== undefined) this.appendGapMs += (now - this.lastAppendAt - this.appendGapMs) / 8;
    this.lastAppendAt = now;
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (this.queue.length >= maxBatch) this.endWait?.();
      this.scheduleCommit();
    });
  }

  /**
   * Says that an operation under way will append a record, so that commits meanwhile may wait
   * for it; returns what to call once it has appended its record, or will append none (calls
   * after the first do nothing). Only how records are grouped depends on it; an expectation older
   * than `staleExpectationMs` is given up, so that a request that ended without saying so (a hook
   * that threw) cannot hold commits for good.
   */
  expectRecord(): () => void {
    const id = this.nextExpected++;
    this.expected.set(id, this.now());
    return () => {
      if (this.expected.delete(id) && this.expected.size === 0) this.endWait?.();
    };
  }

  private now(): number {
    return this.timing.now?.() ?? performance.now();
  }

  /**
   * A commit starts once the event loop has run what is ready, so every request that reached its
   * audit in this turn joins it; while one commit is under way, the next gathers.
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
    if (this.worthWaiting()) await this.waitForExpected();
    const batch = this.queue.splice(0, maxBatch);
    try {
      const placed = await this.store.extend(
        batch.map((pending) => pending.entry),
        this.key,
      );
      auditWrites.inc({ outcome: "committed" }, placed.length);
      auditCommitRecords.observe(placed.length);
      batch.forEach((pending, index) => pending.resolve(placed[index]));
      const head = placed[placed.length - 1];
      this.committedSeq = head.seq;
      // A write under way is followed by one of the newest head.
      if (this.anchoring) this.unanchored = head;
      else this.anchoring = this.writeAnchors(head);
    } catch (error) {
      auditWrites.inc({ outcome: "failed" }, batch.length);
      const unavailable = new AuditUnavailable(`audit store unavailable: ${(error as Error).message}`);
      for (const pending of batch) pending.reject(unavailable);
    } finally {
      this.committing = false;
      this.scheduleCommit();
    }
  }

  /** Records are expected, and, at the rate they have been coming, one is due within the wait. */
  private worthWaiting(): boolean {
    const wait = this.timing.commitDelayMs ?? 0;
    if (!wait || this.appendGapMs >= wait || this.closing || this.queue.length >= maxBatch) return false;
    // The oldest come first: stop at the first that is not stale.
    const staleBefore = this.now() - staleExpectationMs;
    for (const [id, since] of this.expected) {
      if (since >= staleBefore) break;
      this.expected.delete(id);
    }
    return this.expected.size > 0;
  }

  private waitForExpected(): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.endWait = undefined;
        resolve();
      };
      const timer = setTimeout(end, this.timing.commitDelayMs);
      this.endWait = end;
    });
  }

  /** The records are committed: an anchor that cannot be written leaves it behind the store, which verification tolerates. */
  private async writeAnchors(first: ChainHead): Promise<void> {
    for (let head: ChainHead | undefined = first; head; head = this.unanchored) {
      this.unanchored = undefined;
      await this.anchor.write(head).then(
        () => auditAnchorWrites.inc({ outcome: "written" }),
        (error: Error) => {
          auditAnchorWrites.inc({ outcome: "failed" });
          this.logger.error({ err: error.message, file: this.anchor.file }, "audit head not anchored");
        },
      );
      this.anchoredSeq = head.seq;
      this.settleAnchorWaiters(head.seq);
      // A pause that fails must not leave the log anchoring for ever.
      await (this.timing.pauseAfterAnchor ?? (() => delay(anchorSpacingMs)))().catch(() => undefined);
    }
    this.anchoring = undefined;
    this.settleAnchorWaiters(Infinity);
  }

  private settleAnchorWaiters(upTo: number): void {
    const settled = this.anchorWaiters.filter((waiter) => waiter.seq <= upTo);
    this.anchorWaiters = this.anchorWaiters.filter((waiter) => waiter.seq > upTo);
    for (const waiter of settled) waiter.resolve();
  }

  /** Resolves once the head committed when called has been written to the anchor, or its write failed (logged and counted). */
  anchored(): Promise<void> {
    if (!this.anchoring || this.committedSeq <= this.anchoredSeq) return Promise.resolve();
    return new Promise((resolve) => this.anchorWaiters.push({ seq: this.committedSeq, resolve }));
  }

  /** Refuses new records, lets every waiting one be committed and anchored, then closes the anchor and the store. */
  async close(): Promise<void> {
    this.closing = true;
    this.endWait?.();
    while (this.committing || this.scheduled || this.queue.length) await new Promise((resolve) => setImmediate(resolve));
    await this.anchored();
    await this.anchor.close();
    await this.store.close();
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
    // The gateway starts with its anchor on the acknowledged store.
    await this.anchored();
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
