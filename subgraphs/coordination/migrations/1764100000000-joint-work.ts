import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "department_finding",
    columns: {
      id: column.code(60),
      target_id: column.code(30),
      inspection_id: column.code(20),
      agency: column.code(20),
      hazards: { ...column.text(500), nullable: true },
      legal_basis: { ...column.text(300), nullable: true },
      rectification_demanded: { ...column.text(500), nullable: true },
      rectification_due_on: { ...column.date, nullable: true },
      no_findings_reason: { ...column.text(500), nullable: true },
      recorded_by: column.text(100),
      recorded_at: column.timestamp,
    },
    indices: [{ columns: ["target_id"] }, { columns: ["inspection_id"] }],
  },
  {
    name: "rectification",
    columns: {
      id: column.code(64),
      source: column.code(40),
      source_record_id: column.code(60),
      demanding_agency: column.code(20),
      credit_code: column.code(18),
      requirement: column.text(500),
      demanded_on: column.date,
      due_on: column.date,
      state: column.code(10),
      evidence: { ...column.text(1000), nullable: true },
      rejection_reason: { ...column.text(1000), nullable: true },
      reviewed_by: { ...column.text(100), nullable: true },
      reviewed_on: { ...column.date, nullable: true },
    },
    indices: [{ columns: ["demanding_agency"] }, { columns: ["credit_code"] }, { columns: ["due_on"] }],
  },
];

/** Each member department's findings in joint inspections, and the hub's rectification tracker. */
export class JointWork1764100000000 implements MigrationInterface {
  name = "JointWork1764100000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
