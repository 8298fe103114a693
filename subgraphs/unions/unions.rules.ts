import { badUserInput } from "../../kernel/errors";

/** Departments a complaint may be transferred to (转办): the hub's other members, by subgraph name. */
export const transferDepartments = ["hrss", "emergency", "health", "transport", "housing", "coordination"] as const;

export function requireTransferDepartment(field: string, value: string): string {
  const department = value.trim().toLowerCase();
  if (!(transferDepartments as readonly string[]).includes(department)) {
    throw badUserInput(field, `${JSON.stringify(value)} 不是可转办投诉的部门, 可转办: ${transferDepartments.join("、")}`);
  }
  return department;
}
