import { chinaDayStart } from "./calendar";

/**
 * How a department counts its own rows by industry and year for the key-industry analysis, in one
 * GROUP BY: the GB/T 4754 division is the first two digits of an industry code (null when the
 * row has none: counted as unclassified, never guessed), the year a CASE over the span's year
 * boundaries, bound as parameters (a China year for a moment, a calendar year for a date).
 */
export interface YearBuckets {
  /** `CASE WHEN <column> < :yearUntil0 THEN :year0 ... END`. */
  expression: string;
  parameters: Record<string, string | number | Date>;
}

export function yearBuckets(column: string, years: readonly number[], kind: "date" | "moment"): YearBuckets {
  const parameters: Record<string, string | number | Date> = {};
  const cases = years.map((year, index) => {
    const boundary = `${year + 1}-01-01`;
    parameters[`yearUntil${index}`] = kind === "date" ? boundary : chinaDayStart(boundary);
    parameters[`year${index}`] = year;
    return `WHEN ${column} < :yearUntil${index} THEN :year${index}`;
  });
  return { expression: `CASE ${cases.join(" ")} END`, parameters };
}

/** The GB/T 4754 division of an industry-code column (2 digits), in SQL both databases run. */
export const divisionOf = (column: string): string => `SUBSTR(${column}, 1, 2)`;

/** A raw GROUP BY row as the drivers hand it back (MySQL sums arrive as strings). */
export type RawCount = string | number | null;

export const countOf = (value: RawCount | undefined): number => Number(value ?? 0);

/** The division as stored, or null when the row had no industry. */
export const divisionFrom = (value: string | null | undefined): string | null => (value ? value : null);
