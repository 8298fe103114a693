import { badUserInput } from "../../kernel/errors";

/** The hub's member departments by subgraph name: who may lead or join a joint inspection. */
export const memberDepartments = ["hrss", "emergency", "health", "transport", "housing", "unions", "coordination"] as const;

export function requireDepartment(field: string, value: string): string {
  const department = value.trim().toLowerCase();
  if (!(memberDepartments as readonly string[]).includes(department)) {
    throw badUserInput(field, `${JSON.stringify(value)} is not a member department: ${memberDepartments.join(", ")}`);
  }
  return department;
}

/** Participating departments: each known, none twice, the lead among them. */
export function requireParticipants(field: string, values: string[], leadAgency: string): string[] {
  const departments = values.map((value, index) => requireDepartment(`${field}[${index}]`, value));
  const repeated = departments.find((department, index) => departments.indexOf(department) !== index);
  if (repeated) throw badUserInput(field, `names ${repeated} twice`);
  if (!departments.includes(leadAgency)) throw badUserInput(field, `must include the lead agency ${leadAgency}`);
  return departments;
}

/** The next number of a yearly series <prefix><3-digit serial>, e.g. LJ-2025-007. */
export function nextSerialId(prefix: string, existingIds: string[]): string {
  const serials = existingIds.filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length)));
  return `${prefix}${String(Math.max(0, ...serials) + 1).padStart(3, "0")}`;
}

/** Joint inspections are numbered per planned year: LJ-<year>-<3-digit serial>. */
export const nextInspectionId = (year: string, existingIds: string[]): string => nextSerialId(`LJ-${year}-`, existingIds);
