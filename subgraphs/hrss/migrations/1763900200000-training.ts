import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "training_record",
    columns: {
      id: column.code(40),
      pid: column.code(32),
      credit_code: column.code(18),
      post: column.code(16),
      mode: column.code(8),
      hours_tenths: column.integer,
      trained_on: column.date,
      provider: column.text(),
    },
    indices: [{ columns: ["trained_on"] }, { columns: ["credit_code"] }, { columns: ["pid"] }],
  },
];

export class Training1763900200000 implements MigrationInterface {
  name = "Training1763900200000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
