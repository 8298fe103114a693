import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, createIndices, dropEmployerRegion, dropIndices } from "../../../kernel/employer-region";

/**
 * Projects placed by the contractor's registered region (derived from its credit code), as every
 * section of the meeting report places its figures: region first for a county's report, permit date
 * first for a prefecture's or province's. Site entries get an index on the day of entry, which the
 * report reads a period of (it had none: a period's entries meant reading every registration).
 */
const projectIndices = {
  ix_construction_project_region_permit: ["employer_region_code", "permit_issued_on"],
  ix_construction_project_permit_region: ["permit_issued_on", "employer_region_code"],
};
const registrationIndices = { ix_site_worker_registration_entered: ["entered_on", "project_permit_no", "pid"] };

export class ReportRegion1764500000000 implements MigrationInterface {
  name = "ReportRegion1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await addEmployerRegion(queryRunner, "construction_project", "credit_code", projectIndices);
    await createIndices(queryRunner, "site_worker_registration", registrationIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, "site_worker_registration", registrationIndices);
    await dropEmployerRegion(queryRunner, "construction_project", projectIndices);
  }
}
