import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "vehicle",
    columns: {
      plate_number: column.code(10),
      credit_code: column.code(18),
      vehicle_class: column.code(16),
      transport_certificate_no: column.code(20),
      certificate_valid_until: column.date,
    },
    indices: [{ columns: ["credit_code"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
