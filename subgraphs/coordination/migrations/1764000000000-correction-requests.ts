import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "correction_request",
    columns: {
      id: column.code(40),
      requester: column.code(20),
      raised_by: column.text(100),
      owner: column.code(20),
      resource: column.text(120),
      record_key: column.code(64),
      proposed_value: column.text(1000),
      evidence: column.text(2000),
      raised_at: column.timestamp,
      answer_due_on: column.date,
      status: column.code(10),
      answered_at: { ...column.timestamp, nullable: true },
      answered_by: { ...column.text(100), nullable: true },
      reason: { ...column.text(1000), nullable: true },
      applied_version: { ...column.integer, nullable: true },
    },
    indices: [{ columns: ["requester"] }, { columns: ["owner"] }, { columns: ["status"] }],
  },
];

export class CorrectionRequests1764000000000 implements MigrationInterface {
  name = "CorrectionRequests1764000000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
