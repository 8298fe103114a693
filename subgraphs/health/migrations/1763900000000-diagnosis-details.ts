import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/** Disease code, diagnosing institution and the credit-code review flag on each case. */
const caseColumns = [
  new TableColumn({ name: "disease_code", type: "varchar", length: "8", isNullable: true }),
  new TableColumn({ name: "institution", type: "varchar", length: "100", isNullable: true }),
  new TableColumn({ name: "credit_code_needs_review", type: "boolean", isNullable: false, default: 0 }),
];

export class DiagnosisDetails1763900000000 implements MigrationInterface {
  name = "DiagnosisDetails1763900000000";
  up = (queryRunner: QueryRunner) => queryRunner.addColumns("occupational_disease_case", caseColumns);
  down = (queryRunner: QueryRunner) => queryRunner.dropColumns("occupational_disease_case", caseColumns);
}
