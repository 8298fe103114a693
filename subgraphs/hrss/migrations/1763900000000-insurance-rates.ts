import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "base_rate",
    columns: {
      id: column.code(24),
      pooling_area_code: column.code(6),
      risk_class: column.integer,
      basis_points: column.integer,
      effective_from: column.date,
      document: column.text(),
    },
    indices: [{ columns: ["pooling_area_code", "risk_class", "effective_from"], unique: true }],
  },
  {
    name: "float_factor",
    columns: {
      id: column.code(30),
      credit_code: column.code(18),
      factor_percent: column.integer,
      effective_from: column.date,
    },
    indices: [{ columns: ["credit_code", "effective_from"], unique: true }],
  },
];

export class InsuranceRates1763900000000 implements MigrationInterface {
  name = "InsuranceRates1763900000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
