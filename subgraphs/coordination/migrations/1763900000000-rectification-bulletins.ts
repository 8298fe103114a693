import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "typical_case_bulletin",
    columns: {
      id: column.code(40),
      title: column.text(),
      published_on: column.date,
      accident_id: { ...column.code(40), nullable: true },
      summary: column.text(1000),
      lessons: column.text(1000),
    },
    indices: [{ columns: ["published_on"] }],
  },
];

/** When a target's rectification was confirmed, and the office's typical-case bulletins. */
export class RectificationBulletins1763900000000 implements MigrationInterface {
  name = "RectificationBulletins1763900000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("inspection_target", new TableColumn({ name: "rectified_on", type: "date", isNullable: true }));
    await createTables(queryRunner, tables);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, tables);
    await queryRunner.dropColumn("inspection_target", "rectified_on");
  }
}
