import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "operating_licence",
    columns: {
      licence_no: column.code(40),
      credit_code: column.code(18),
      scopes: { type: "text" },
      valid_until: column.date,
    },
    indices: [{ columns: ["credit_code"], unique: true }],
  },
  {
    name: "driver_qualification",
    columns: {
      id: column.code(64),
      pid: column.code(32),
      category: column.code(24),
      issued_on: column.date,
      valid_until: column.date,
      violation_points: column.integer,
    },
    indices: [{ columns: ["pid"] }, { columns: ["valid_until"] }],
  },
  {
    name: "transport_accident",
    columns: {
      id: column.code(60),
      accident_id: column.code(40),
      plate_number: column.code(10),
      driver_pid: column.code(32),
    },
    indices: [{ columns: ["accident_id"] }, { columns: ["plate_number"] }, { columns: ["driver_pid"] }],
  },
];

export class OperatorsDriversAccidents1763900000000 implements MigrationInterface {
  name = "OperatorsDriversAccidents1763900000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
