import { createHash, type KeyObject } from "node:crypto";
import { ed25519Sign, ed25519Verify } from "../kernel/ed25519";
import type { AuditKey } from "../kernel/keys";

/** What one audit record says: who, why, what was asked of each owner, whose data it touched, and the outcome. */
export interface AuditEntry {
  at: Date;
  requestId: string;
  agency: string;
  userId: string;
  roles: string;
  purpose: string | null;
  caseRef: string | null;
  operationName: string | null;
  /** SHA-256 of the operation text, so the same query is recognisable without storing variables. */
  operationHash: string;
  /** JSON: { owner: ["Type.field", ...] }. */
  fieldsRead: string;
  /** The persons (pids) and enterprises (credit codes) whose data the operation touched, sorted. */
  pids: string[];
  creditCodes: string[];
  /** ALLOWED, DENIED:<code>, ERROR:<code>, MUTATION_STARTED, or ACKNOWLEDGED:<problem>. */
  outcome: string;
}

/** An entry as it stands in the chain: numbered, linked to its predecessor, hashed and signed. */
export interface ChainRecord extends AuditEntry {
  seq: number;
  previousHash: string;
  keyId: string;
  hash: string;
  /** The audit key's signature of the hash on the last record of each commit; empty on the others, which that one covers. */
  signature: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const genesis: ChainHead = { seq: 0, hash: "0".repeat(64) };

/** Where each record stands in the chain: what a commit answers, without the records themselves. */
export const placesOf = (records: ChainRecord[]): ChainHead[] => records.map(({ seq, hash }) => ({ seq, hash }));

/** Stored text must read back exactly as hashed: lone surrogates, which no UTF-8 store keeps, are replaced. */
const stored = (text: string): string => text.toWellFormed();
const storedOrNull = (text: string | null): string | null => (text === null ? null : stored(text));

/** Normalises an entry to exactly what the store keeps: milliseconds, well-formed text, sorted unique subjects. */
export function normaliseEntry(entry: AuditEntry): AuditEntry {
  return {
    at: new Date(Math.trunc(entry.at.getTime())),
    requestId: stored(entry.requestId),
    agency: stored(entry.agency),
    userId: stored(entry.userId),
    roles: stored(entry.roles),
    purpose: storedOrNull(entry.purpose),
    caseRef: storedOrNull(entry.caseRef),
    operationName: storedOrNull(entry.operationName),
    operationHash: entry.operationHash,
    fieldsRead: stored(entry.fieldsRead),
    pids: [...new Set(entry.pids.map(stored))].sort(),
    creditCodes: [...new Set(entry.creditCodes.map(stored))].sort(),
    outcome: stored(entry.outcome),
  };
}

/** The SHA-256 of a record's content, every field in a fixed order, typed as stored. */
export function recordHash(record: Omit<ChainRecord, "hash" | "signature">): string {
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
    record.keyId,
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * Chains the entries of one commit after `head`, each hashed and linked to the one before, and
 * signs the last with the audit key, which the store never holds. Its hash covers every record of
 * the commit through their links, so one signature vouches for them all: a commit of ten records
 * costs one signature, and verification one check, instead of ten.
 */
export function chainAfter(head: ChainHead, entries: AuditEntry[], key: AuditKey): ChainRecord[] {
  let previous = head;
  return entries.map((entry, index) => {
    const unsigned = { ...normaliseEntry(entry), seq: head.seq + index + 1, previousHash: previous.hash, keyId: key.keyId };
    const hash = recordHash(unsigned);
    previous = { seq: unsigned.seq, hash };
    const last = index === entries.length - 1;
    return { ...unsigned, hash, signature: last ? ed25519Sign(key.privateKey, Buffer.from(hash, "hex")).toString("base64url") : "" };
  });
}

/** A record its commit's last record signs for: written by this version (with a key id) and not itself signed. */
const coveredByCommit = (record: ChainRecord): boolean => record.signature === "" && record.keyId !== "";

/** A run of records with one problem: altered or forged, deleted, inserted, or cut from the end. */
export interface BrokenRange {
  from: number;
  to: number;
  problem: string;
}

/** A record as its store hands it to verification: `indexDiffers` when the trails' index of its subjects is not what the record holds. */
export type StoredRecord = ChainRecord & { indexDiffers?: boolean };

export interface ChainCheck {
  ok: boolean;
  checked: number;
  broken: BrokenRange[];
}

/** What verification says of covered records whose commit's signature does not vouch for them. */
export const uncoveredProblem =
  "not covered by its commit's signature: the signed record after it is altered, missing or does not follow it";

/**
 * Verifies the chain page by page from its first record: each record's hash, its number, its link
 * to the one before, and the signature of each commit's last record, which vouches for the
 * records before it in the commit when every link between them holds. Every broken range is
 * reported, and checking goes on past each, so a first break cannot hide a later one. `heads` are
 * the chain heads anchored or exported outside the store: records deleted from the end, or
 * replaced, show against them.
 */
export async function verifyChain(
  pages: AsyncIterable<StoredRecord[]>,
  keys: Map<string, KeyObject>,
  heads: ChainHead[] = [],
): Promise<ChainCheck> {
  const broken: BrokenRange[] = [];
  const report = (from: number, to: number, problem: string) => {
    const last = broken.at(-1);
    if (last && last.problem === problem && last.to === from - 1) last.to = to;
    else broken.push({ from, to, problem });
  };
  const anchored = new Map(heads.map((head) => [head.seq, head.hash]));
  const found = new Map<number, string>();
  let previous = genesis;
  let previousSound = true;
  let checked = 0;
  /** The covered records since the last signed one (undefined when none), and whether every link between them holds. */
  let waiting: { seq: number; sound: boolean }[] | undefined;
  let linked = true;
  const settleWaiting = (vouched: boolean) => {
    // A covered record already named as altered is not named again.
    if (!vouched) for (const { seq } of waiting?.filter((record) => record.sound) ?? []) report(seq, seq, uncoveredProblem);
    waiting = undefined;
    linked = true;
  };
  for await (const page of pages) {
    for (const record of page) {
      checked++;
      const key = keys.get(record.keyId);
      const covered = coveredByCommit(record);
      const sound =
        recordHash(record) === record.hash &&
        key !== undefined &&
        (covered || ed25519Verify(key, Buffer.from(record.hash, "hex"), Buffer.from(record.signature, "base64url")));
      // A commit's signature reaches back through the stored hashes, whatever a covered record's content.
      const linksBack = record.seq === previous.seq + 1 && record.previousHash === previous.hash;
      if (waiting && !linksBack) linked = false;
      if (!covered) settleWaiting(sound && linked);
      if (record.seq > previous.seq + 1) report(previous.seq + 1, record.seq - 1, "deleted");
      if (!sound) {
        report(
          record.seq,
          record.seq,
          key ? "altered or forged: its content or signature does not verify" : `signed with unknown key ${record.keyId}`,
        );
      } else {
        if (record.indexDiffers)
          report(record.seq, record.seq, "its subjects in the trails' index differ from the record: a trail was altered");
        if (previousSound && record.seq === previous.seq + 1 && !linksBack)
          report(record.seq, record.seq, `does not follow record ${previous.seq}: inserted or reordered`);
      }
      if (covered) (waiting ??= []).push({ seq: record.seq, sound });
      if (anchored.has(record.seq)) found.set(record.seq, record.hash);
      previous = { seq: record.seq, hash: record.hash };
      previousSound = sound;
    }
  }
  settleWaiting(false);
  const newest = Math.max(0, ...heads.map((head) => head.seq));
  if (newest > previous.seq)
    report(previous.seq + 1, newest, `deleted from the end: a head anchored outside the store is record ${newest}`);
  for (const head of heads) {
    if (head.seq > 0 && head.seq <= previous.seq && found.get(head.seq) !== head.hash)
      report(head.seq, head.seq, "differs from the head anchored outside the store: replaced");
  }
  return { ok: broken.length === 0, checked, broken };
}
