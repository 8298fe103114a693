import type { ValueTransformer } from "typeorm";

/** MySQL returns BIGINT as a string; amounts in fen stay far below 2^53, so a number is exact. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Portable column shapes: the same entity and migration run on MySQL and the embedded driver. */
export const column = {
  code: (length: number) => ({ type: "varchar", length }) as const,
  text: (length = 200) => ({ type: "varchar", length }) as const,
  date: { type: "date" } as const,
  timestamp: { type: "datetime", precision: 3 } as const,
  integer: { type: "int" } as const,
  money: { type: "bigint", transformer: bigintAsNumber } as const,
  flag: { type: "boolean" } as const,
};
