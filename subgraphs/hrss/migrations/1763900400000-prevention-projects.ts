import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "service_agency",
    columns: {
      credit_code: column.code(18),
      credit_code_needs_review: column.flag,
      name: column.text(),
      barred_until: { ...column.date, nullable: true },
    },
  },
  {
    name: "prevention_project",
    columns: {
      id: column.code(40),
      agency_credit_code: column.code(18),
      title: column.text(),
      category: column.code(10),
      contract_amount_fen: column.money,
      prepaid_fen: { ...column.money, nullable: true },
      status: column.code(20),
      applied_on: column.date,
      status_since: column.date,
    },
    indices: [{ columns: ["agency_credit_code"] }, { columns: ["status"] }],
  },
  {
    name: "prevention_project_step",
    columns: {
      id: column.code(44),
      project_id: column.code(40),
      status: column.code(20),
      entered_on: column.date,
    },
    indices: [{ columns: ["project_id"] }],
  },
];

export class PreventionProjects1763900400000 implements MigrationInterface {
  name = "PreventionProjects1763900400000";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
