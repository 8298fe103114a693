import type { MigrationInterface, QueryRunner } from "typeorm";
import { nationalPlanSource, planRows } from "../prevention-plan.sources";

/** The national five-year plan (人社部发〔2020〕90号) and its incidence target, scoped to the whole country. */
export class NationalPlan1764500000000 implements MigrationInterface {
  name = "NationalPlan1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { plans, targets } = planRows([nationalPlanSource]);
    await queryRunner.manager.createQueryBuilder().insert().into("prevention_plan").values(plans).execute();
    await queryRunner.manager.createQueryBuilder().insert().into("plan_target").values(targets).execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const { plan } = nationalPlanSource;
    await queryRunner.manager.createQueryBuilder().delete().from("plan_target").where("plan_id = :id", { id: plan.id }).execute();
    await queryRunner.manager.createQueryBuilder().delete().from("prevention_plan").where("id = :id", { id: plan.id }).execute();
  }
}
