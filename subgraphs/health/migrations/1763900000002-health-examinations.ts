import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "health_examination",
    columns: {
      id: column.code(40),
      pid: column.code(32),
      credit_code: column.code(18),
      examined_on: column.date,
      kind: column.code(20),
      result: column.code(20),
    },
    indices: [{ columns: ["pid"] }, { columns: ["credit_code", "result"] }],
  },
];

export class HealthExaminations1763900000002 implements MigrationInterface {
  name = "HealthExaminations1763900000002";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
