import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "audit_record",
    columns: {
      seq: column.integer,
      at: column.timestamp,
      request_id: column.code(40),
      agency: column.code(20),
      user_id: column.text(100),
      roles: column.text(100),
      purpose: { ...column.code(40), nullable: true },
      case_ref: { ...column.text(100), nullable: true },
      operation_name: { ...column.text(200), nullable: true },
      operation_hash: column.code(64),
      fields_read: { type: "text" },
      pids: { type: "text" },
      credit_codes: { type: "text" },
      outcome: column.code(40),
      previous_hash: column.code(64),
      hash: column.code(64),
    },
    indices: [{ columns: ["agency", "at"] }],
  },
];

export class Audit1763900000000 implements MigrationInterface {
  name = "Audit1763900000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
