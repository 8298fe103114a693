import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

const enterpriseIndices = { ix_enterprise_employer_region: ["employer_region_code", "industry_code"] };

/** Employers placed in a region by the same rule as every report: the registration region in their credit code. */
export class EnterpriseRegion1764400000000 implements MigrationInterface {
  name = "EnterpriseRegion1764400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await addEmployerRegion(queryRunner, "enterprise", "credit_code", enterpriseIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "enterprise", enterpriseIndices);
  }
}
