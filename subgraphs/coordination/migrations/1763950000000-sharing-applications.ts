import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "sharing_application",
    columns: {
      id: column.code(40),
      applicant: column.code(20),
      owner: column.code(20),
      resource: column.text(120),
      purpose: column.code(40),
      unmasked: column.flag,
      justification: column.text(1000),
      requested_days: column.integer,
      applied_at: column.timestamp,
      answer_due_on: column.date,
      status: column.code(10),
      decided_at: { ...column.timestamp, nullable: true },
      decided_by: { ...column.text(100), nullable: true },
      reason: { ...column.text(1000), nullable: true },
      expires_at: { ...column.timestamp, nullable: true },
    },
    indices: [{ columns: ["status"] }, { columns: ["applicant"] }, { columns: ["owner"] }],
  },
];

export class SharingApplications1763950000000 implements MigrationInterface {
  name = "SharingApplications1763950000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
