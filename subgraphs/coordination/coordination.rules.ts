import { badUserInput } from "../../kernel/errors";

/** The hub's member departments by subgraph name: who may lead or join a joint inspection. */
export const memberDepartments = ["hrss", "emergency", "health", "transport", "housing", "unions", "coordination"] as const;

export function requireDepartment(field: string, value: string): string {
  const department = value.trim().toLowerCase();
  if (!(memberDepartments as readonly string[]).includes(department)) {
    throw badUserInput(field, `${JSON.stringify(value)} 不是成员单位, 成员单位: ${memberDepartments.join("、")}`);
  }
  return department;
}

/** Participating departments: each known, none twice, the lead among them. */
export function requireParticipants(field: string, values: string[], leadAgency: string): string[] {
  const departments = values.map((value, index) => requireDepartment(`${field}[${index}]`, value));
  const repeated = departments.find((department, index) => departments.indexOf(department) !== index);
  if (repeated) throw badUserInput(field, `${repeated} 列了两次`);
  if (!departments.includes(leadAgency)) throw badUserInput(field, `应包括牵头部门 ${leadAgency}`);
  return departments;
}

/** The next number of a yearly series <prefix><3-digit serial>, e.g. LJ-2025-007. */
export function nextSerialId(prefix: string, existingIds: string[]): string {
  const serials = existingIds.filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length)));
  return `${prefix}${String(Math.max(0, ...serials) + 1).padStart(3, "0")}`;
}

/** Joint inspections are numbered per planned year: LJ-<year>-<3-digit serial>. */
export const nextInspectionId = (year: string, existingIds: string[]): string => nextSerialId(`LJ-${year}-`, existingIds);
