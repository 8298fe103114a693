import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { regionContains, requireReportPeriod } from "../../kernel/report-period";
import type { SubgraphContext } from "../../kernel/subgraph";
import { keyIndustries } from "../../reference/key-industries";
import { checkRegionCode } from "../../reference/regions";
import { allKeyIndustries, keyPostGroup, targetMetric } from "../../reference/target-metrics";
import { PlanTarget, PreventionPlan } from "./prevention-plan.entity";

const regionName = (code: string): string => {
  const region = checkRegionCode(code);
  return region.valid ? region.name : code;
};

/** The Chinese name of a target's industry scope: one or more key industries joined by +. */
export function industryScopeName(scope: string): string {
  if (scope === allKeyIndustries.code) return allKeyIndustries.name;
  return scope
    .split("+")
    .map((code) => keyIndustries.find((industry) => industry.code === code)?.name ?? code)
    .join("、");
}

@Resolver(() => PreventionPlan)
export class PreventionPlanResolver {
  @Query(() => [PreventionPlan], { description: "Every prevention plan the hub holds, newest first" })
  preventionPlans(@Ctx() { db }: SubgraphContext): Promise<PreventionPlan[]> {
    return db.getRepository(PreventionPlan).find({ order: { issuedOn: "DESC", id: "ASC" } });
  }

  @Query(() => PreventionPlan, { nullable: true, description: "One plan by id, e.g. ZIBO-2024" })
  preventionPlan(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<PreventionPlan | null> {
    return loaders.one(PreventionPlan, "id").load(id);
  }

  @Query(() => [PlanTarget], {
    description:
      "The targets that apply to a region in a period (YYYY or YYYY-Qn): those of every plan whose region is the region or contains it, whose span overlaps the period; by plan, then order",
  })
  async preventionTargets(
    @Arg("regionCode", () => String) regionCode: string,
    @Arg("period", () => String) period: string,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<PlanTarget[]> {
    const scope = requireReportPeriod(regionCode, period, clock());
    const targets = await db
      .getRepository(PlanTarget)
      .createQueryBuilder("target")
      .innerJoin(PreventionPlan, "plan", "plan.id = target.planId")
      .where("target.periodStart <= :to AND target.deadline >= :from", { from: scope.from, to: scope.to })
      .orderBy("plan.issuedOn", "DESC")
      .addOrderBy("target.planId")
      .addOrderBy("target.ordinal")
      .getMany();
    // A handful of plans: which contain the region is decided here, on the codes' prefixes.
    return targets.filter((target) => regionContains(target.regionCode, scope.regionCode));
  }

  @FieldResolver(() => String)
  regionName(@Root() plan: PreventionPlan): string {
    return regionName(plan.regionCode);
  }

  @FieldResolver(() => [PlanTarget], { description: "In the plan's order" })
  targets(@Root() plan: PreventionPlan, @Ctx() { loaders }: SubgraphContext): Promise<PlanTarget[]> {
    return loaders.many(PlanTarget, "planId").load(plan.id);
  }
}

@Resolver(() => PlanTarget)
export class PlanTargetResolver {
  @FieldResolver(() => String, { description: "The metric in Chinese" })
  metricName(@Root() target: PlanTarget): string {
    return targetMetric(target.metric)?.name ?? target.metric;
  }

  @FieldResolver(() => String, { description: "The metric's unit in Chinese: 人, %, ‰, 元" })
  unit(@Root() target: PlanTarget): string {
    return targetMetric(target.metric)?.unit ?? "";
  }

  @FieldResolver(() => String)
  regionName(@Root() target: PlanTarget): string {
    return regionName(target.regionCode);
  }

  @FieldResolver(() => String, { nullable: true, description: "The industry scope in Chinese; null when every industry" })
  keyIndustryName(@Root() target: PlanTarget): string | null {
    return target.keyIndustry === null ? null : industryScopeName(target.keyIndustry);
  }

  @FieldResolver(() => String, { nullable: true, description: "The key-post group in Chinese; null when everyone" })
  keyPostGroupName(@Root() target: PlanTarget): string | null {
    return target.keyPostGroup === null ? null : (keyPostGroup(target.keyPostGroup)?.name ?? target.keyPostGroup);
  }

  @FieldResolver(() => PreventionPlan, { nullable: true })
  plan(@Root() target: PlanTarget, @Ctx() { loaders }: SubgraphContext): Promise<PreventionPlan | null> {
    return loaders.one(PreventionPlan, "id").load(target.planId);
  }
}
