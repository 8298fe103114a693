import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

const caseIndices = { ix_occupational_disease_case_region_diagnosed: ["employer_region_code", "diagnosed_on"] };

/**
 * Diagnoses placed by the employer's registered region (an indexed column derived from the credit
 * code), and the employer's industry as the report card states it (职业病报告卡 行业), so health
 * can count new cases by industry in its own database. Cases recorded before keep no industry:
 * the analysis counts them as unclassified rather than guess.
 */
export class EmployerRegion1764300000000 implements MigrationInterface {
  name = "EmployerRegion1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE occupational_disease_case ADD COLUMN industry_code varchar(4) NULL");
    await addEmployerRegion(queryRunner, "occupational_disease_case", "credit_code", caseIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "occupational_disease_case", caseIndices);
    await queryRunner.query("ALTER TABLE occupational_disease_case DROP COLUMN industry_code");
  }
}
