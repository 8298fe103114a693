import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "training_roster",
    columns: {
      id: column.code(60),
      credit_code: column.code(18),
      pid: column.code(32),
      post: column.code(16),
      surveyed_on: column.date,
    },
    indices: [{ columns: ["credit_code"] }, { columns: ["pid"] }],
  },
];

/**
 * What the plans' targets count: practical training on each session, each enterprise's roster of
 * people who must be trained, and each prevention project's budget with the budget's committed
 * total. Existing projects are linked to the one budget of the year they applied in, where there
 * is exactly one, and each budget's committed total is recomputed from its projects' steps.
 */
export class PlanTraining1764200000000 implements MigrationInterface {
  name = "PlanTraining1764200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("training_record", new TableColumn({ name: "practical", type: "boolean", isNullable: false, default: 0 }));
    await createTables(queryRunner, tables);
    await queryRunner.createIndex(
      "training_record",
      new TableIndex({ name: "ix_training_record_credit_code_pid", columnNames: ["credit_code", "pid"] }),
    );
    await queryRunner.addColumn(
      "prevention_project",
      new TableColumn({ name: "budget_id", type: "varchar", length: "12", isNullable: true }),
    );
    await queryRunner.createIndex(
      "prevention_project",
      new TableIndex({ name: "ix_prevention_project_budget_id", columnNames: ["budget_id"] }),
    );
    await queryRunner.addColumn("fee_budget", new TableColumn({ name: "committed_fen", type: "bigint", isNullable: false, default: 0 }));
    await this.linkExistingProjects(queryRunner);
  }

  private async linkExistingProjects(queryRunner: QueryRunner): Promise<void> {
    const select = (table: string, columns: string[]) =>
      queryRunner.manager.createQueryBuilder().select(columns).from(table, table).getRawMany();
    const budgets: { id: string; year: number }[] = await select("fee_budget", ["id", "year"]);
    const projects: { id: string; applied_on: string | Date; contract_amount_fen: string | number; prepaid_fen: string | number | null }[] =
      await select("prevention_project", ["id", "applied_on", "contract_amount_fen", "prepaid_fen"]);
    const steps: { project_id: string; status: string }[] = await select("prevention_project_step", ["project_id", "status"]);
    const committed = new Map<string, number>();
    for (const project of projects) {
      const year = Number(String(project.applied_on instanceof Date ? project.applied_on.toISOString() : project.applied_on).slice(0, 4));
      const candidates = budgets.filter((budget) => Number(budget.year) === year);
      if (candidates.length !== 1) continue;
      const budgetId = candidates[0].id;
      await queryRunner.query("UPDATE prevention_project SET budget_id = ? WHERE id = ?", [budgetId, project.id]);
      const reached = new Set(steps.filter((step) => step.project_id === project.id).map((step) => step.status));
      if (!reached.has("APPROVED")) continue;
      const prepaid = reached.has("PREPAID") ? Number(project.prepaid_fen ?? 0) : 0;
      const amount = reached.has("ACCEPTANCE_FAILED") ? prepaid : Number(project.contract_amount_fen);
      committed.set(budgetId, (committed.get(budgetId) ?? 0) + amount);
    }
    for (const [id, fen] of committed) await queryRunner.query("UPDATE fee_budget SET committed_fen = ? WHERE id = ?", [fen, id]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("fee_budget", "committed_fen");
    await queryRunner.dropIndex("prevention_project", "ix_prevention_project_budget_id");
    await queryRunner.dropColumn("prevention_project", "budget_id");
    await queryRunner.dropIndex("training_record", "ix_training_record_credit_code_pid");
    await dropTables(queryRunner, tables);
    await queryRunner.dropColumn("training_record", "practical");
  }
}
