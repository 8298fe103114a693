import type { IncomingMessage } from "node:http";
import { fieldLabel } from "../kernel/field-labels";
import { verifyAgencyToken, type Caller } from "../kernel/identity";
import type { TrustedKeys } from "../kernel/trusted-keys";
import { isCreditCode, isPid } from "../kernel/subjects";
import type { ChainRecord } from "./audit-chain";
import type { AuditLog } from "./audit";
import type { SubjectKind } from "./audit-store";

const json = (status: number, body: unknown) => ({ status, contentType: "application/json", body: JSON.stringify(body) });
const refusal = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  json(status, { errors: [{ message, extensions: { code, ...extra } }] });

const subjectQueries: { parameter: string; kind: SubjectKind; wellFormed: (value: string) => boolean; describe: string }[] = [
  { parameter: "pid", kind: "person", wellFormed: isPid, describe: "32 位的人员假名化标识 (pid)" },
  { parameter: "creditCode", kind: "enterprise", wellFormed: isCreditCode, describe: "18 位统一社会信用代码" },
];

async function authenticate(request: IncomingMessage, keys: TrustedKeys): Promise<Caller | ReturnType<typeof json>> {
  try {
    return await verifyAgencyToken(request.headers.authorization, keys);
  } catch (error) {
    return refusal(401, "UNAUTHENTICATED", (error as Error).message);
  }
}

/** An owner's administrator sees other departments' reads of its own data; an auditor sees every read. */
function readsOfOwner(records: ChainRecord[], owner: string): ChainRecord[] {
  return records.filter((record) => record.agency !== owner && Object.hasOwn(JSON.parse(record.fieldsRead) as object, owner));
}

/**
 * `GET /audit?pid=<pid>` or `?creditCode=<code>`: who looked at this person's or enterprise's
 * data, when and why. Auditors read every access (GB/T 39477 separation of duties); a
 * department's administrator reads the accesses of others to the data it owns. Nobody can
 * change the log through the hub.
 */
export async function auditTrail(request: IncomingMessage, audit: AuditLog, keys: TrustedKeys) {
  const caller = await authenticate(request, keys);
  if ("status" in caller) return caller;
  const auditor = caller.roles.includes("auditor");
  if (!auditor && !caller.roles.includes("admin")) {
    return refusal(403, "FORBIDDEN", "only auditors, and an owner's administrators for its own data, read the audit log");
  }
  const search = new URL(request.url ?? "/", "http://localhost").searchParams;
  const asked = subjectQueries.find((query) => search.has(query.parameter));
  const key = asked && search.get(asked.parameter);
  if (!asked || !key || !asked.wellFormed(key)) {
    const query = asked ?? subjectQueries[0];
    const reason = `应为 ${query.describe}`;
    return refusal(400, "BAD_USER_INPUT", `${fieldLabel(query.parameter)}: ${reason}`, { field: query.parameter, reason });
  }
  const records = await audit.store.trail(asked.kind, key);
  return json(200, {
    [asked.parameter]: key,
    ...(auditor ? {} : { owner: caller.agency }),
    accesses: (auditor ? records : readsOfOwner(records, caller.agency)).map((record) => ({
      seq: record.seq,
      at: record.at.toISOString(),
      agency: record.agency,
      user: record.userId,
      purpose: record.purpose,
      caseRef: record.caseRef,
      operationName: record.operationName,
      fieldsRead: JSON.parse(record.fieldsRead) as Record<string, string[]>,
      outcome: record.outcome,
    })),
  });
}

/** `GET /audit/head`: the chain's newest record, for auditors to keep outside the hub and verify against later. */
export async function auditHead(request: IncomingMessage, audit: AuditLog, keys: TrustedKeys) {
  const caller = await authenticate(request, keys);
  if ("status" in caller) return caller;
  if (!caller.roles.includes("auditor")) return refusal(403, "FORBIDDEN", "only auditors read the audit head");
  const head = await audit.store.head();
  return json(200, { ...head, at: new Date().toISOString() });
}
