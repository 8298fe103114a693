import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "occupational_disease_case",
    columns: {
      id: column.code(40),
      pid: column.code(32),
      credit_code: column.code(18),
      catalogue_version: column.code(4),
      category_code: column.code(4),
      category_name: column.text(60),
      disease_name: column.text(120),
      diagnosed_on: column.date,
      reported_on: column.date,
    },
    indices: [{ columns: ["pid"] }, { columns: ["credit_code"] }, { columns: ["category_code"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
