import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

/**
 * Supervision checks and complaints placed by the employer's registered region (derived from its
 * credit code), as every section of the meeting report places its figures: region first for a
 * county's report; date first, with the columns the report counts, for a prefecture's or
 * province's, where the region prefix matches every row. Neither table had a date index.
 */
const checkIndices = {
  ix_supervision_check_region_checked: ["employer_region_code", "checked_on"],
  ix_supervision_check_checked_region: ["checked_on", "employer_region_code", "hazards_found", "status"],
};
const complaintIndices = {
  ix_complaint_region_received: ["employer_region_code", "received_on"],
  ix_complaint_received_region: ["received_on", "employer_region_code", "category", "status"],
};

export class ReportRegion1764500000000 implements MigrationInterface {
  name = "ReportRegion1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await addEmployerRegion(queryRunner, "supervision_check", "credit_code", checkIndices);
    await addEmployerRegion(queryRunner, "complaint", "credit_code", complaintIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "complaint", complaintIndices);
    await dropEmployerRegion(queryRunner, "supervision_check", checkIndices);
  }
}
