import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";
import { planRows } from "../prevention-plan.sources";

const tables: TableSpec[] = [
  {
    name: "prevention_plan",
    columns: {
      id: column.code(40),
      title: column.text(),
      document_number: column.text(60),
      issued_by: column.text(300),
      issued_on: column.date,
      region_code: column.code(6),
      period_start: column.date,
      period_end: column.date,
    },
  },
  {
    name: "plan_target",
    columns: {
      id: column.code(40),
      plan_id: column.code(40),
      ordinal: column.integer,
      text: column.text(500),
      metric: column.code(40),
      region_code: column.code(6),
      key_industry: { ...column.code(120), nullable: true },
      key_post_group: { ...column.code(20), nullable: true },
      period_start: column.date,
      deadline: column.date,
      goal_kind: column.code(20),
      goal_hundredths: column.money,
      baseline_year: { ...column.integer, nullable: true },
      baseline_hundredths: { ...column.money, nullable: true },
      source_document: column.text(100),
      source_article: column.text(100),
    },
    indices: [{ columns: ["plan_id"] }, { columns: ["region_code"] }],
  },
];

/**
 * The prevention plans and their targets, loaded with the two plans the hub was made from: they
 * are policy every deployment governs by, not demo data. A later plan or a corrected target is a
 * new migration, never an edit of these rows in place.
 */
export class PreventionPlans1764200000000 implements MigrationInterface {
  name = "PreventionPlans1764200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, tables);
    const { plans, targets } = planRows();
    // Into the entities' tables by their property names: TypeORM maps them to the columns above.
    await queryRunner.manager.createQueryBuilder().insert().into("prevention_plan").values(plans).execute();
    await queryRunner.manager.createQueryBuilder().insert().into("plan_target").values(targets).execute();
  }

  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
