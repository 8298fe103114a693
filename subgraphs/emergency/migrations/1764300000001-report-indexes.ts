import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndices, dropIndices } from "../../../kernel/employer-region";

/**
 * For a prefecture or a province every employer's region matches the prefix, so the region-first
 * index cannot narrow the report: this date-first one does, and holds every column the report and
 * the analysis read (an index-only range scan). A county's report still reads the region-first one.
 */
const indices = {
  ix_accident_occurred_region: ["occurred_at", "employer_region_code", "grade", "deaths", "serious_injuries", "industry_code"],
};

export class ReportIndexes1764300000001 implements MigrationInterface {
  name = "ReportIndexes1764300000001";
  up = (queryRunner: QueryRunner) => createIndices(queryRunner, "accident", indices);
  down = (queryRunner: QueryRunner) => dropIndices(queryRunner, "accident", indices);
}
