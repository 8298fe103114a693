import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "accident",
    columns: {
      id: column.code(40),
      credit_code: column.code(18),
      region_code: column.code(6),
      category: column.code(2),
      occurred_at: column.timestamp,
      reported_at: column.timestamp,
      deaths: column.integer,
      serious_injuries: column.integer,
      minor_injuries: column.integer,
      missing: column.integer,
      direct_loss_fen: column.money,
      grade: column.code(20),
    },
    indices: [{ columns: ["credit_code"] }, { columns: ["region_code", "occurred_at"] }, { columns: ["grade"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
