import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "site_worker_registration",
    columns: {
      id: column.code(40),
      pid: column.code(32),
      project_permit_no: column.code(24),
      trade: column.code(24),
      entered_on: column.date,
      left_on: { ...column.date, nullable: true },
    },
    indices: [{ columns: ["pid"] }, { columns: ["project_permit_no"] }],
  },
  {
    name: "construction_safety_inspection",
    columns: {
      id: column.code(40),
      project_permit_no: column.code(24),
      inspected_on: column.date,
      hazards: column.integer,
      stop_work_ordered: column.flag,
      rectification_due_on: { ...column.date, nullable: true },
    },
    indices: [{ columns: ["project_permit_no"] }, { columns: ["inspected_on"] }],
  },
];

export class SiteWorkersInspections1763900000000 implements MigrationInterface {
  name = "SiteWorkersInspections1763900000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
