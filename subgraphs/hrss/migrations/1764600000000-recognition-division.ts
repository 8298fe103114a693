import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndices, dropIndices } from "../../../kernel/employer-region";
import { restampAllRecognitions } from "../employer-division";

const reportColumns = ["injured_on", "employer_region_code", "status", "disability_grade", "credit_code"];
/** The date-first index the report reads, now holding the division too: the analysis reads it alone, index-only. */
const indicesBefore = { ix_injury_recognition_injured_region: reportColumns };
const indicesAfter = { ix_injury_recognition_injured_region: [...reportColumns, "employer_division"] };

/** Recognitions carry their employer's industry division, so the key-industry analysis joins no employer. */
export class RecognitionDivision1764600000000 implements MigrationInterface {
  name = "RecognitionDivision1764600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: the ORM's addColumn rebuilds an embedded table, which would risk its generated region column.
    await queryRunner.query("ALTER TABLE injury_recognition ADD COLUMN employer_division varchar(2) NOT NULL DEFAULT ''");
    await restampAllRecognitions(queryRunner);
    await dropIndices(queryRunner, "injury_recognition", indicesBefore);
    await createIndices(queryRunner, "injury_recognition", indicesAfter);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, "injury_recognition", indicesAfter);
    await createIndices(queryRunner, "injury_recognition", indicesBefore);
    await queryRunner.query("ALTER TABLE injury_recognition DROP COLUMN employer_division");
  }
}
