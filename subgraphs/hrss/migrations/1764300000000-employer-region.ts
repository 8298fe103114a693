import type { MigrationInterface, QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "../../../kernel/employer-region";

const personIndices = { ix_person_region_insured: ["employer_region_code", "insured_since", "employer_credit_code"] };
const recognitionIndices = { ix_injury_recognition_region_injured: ["employer_region_code", "injured_on"] };

/** Insured persons and injuries placed by the employer's registered region, an indexed column derived from the credit code. */
export class EmployerRegion1764300000000 implements MigrationInterface {
  name = "EmployerRegion1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await addEmployerRegion(queryRunner, "person", "employer_credit_code", personIndices);
    await addEmployerRegion(queryRunner, "injury_recognition", "credit_code", recognitionIndices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEmployerRegion(queryRunner, "injury_recognition", recognitionIndices);
    await dropEmployerRegion(queryRunner, "person", personIndices);
  }
}
