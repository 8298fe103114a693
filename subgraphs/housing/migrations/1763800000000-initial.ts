import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "construction_project",
    columns: {
      permit_no: column.code(24),
      name: column.text(),
      credit_code: column.code(18),
      region_code: column.code(6),
      permit_issued_on: column.date,
      status: column.code(20),
      contract_value_fen: column.money,
    },
    indices: [{ columns: ["credit_code"] }, { columns: ["region_code"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
