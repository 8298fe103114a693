import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

const columns = [
  new TableColumn({ name: "accepted_on", type: "date", isNullable: true }),
  new TableColumn({ name: "answer", type: "varchar", length: "1000", isNullable: true }),
  new TableColumn({ name: "answered_on", type: "date", isNullable: true }),
  new TableColumn({ name: "handled_by", type: "varchar", length: "100", isNullable: true }),
];

/** What the department a complaint was transferred to did with it: accepted, answered, closed. */
export class TransferredComplaints1764100000000 implements MigrationInterface {
  name = "TransferredComplaints1764100000000";
  up = (queryRunner: QueryRunner) => queryRunner.addColumns("complaint", columns);
  down = (queryRunner: QueryRunner) => queryRunner.dropColumns("complaint", columns);
}
