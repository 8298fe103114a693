import type { CallIdentity, Role } from "./identity";
import { lianfangError } from "./errors";

/**
 * A department writes only its own records, and only with the role that allows it: viewers read,
 * admins record and decide (GB/T 39477 separation of duties).
 */
export function requireOwnDepartment(identity: CallIdentity, department: string, role: Role = "admin"): void {
  if (identity.agency !== department) {
    throw lianfangError("FORBIDDEN", `only ${department} may change these records; ${identity.agency} may not`, {
      owner: department,
      agency: identity.agency,
    });
  }
  if (!identity.roles.includes(role)) {
    throw lianfangError("FORBIDDEN", `changing these records needs the ${role} role`, { requiredRole: role });
  }
}
