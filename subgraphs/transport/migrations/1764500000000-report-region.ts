import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

/**
 * Vehicles and operating licences placed by the operator's registered region (derived from its
 * credit code), as every section of the meeting report places its figures. Region first for a
 * county's report; validity first for a prefecture's or province's, where the region prefix matches
 * every row and only the period can narrow the read.
 */
const vehicleIndices = {
  ix_vehicle_region_certificate: ["employer_region_code", "certificate_valid_until", "vehicle_class"],
  ix_vehicle_certificate_region: ["certificate_valid_until", "employer_region_code", "vehicle_class"],
};
const licenceIndices = {
  ix_operating_licence_region_valid: ["employer_region_code", "valid_until"],
  ix_operating_licence_valid_region: ["valid_until", "employer_region_code"],
};

export class ReportRegion1764500000000 implements MigrationInterface {
  name = "ReportRegion1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await addEmployerRegion(queryRunner, "vehicle", "credit_code", vehicleIndices);
    await addEmployerRegion(queryRunner, "operating_licence", "credit_code", licenceIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "operating_licence", licenceIndices);
    await dropEmployerRegion(queryRunner, "vehicle", vehicleIndices);
  }
}
