import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

/** 第十二条 report text, the credit-code review flag, and the history of first report and 补报. */
const tables: TableSpec[] = [
  {
    name: "accident_report",
    columns: {
      id: column.code(48),
      accident_id: column.code(40),
      version: column.integer,
      reported_at: column.timestamp,
      deaths: column.integer,
      serious_injuries: column.integer,
      missing: column.integer,
      direct_loss_fen: column.money,
      grade: column.code(20),
    },
    indices: [{ columns: ["accident_id", "version"], unique: true }],
  },
];

const accidentColumns = [
  new TableColumn({ name: "description", type: "varchar", length: "2000", isNullable: true }),
  new TableColumn({ name: "measures_taken", type: "varchar", length: "2000", isNullable: true }),
  new TableColumn({ name: "credit_code_needs_review", type: "boolean", isNullable: false, default: 0 }),
];

export class AccidentReports1763900000000 implements MigrationInterface {
  name = "AccidentReports1763900000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("accident", accidentColumns);
    await createTables(queryRunner, tables);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, tables);
    await queryRunner.dropColumns("accident", accidentColumns);
  }
}
