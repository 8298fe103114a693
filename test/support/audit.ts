import { auditEntryFor } from "../../gateway/audit";
import type { AuditEntry } from "../../gateway/audit-chain";

/** An allowed read by a viewer of the joint-prevention office, named by its request id: what the log's own tests append. */
export const viewerEntry = (requestId: string): AuditEntry =>
  auditEntryFor(
    { agency: "coordination", user: "wang", roles: ["viewer"], requestId },
    { operationName: null, query: "{ x }", fieldsRead: {}, pids: [], creditCodes: [], outcome: "ALLOWED" },
  );
