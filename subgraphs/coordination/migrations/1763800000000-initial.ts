import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "joint_inspection",
    columns: {
      id: column.code(20),
      title: column.text(),
      lead_agency: column.code(20),
      agencies: { type: "text" },
      planned_on: column.date,
      status: column.code(12),
    },
    indices: [{ columns: ["status"] }],
  },
  {
    name: "inspection_target",
    columns: {
      id: column.code(30),
      inspection_id: column.code(20),
      credit_code: column.code(18),
      findings: { ...column.text(500), nullable: true },
      rectification_due_on: { ...column.date, nullable: true },
    },
    indices: [{ columns: ["inspection_id"] }, { columns: ["credit_code"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
