import type { CallIdentity, Role } from "./identity";
import { lianfangError } from "./errors";

/**
 * A department writes only its own records, and only with the role that allows it: viewers read,
 * admins record and decide (GB/T 39477 separation of duties).
 */
export function requireOwnDepartment(identity: CallIdentity, department: string, role: Role = "admin"): void {
  if (identity.agency !== department) {
    throw lianfangError("FORBIDDEN", `这些记录只能由 ${department} 修改, ${identity.agency} 不能修改`, {
      owner: department,
      agency: identity.agency,
    });
  }
  if (!identity.roles.includes(role)) {
    throw lianfangError("FORBIDDEN", `修改这些记录需要 ${role} 角色`, { requiredRole: role });
  }
}
