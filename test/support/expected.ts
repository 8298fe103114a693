import type { GraphQLError } from "graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { subgraphs } from "../../subgraphs";
import { fieldLabel } from "../../kernel/field-labels";
import type { City } from "../../synthetic/city";

/**
 * The rows a department seeded for an entity: what the hub must hand back, computed without the
 * hub, so a test can state a whole expected answer.
 */
export function seeded<T extends ObjectLiteral>(city: City, subgraph: string, entity: EntityTarget<T>): T[] {
  const definition = subgraphs.find((candidate) => candidate.name === subgraph);
  const entityRows = definition?.demo(city).find((candidate) => candidate.entity === entity);
  if (!entityRows) throw new Error(`${subgraph} seeds no rows of that entity`);
  return entityRows.rows as T[];
}

/** Rows whose `key` equals `value`, in primary-key order as the loaders return them. */
export function whereEquals<T extends ObjectLiteral>(rows: T[], key: keyof T, value: unknown, orderBy: keyof T): T[] {
  return rows.filter((row) => row[key] === value).sort((a, b) => (String(a[orderBy]) < String(b[orderBy]) ? -1 : 1));
}

/** The extensions of the error a check throws (its code, field and reason); fails when it throws none. */
export function rejectionOf(check: () => unknown): unknown {
  try {
    check();
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
  throw new Error("expected a rejection");
}

/** The whole answer when a department refuses an operation's input: no data, the field and why named. */
export const rejectedBy = (subgraph: string) => (operation: string, field: string, reason: string) => ({
  status: 200,
  body: {
    errors: [
      {
        message: `${fieldLabel(field)}: ${reason}`,
        path: [operation],
        extensions: { code: "BAD_USER_INPUT", field, reason, serviceName: subgraph },
      },
    ],
    data: null,
  },
});

/** The errors of a refused input, whatever else the answer carries. */
export const badInputErrors = (field: string, reason: string) => [
  expect.objectContaining({
    message: `${fieldLabel(field)}: ${reason}`,
    extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field, reason }),
  }),
];

/** Why a well-formed YYYY-MM-DD that names no day is refused: the month's real length, counted here independently. */
export function notRealDate(value: string): string {
  const [year, month, day] = value.split("-").map(Number);
  if (month < 1 || month > 12) return `${value} 不是真实的日期: 没有 ${month} 月`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return `${value} 不是真实的日期: ${year} 年 ${month} 月只有 ${length} 天, 没有 ${day} 日`;
}
