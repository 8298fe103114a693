import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

const targetIndices = { ix_inspection_target_region_inspection: ["employer_region_code", "inspection_id"] };
const rectificationIndices = { ix_rectification_region_due: ["employer_region_code", "due_on"] };

/** Inspection targets and rectifications placed by the employer's registered region, an indexed column derived from the credit code. */
export class EmployerRegion1764300000000 implements MigrationInterface {
  name = "EmployerRegion1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await addEmployerRegion(queryRunner, "inspection_target", "credit_code", targetIndices);
    await addEmployerRegion(queryRunner, "rectification", "credit_code", rectificationIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "rectification", rectificationIndices);
    await dropEmployerRegion(queryRunner, "inspection_target", targetIndices);
  }
}
