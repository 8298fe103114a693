import type { MigrationInterface, QueryRunner } from "typeorm";
import { addRecordHistory, dropRecordHistory } from "../../../kernel/records";

const registers = ["enterprise", "person"];

export class MasterRecords1764000000000 implements MigrationInterface {
  name = "MasterRecords1764000000000";
  up = (queryRunner: QueryRunner) => addRecordHistory(queryRunner, registers);
  down = (queryRunner: QueryRunner) => dropRecordHistory(queryRunner, registers);
}
