import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "expert",
    columns: {
      id: column.code(20),
      name: column.text(50),
      fields: { type: "text" },
      title: column.text(50),
      employer: column.text(100),
      employer_credit_code: { ...column.code(18), nullable: true },
      employer_agency: { ...column.code(20), nullable: true },
      region_code: column.code(6),
      available: column.flag,
    },
  },
  {
    name: "expert_draw",
    columns: {
      id: column.code(40),
      purpose: column.code(20),
      subject_ref: column.code(40),
      field: column.text(50),
      region_code: { ...column.code(6), nullable: true },
      count: column.integer,
      seed: column.code(40),
      pool: { type: "text" },
      excluded: { type: "text" },
      drawn_by: column.text(100),
      drawn_at: column.timestamp,
    },
    indices: [{ columns: ["subject_ref"] }],
  },
  {
    name: "expert_assignment",
    columns: {
      id: column.code(64),
      draw_id: column.code(40),
      subject_key: column.code(64),
      expert_id: column.code(20),
      designated: column.flag,
      conclusion: { ...column.code(10), nullable: true },
      opinion: { ...column.text(1000), nullable: true },
      opinion_on: { ...column.date, nullable: true },
    },
    // An expert serves one subject once, however many draws it takes.
    indices: [{ columns: ["draw_id"] }, { columns: ["subject_key", "expert_id"], unique: true }],
  },
];

/** The expert database (专家库), recorded draws and the experts' opinions. */
export class Experts1764100000001 implements MigrationInterface {
  name = "Experts1764100000001";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
