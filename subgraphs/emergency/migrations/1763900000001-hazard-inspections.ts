import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "hazard_inspection",
    columns: {
      id: column.code(40),
      credit_code: column.code(18),
      inspected_on: column.date,
      hazards_found: column.integer,
      major_hazards: column.integer,
      rectification_due_on: { ...column.date, nullable: true },
      rectified_on: { ...column.date, nullable: true },
    },
    indices: [{ columns: ["credit_code"] }, { columns: ["inspected_on"] }],
  },
];

export class HazardInspections1763900000001 implements MigrationInterface {
  name = "HazardInspections1763900000001";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
