import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "supervision_check",
    columns: {
      id: column.code(40),
      credit_code: column.code(18),
      checked_on: column.date,
      hazards_found: column.integer,
      rectification_due_on: { ...column.date, nullable: true },
      status: column.code(10),
    },
    indices: [{ columns: ["credit_code"] }, { columns: ["status"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
