import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndices, dropIndices } from "../../../kernel/employer-region";

/**
 * For a prefecture or a province every employer's region matches the prefix, so the region-first
 * index cannot narrow the report: this date-first one does, and holds every column the report and
 * the analysis read (an index-only range scan). A county's report still reads the region-first one.
 */
const indices = {
  ix_injury_recognition_injured_region: ["injured_on", "employer_region_code", "status", "disability_grade", "credit_code"],
};

export class ReportIndexes1764300000001 implements MigrationInterface {
  name = "ReportIndexes1764300000001";
  up = (queryRunner: QueryRunner) => createIndices(queryRunner, "injury_recognition", indices);
  down = (queryRunner: QueryRunner) => dropIndices(queryRunner, "injury_recognition", indices);
}
