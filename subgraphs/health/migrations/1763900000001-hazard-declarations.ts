import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "hazard_declaration",
    columns: {
      id: column.code(40),
      credit_code: column.code(18),
      kind: column.code(20),
      triggered_on: column.date,
      declared_on: column.date,
    },
    indices: [{ columns: ["credit_code"] }],
  },
];

export class HazardDeclarations1763900000001 implements MigrationInterface {
  name = "HazardDeclarations1763900000001";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
