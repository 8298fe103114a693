import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/** 受理 date of a recognition case (人社部令第8号 第八条). */
export class RecognitionAcceptance1763900100000 implements MigrationInterface {
  name = "RecognitionAcceptance1763900100000";
  up = (queryRunner: QueryRunner) =>
    queryRunner.addColumn("injury_recognition", new TableColumn({ name: "accepted_on", type: "date", isNullable: true }));
  down = (queryRunner: QueryRunner) => queryRunner.dropColumn("injury_recognition", "accepted_on");
}
