import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "enterprise",
    columns: {
      credit_code: column.code(18),
      credit_code_needs_review: column.flag,
      name: column.text(),
      industry_code: column.code(4),
      region_code: column.code(6),
      risk_class: { ...column.integer, nullable: true },
      insured_headcount: column.integer,
      registered_on: column.date,
    },
    indices: [{ columns: ["region_code"] }, { columns: ["industry_code"] }],
  },
  {
    name: "person",
    columns: {
      pid: column.code(32),
      id_number: column.code(18),
      name: column.text(60),
      gender: column.code(6),
      birth_date: column.date,
      phone: { ...column.code(20), nullable: true },
      employer_credit_code: { ...column.code(18), nullable: true },
      insured_since: { ...column.date, nullable: true },
    },
    indices: [{ columns: ["id_number"], unique: true }, { columns: ["employer_credit_code"] }],
  },
  {
    name: "injury_recognition",
    columns: {
      id: column.code(40),
      pid: column.code(32),
      credit_code: column.code(18),
      accident_id: { ...column.code(40), nullable: true },
      injured_on: column.date,
      applied_on: column.date,
      applicant: column.code(10),
      status: column.code(16),
      decided_on: { ...column.date, nullable: true },
      disability_grade: { ...column.integer, nullable: true },
    },
    indices: [{ columns: ["pid"] }, { columns: ["credit_code"] }],
  },
];

export class Initial1763800000000 implements MigrationInterface {
  name = "Initial1763800000000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
