import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "fee_budget",
    columns: {
      id: column.code(12),
      pooling_area_code: column.code(6),
      year: column.integer,
      prior_year_contribution_income_fen: column.money,
      approved_fen: column.money,
    },
    indices: [{ columns: ["pooling_area_code", "year"], unique: true }],
  },
  {
    name: "fee_cap_approval",
    columns: {
      id: column.code(40),
      budget_id: column.code(12),
      document_number: column.text(100),
      approved_basis_points: column.integer,
      approved_on: column.date,
    },
    indices: [{ columns: ["budget_id"] }],
  },
  {
    name: "fee_budget_item",
    columns: {
      id: column.code(40),
      budget_id: column.code(12),
      category: column.code(10),
      title: column.text(),
      amount_fen: column.money,
      approved_on: column.date,
    },
    indices: [{ columns: ["budget_id"] }],
  },
];

export class FeeBudgets1763900300000 implements MigrationInterface {
  name = "FeeBudgets1763900300000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
