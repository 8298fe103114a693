import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate, requireNotFuture, requireOrder, requireRange } from "../../kernel/validate";
import { chinaDayStart, chinaToday } from "../../kernel/calendar";
import { Enterprise } from "./enterprise.entity";
import { HazardInspection, RectificationStatus, rectificationStatus } from "./hazard-inspection.entity";

@ArgsType()
class HazardInspectionFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  creditCode?: string;

  @Field(() => String, { nullable: true, description: "Inspected on or after this day (YYYY-MM-DD)" })
  from?: string;

  @Field(() => String, { nullable: true, description: "Inspected on or before this day (YYYY-MM-DD)" })
  to?: string;
}

@InputType({ description: "A hazard inspection (隐患排查) as recorded by the inspectors" })
class RecordHazardInspectionInput {
  @Field(() => String)
  creditCode: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  inspectedOn: string;

  @Field(() => Int)
  hazardsFound: number;

  @Field(() => Int, { description: "重大事故隐患 among hazardsFound" })
  majorHazards: number;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; required when hazards were found" })
  rectificationDueOn?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; omitted until rectified" })
  rectifiedOn?: string | null;
}

const HazardInspectionConnection = Connection(HazardInspection);

@Resolver(() => HazardInspection)
export class HazardInspectionResolver {
  @Query(() => HazardInspectionConnection, { description: "Hazard inspections, filtered, in id order" })
  hazardInspections(@Args(() => HazardInspectionFilter) filter: HazardInspectionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(HazardInspection).createQueryBuilder("inspection");
    if (filter.creditCode)
      query.andWhere("inspection.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.from) query.andWhere("inspection.inspectedOn >= :from", { from: requireLocalDate("from", filter.from) });
    if (filter.to) query.andWhere("inspection.inspectedOn <= :to", { to: requireLocalDate("to", filter.to) });
    if (filter.from && filter.to) requireOrder("to", filter.from, filter.to, "from");
    return paginate(query, "id", filter);
  }

  @Mutation(() => HazardInspection, { description: "Records a hazard inspection (隐患排查)" })
  async recordHazardInspection(
    @Arg("input", () => RecordHazardInspectionInput) input: RecordHazardInspectionInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<HazardInspection> {
    requireOwnDepartment(identity, "emergency");
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    const inspectedOn = requireLocalDate("input.inspectedOn", input.inspectedOn);
    requireNotFuture("input.inspectedOn", chinaDayStart(inspectedOn), clock());
    const hazardsFound = requireRange("input.hazardsFound", input.hazardsFound, 0, 2_147_483_647);
    const majorHazards = requireRange("input.majorHazards", input.majorHazards, 0, hazardsFound);
    const optionalDate = (field: "rectificationDueOn" | "rectifiedOn") => {
      const value = input[field];
      if (value === undefined || value === null) return null;
      if (hazardsFound === 0) throw badUserInput(`input.${field}`, "未发现隐患时不填写");
      const date = requireLocalDate(`input.${field}`, value);
      requireOrder(`input.${field}`, inspectedOn, date, "input.inspectedOn");
      return date;
    };
    const rectificationDueOn = optionalDate("rectificationDueOn");
    if (hazardsFound > 0 && rectificationDueOn === null) throw badUserInput("input.rectificationDueOn", "发现隐患时必须填写整改期限");
    const rectifiedOn = optionalDate("rectifiedOn");
    if (rectifiedOn !== null) requireNotFuture("input.rectifiedOn", chinaDayStart(rectifiedOn), clock());
    const inspection = Object.assign(new HazardInspection(), {
      id: `HI-${inspectedOn.slice(0, 4)}-${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      creditCode,
      inspectedOn,
      hazardsFound,
      majorHazards,
      rectificationDueOn,
      rectifiedOn,
    });
    await db.transaction((manager) => manager.insert(HazardInspection, inspection));
    return inspection;
  }

  @FieldResolver(() => RectificationStatus, { description: "As of today (China time)" })
  status(@Root() inspection: HazardInspection, @Ctx() { clock }: SubgraphContext): RectificationStatus {
    return rectificationStatus(inspection, chinaToday(clock()));
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() inspection: HazardInspection): Enterprise {
    return { creditCode: inspection.creditCode };
  }
}
