import type { IncomingMessage } from "node:http";
import { verifyAgencyToken, type TrustedKeys } from "../kernel/identity";
import type { AuditLog } from "./audit";

const json = (status: number, body: unknown) => ({ status, contentType: "application/json", body: JSON.stringify(body) });

/**
 * `GET /audit?pid=<pid>`: who looked at this person's data, when and why. Auditors alone read
 * the log (GB/T 39477 separation of duties); nobody can change it through the hub.
 */
export async function auditTrail(request: IncomingMessage, audit: AuditLog, keys: TrustedKeys) {
  let caller;
  try {
    caller = await verifyAgencyToken(request.headers.authorization, keys);
  } catch (error) {
    return json(401, { errors: [{ message: (error as Error).message, extensions: { code: "UNAUTHENTICATED" } }] });
  }
  if (!caller.roles.includes("auditor")) {
    return json(403, { errors: [{ message: "only the auditor role reads the audit log", extensions: { code: "FORBIDDEN" } }] });
  }
  const pid = new URL(request.url ?? "/", "http://localhost").searchParams.get("pid");
  if (!pid || !/^[0-9a-f]{32}$/.test(pid)) {
    return json(400, {
      errors: [{ message: "pid: must be the 32-character pseudonymous person key", extensions: { code: "BAD_USER_INPUT", field: "pid" } }],
    });
  }
  const records = await audit.trailOfPerson(pid);
  return json(200, {
    pid,
    accesses: records.map((record) => ({
      seq: record.seq,
      at: record.at.toISOString(),
      agency: record.agency,
      user: record.userId,
      purpose: record.purpose,
      caseRef: record.caseRef,
      operationName: record.operationName,
      outcome: record.outcome,
    })),
  });
}
