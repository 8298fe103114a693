import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

const accidentIndices = { ix_accident_employer_region_occurred: ["employer_region_code", "occurred_at"] };

/**
 * Accidents placed by the employer's registered region (an indexed column derived from the credit
 * code), and the employer's industry as the accident report states it (事故快报 所属行业), so
 * emergency can count its accidents by industry in its own database. Accidents recorded before
 * keep no industry: the analysis counts them as unclassified rather than guess.
 */
export class EmployerRegion1764300000000 implements MigrationInterface {
  name = "EmployerRegion1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE accident ADD COLUMN industry_code varchar(4) NULL");
    await addEmployerRegion(queryRunner, "accident", "credit_code", accidentIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "accident", accidentIndices);
    await queryRunner.query("ALTER TABLE accident DROP COLUMN industry_code");
  }
}
