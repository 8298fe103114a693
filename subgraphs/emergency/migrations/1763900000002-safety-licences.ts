import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "safety_licence",
    columns: {
      licence_no: column.code(40),
      credit_code: column.code(18),
      kind: column.code(40),
      valid_from: column.date,
      valid_until: column.date,
    },
    indices: [{ columns: ["credit_code"] }],
  },
];

export class SafetyLicences1763900000002 implements MigrationInterface {
  name = "SafetyLicences1763900000002";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
