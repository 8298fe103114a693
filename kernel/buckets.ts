import { chinaDayStart } from "./calendar";

/**
 * Counting by period and by industry in one GROUP BY, in SQL both databases run. A period is a CASE
 * over its boundaries, bound as parameters (a China day's start for a moment column, the date for
 * a date column), since no portable date function knows China time. The GB/T 4754 division is the
 * first two digits of an industry code (null when a row has none: counted as unclassified, never
 * guessed).
 */
export interface Buckets {
  /** `CASE WHEN <column> < :<name>Until0 THEN :<name>0 ... END`. */
  expression: string;
  parameters: Record<string, string | number | Date>;
}

/** Each row falls in the first bucket whose end (exclusive) is after it. */
export function periodBuckets(
  column: string,
  name: string,
  buckets: readonly { label: string | number; until: string }[],
  kind: "date" | "moment",
): Buckets {
  const parameters: Record<string, string | number | Date> = {};
  const cases = buckets.map((bucket, index) => {
    parameters[`${name}Until${index}`] = kind === "date" ? bucket.until : chinaDayStart(bucket.until);
    parameters[`${name}${index}`] = bucket.label;
    return `WHEN ${column} < :${name}Until${index} THEN :${name}${index}`;
  });
  return { expression: `CASE ${cases.join(" ")} END`, parameters };
}

/** Calendar years (China years for a moment column). */
export const yearBuckets = (column: string, years: readonly number[], kind: "date" | "moment"): Buckets =>
  periodBuckets(
    column,
    "year",
    years.map((year) => ({ label: year, until: `${year + 1}-01-01` })),
    kind,
  );

/** Months written YYYY-MM (China months for a moment column). */
export const monthBuckets = (column: string, months: readonly string[], kind: "date" | "moment"): Buckets =>
  periodBuckets(
    column,
    "month",
    months.map((month) => {
      const [year, number] = month.split("-").map(Number);
      return { label: month, until: number === 12 ? `${year + 1}-01-01` : `${year}-${String(number + 1).padStart(2, "0")}-01` };
    }),
    kind,
  );

/** The GB/T 4754 division of an industry-code column (2 digits), in SQL both databases run. */
export const divisionOf = (column: string): string => `SUBSTR(${column}, 1, 2)`;

/** A raw GROUP BY row as the drivers hand it back (MySQL sums arrive as strings). */
export type RawCount = string | number | null;

export const countOf = (value: RawCount | undefined): number => Number(value ?? 0);

/** The division as stored, or null when the row had no industry. */
export const divisionFrom = (value: string | null | undefined): string | null => (value ? value : null);
