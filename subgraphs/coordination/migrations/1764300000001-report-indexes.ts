import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndices, dropIndices } from "../../../kernel/employer-region";

/** The report's joint inspections are those planned in the period: a range of this index, then their targets by region. */
const indices = { ix_joint_inspection_planned_status: ["planned_on", "status"] };

export class ReportIndexes1764300000001 implements MigrationInterface {
  name = "ReportIndexes1764300000001";
  up = (queryRunner: QueryRunner) => createIndices(queryRunner, "joint_inspection", indices);
  down = (queryRunner: QueryRunner) => dropIndices(queryRunner, "joint_inspection", indices);
}
