import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { requireLocalDate, requireNotFuture, requireOrder, requireRegionCode, requireText } from "../../kernel/validate";
import { maximumTargets, planIdPattern, requireGoal, requireIndustryScope, requireKeyPostGroup } from "./prevention-plan.rules";
import { nationalRegionCode, regionContains, requireReportPeriod } from "../../kernel/report-period";
import type { SubgraphContext } from "../../kernel/subgraph";
import { keyIndustries } from "../../reference/key-industries";
import { checkRegionCode } from "../../reference/regions";
import { allKeyIndustries, keyPostGroup, targetMetric } from "../../reference/target-metrics";
import { PlanTarget, PreventionPlan } from "./prevention-plan.entity";

const regionName = (code: string): string => {
  if (code === nationalRegionCode) return "全国";
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

@InputType()
class PlanTargetInput {
  @Field(() => String, { description: "The target as the document words it" })
  text: string;

  @Field(() => String, { description: "Metric code of reference/target-metrics.ts, e.g. TRAINED_PERSONS" })
  metric: string;

  @Field(() => String, { nullable: true, description: "Key-industry codes joined by +, or KEY_INDUSTRIES; omitted = every industry" })
  keyIndustry?: string | null;

  @Field(() => String, { nullable: true, description: "THREE_CATEGORIES, TEAM_LEADERS or KEY_POSTS; omitted = everyone" })
  keyPostGroup?: string | null;

  @Field(() => String, { description: "YYYY-MM-DD: first day counted" })
  periodStart: string;

  @Field(() => String, { description: "YYYY-MM-DD: the deadline" })
  deadline: string;

  @Field(() => String, { description: "AT_LEAST, AT_MOST or REDUCE_BY_PERCENT" })
  goalKind: string;

  @Field(() => Float, { description: "In the metric's unit (yuan for money), to 2 decimals; a reduction in percent" })
  goalValue: number;

  @Field(() => Int, { nullable: true, description: "A reduction's baseline year" })
  baselineYear?: number | null;

  @Field(() => Float, { nullable: true, description: "A reduction's baseline as the document states it; omitted: computed from data" })
  baselineValue?: number | null;

  @Field(() => String, { description: "Article or section of the document, e.g. 三、(二)" })
  sourceArticle: string;
}

@InputType()
class RecordPreventionPlanInput {
  @Field(() => ID, { description: "Upper-case letters, digits and hyphens, e.g. ZIBO-2025" })
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: "文号" })
  documentNumber: string;

  @Field(() => String)
  issuedBy: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  issuedOn: string;

  @Field(() => String, { description: "GB/T 2260 region the plan governs" })
  regionCode: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  periodStart: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  periodEnd: string;

  @Field(() => [PlanTargetInput], { description: `Its quantified targets, 1 to ${maximumTargets}, in the document's order` })
  targets: PlanTargetInput[];
}

@Resolver(() => PreventionPlan)
export class PreventionPlanResolver {
  @Mutation(() => PreventionPlan, {
    description: "Records a plan the office has received, with its quantified targets (the office's admin)",
  })
  async recordPreventionPlan(
    @Arg("input", () => RecordPreventionPlanInput) input: RecordPreventionPlanInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<PreventionPlan> {
    requireOwnDepartment(identity, "coordination");
    const id = input.id.trim();
    if (!planIdPattern.test(id))
      throw badUserInput("input.id", `${JSON.stringify(input.id)} 须为 3 至 34 位大写字母、数字和连字符, 如 ZIBO-2025`);
    const issuedOn = requireLocalDate("input.issuedOn", input.issuedOn);
    requireNotFuture("input.issuedOn", issuedOn, clock());
    const periodStart = requireLocalDate("input.periodStart", input.periodStart);
    const periodEnd = requireLocalDate("input.periodEnd", input.periodEnd);
    requireOrder("input.periodEnd", periodStart, periodEnd, "input.periodStart");
    const plan: PreventionPlan = {
      id,
      title: requireText("input.title", input.title, 200),
      documentNumber: requireText("input.documentNumber", input.documentNumber, 60),
      issuedBy: requireText("input.issuedBy", input.issuedBy, 300),
      issuedOn,
      regionCode: requireRegionCode("input.regionCode", input.regionCode),
      periodStart,
      periodEnd,
    };
    if (input.targets.length === 0 || input.targets.length > maximumTargets)
      throw badUserInput("input.targets", `须有 1 至 ${maximumTargets} 个量化目标, 收到 ${input.targets.length} 个`);
    const targets = input.targets.map((target, index) => {
      const field = `input.targets[${index}]`;
      const start = requireLocalDate(`${field}.periodStart`, target.periodStart);
      const deadline = requireLocalDate(`${field}.deadline`, target.deadline);
      requireOrder(`${field}.deadline`, start, deadline, `${field}.periodStart`);
      return Object.assign(new PlanTarget(), {
        id: `${id}-T${String(index + 1).padStart(2, "0")}`,
        planId: id,
        ordinal: index + 1,
        text: requireText(`${field}.text`, target.text, 500),
        regionCode: plan.regionCode,
        keyIndustry: target.keyIndustry ? requireIndustryScope(`${field}.keyIndustry`, target.keyIndustry) : null,
        keyPostGroup: target.keyPostGroup ? requireKeyPostGroup(`${field}.keyPostGroup`, target.keyPostGroup) : null,
        periodStart: start,
        deadline,
        ...requireGoal(field, { ...target, periodStart: start }),
        sourceDocument: plan.documentNumber,
        sourceArticle: requireText(`${field}.sourceArticle`, target.sourceArticle, 100),
      });
    });
    return db.transaction(async (manager) => {
      if (await manager.existsBy(PreventionPlan, { id })) throw badUserInput("input.id", `已有编号为 ${id} 的实施方案`);
      await manager.insert(PreventionPlan, plan);
      await manager.insert(PlanTarget, targets);
      return plan;
    });
  }

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
