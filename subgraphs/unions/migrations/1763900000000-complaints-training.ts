import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "complaint",
    columns: {
      id: column.code(40),
      received_on: column.date,
      credit_code: column.code(18),
      category: column.code(24),
      summary: column.text(500),
      complainant_pid: { ...column.code(32), nullable: true },
      status: column.code(12),
      transferred_to: { ...column.code(20), nullable: true },
      resolved_on: { ...column.date, nullable: true },
      resolution: { ...column.text(500), nullable: true },
    },
    indices: [{ columns: ["credit_code"] }, { columns: ["status"] }],
  },
  {
    name: "training_session",
    columns: {
      id: column.code(40),
      held_on: column.date,
      topic: column.text(),
      attendees: column.integer,
      hours: column.integer,
    },
    indices: [{ columns: ["held_on"] }],
  },
];

export class ComplaintsTraining1763900000000 implements MigrationInterface {
  name = "ComplaintsTraining1763900000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
