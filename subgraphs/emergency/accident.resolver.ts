import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { yuanToFen } from "../../kernel/money";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import {
  requireCreditCode,
  requireIndustryCode,
  requireLocalDate,
  requireNotFuture,
  requireOrder,
  requireRange,
  requireRegionCode,
} from "../../kernel/validate";
import { accidentCategories } from "../../reference/accident-categories";
import { AccidentGrade, accidentGrade } from "./accident-grade";
import { AccidentReport, reportOf } from "./accident-report.entity";
import { isReportedLate, reportingRulesBegin, supplementaryWindow } from "./accident-reporting";
import { Accident } from "./accident.entity";
import { addDays, chinaDayStart, chinaToday } from "../../kernel/calendar";
import { requireTimestamp } from "../../kernel/validate";
import { Enterprise } from "./enterprise.entity";

@ArgsType()
class AccidentFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "GB/T 2260 region code" })
  regionCode?: string;

  @Field(() => AccidentGrade, { nullable: true })
  grade?: AccidentGrade;

  @Field(() => String, { nullable: true, description: "GB 6441 category code, 01 to 20" })
  category?: string;

  @Field(() => String, { nullable: true, description: "Occurred on or after this day (YYYY-MM-DD, China time)" })
  from?: string;

  @Field(() => String, { nullable: true, description: "Occurred on or before this day (YYYY-MM-DD, China time)" })
  to?: string;

  @Field(() => String, { nullable: true })
  creditCode?: string;
}

@InputType({ description: "An accident as the unit reports it to the government (第十二条)" })
class ReportAccidentInput {
  @Field(() => String)
  creditCode: string;

  @Field(() => String, { description: "GB/T 2260 region where it happened" })
  regionCode: string;

  @Field(() => String, {
    nullable: true,
    description: "GB/T 4754 industry of the employer as reported (所属行业), e.g. 26 or C2614; needed to count the accident by industry",
  })
  industryCode?: string | null;

  @Field(() => String, { description: "GB 6441 category code, 01 to 20" })
  category: string;

  @Field(() => String, { description: "ISO 8601 date-time with zone" })
  occurredAt: string;

  @Field(() => String, { description: "ISO 8601 date-time with zone" })
  reportedAt: string;

  @Field(() => Int)
  deaths: number;

  @Field(() => Int)
  seriousInjuries: number;

  @Field(() => Int)
  minorInjuries: number;

  @Field(() => Int, { description: "下落不明" })
  missing: number;

  @Field(() => Float, { description: "Estimated direct economic loss, yuan, at most two decimals" })
  directLossYuan: number;

  @Field(() => String, { description: "简要经过, at most 2000 characters" })
  description: string;

  @Field(() => String, { description: "已经采取的措施, at most 2000 characters" })
  measuresTaken: string;
}

@InputType({ description: "A supplementary report (补报, 第十三条): the casualty figures as they now stand" })
class SupplementaryReportInput {
  @Field(() => ID)
  accidentId: string;

  @Field(() => String, { description: "ISO 8601 date-time with zone" })
  reportedAt: string;

  @Field(() => Int)
  deaths: number;

  @Field(() => Int)
  seriousInjuries: number;

  @Field(() => Int)
  missing: number;

  @Field(() => Float, { nullable: true, description: "Omitted: the loss last reported stands" })
  directLossYuan?: number | null;
}

const maxTextLength = 2000;
const maxInt = 2_147_483_647;

function requireText(field: string, value: string): string {
  const text = value.trim();
  if (text.length === 0) throw badUserInput(field, "不能为空");
  if ([...text].length > maxTextLength) throw badUserInput(field, `最多 ${maxTextLength} 个字符, 填写了 ${[...text].length} 个`);
  return text;
}

function requireCategory(field: string, code: string): string {
  if (!(code in accidentCategories)) throw badUserInput(field, `${JSON.stringify(code)} 不是 GB 6441 事故类别代码 (01 至 20)`);
  return code;
}

const requireCount = (field: string, value: number) => requireRange(field, value, 0, maxInt);

const AccidentConnection = Connection(Accident);

@Resolver(() => Accident)
export class AccidentResolver {
  @Query(() => Accident, { nullable: true })
  accident(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<Accident | null> {
    return loaders.one(Accident, "id").load(id);
  }

  @Query(() => AccidentConnection, { description: "Accidents, filtered, in id order" })
  accidents(@Args(() => AccidentFilter) filter: AccidentFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Accident).createQueryBuilder("accident");
    if (filter.regionCode) query.andWhere("accident.regionCode = :region", { region: requireRegionCode("regionCode", filter.regionCode) });
    if (filter.grade) query.andWhere("accident.grade = :grade", { grade: filter.grade });
    if (filter.category) query.andWhere("accident.category = :category", { category: requireCategory("category", filter.category) });
    if (filter.creditCode)
      query.andWhere("accident.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.from) query.andWhere("accident.occurredAt >= :from", { from: chinaDayStart(requireLocalDate("from", filter.from)) });
    if (filter.to) query.andWhere("accident.occurredAt < :to", { to: chinaDayStart(addDays(requireLocalDate("to", filter.to), 1)) });
    if (filter.from && filter.to) requireOrder("to", filter.from, filter.to, "from");
    return paginate(query, "id", filter);
  }

  @Mutation(() => Accident, { description: "Records an accident as the unit reported it (第九条, 第十二条), graded by 第三条" })
  async reportAccident(
    @Arg("input", () => ReportAccidentInput) input: ReportAccidentInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Accident> {
    requireOwnDepartment(identity, "emergency");
    const { creditCode, needsReview } = requireCreditCode("input.creditCode", input.creditCode);
    const regionCode = requireRegionCode("input.regionCode", input.regionCode);
    const category = requireCategory("input.category", input.category);
    const occurredAt = requireTimestamp("input.occurredAt", input.occurredAt);
    requireNotFuture("input.occurredAt", occurredAt, clock());
    if (chinaToday(occurredAt) < reportingRulesBegin)
      throw badUserInput("input.occurredAt", `早于国务院令第493号的施行日期 ${reportingRulesBegin}`);
    const reportedAt = requireTimestamp("input.reportedAt", input.reportedAt);
    requireOrder("input.reportedAt", occurredAt, reportedAt, "input.occurredAt");
    requireNotFuture("input.reportedAt", reportedAt, clock());
    const casualties = {
      deaths: requireCount("input.deaths", input.deaths),
      seriousInjuries: requireCount("input.seriousInjuries", input.seriousInjuries),
      minorInjuries: requireCount("input.minorInjuries", input.minorInjuries),
      missing: requireCount("input.missing", input.missing),
      directLossFen: yuanToFen("input.directLossYuan", input.directLossYuan, "nonNegative"),
    };
    const accident = Object.assign(new Accident(), {
      id: `AC-${chinaToday(occurredAt).slice(0, 4)}-${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      creditCode,
      creditCodeNeedsReview: needsReview,
      regionCode,
      industryCode: input.industryCode ? requireIndustryCode("input.industryCode", input.industryCode).digits : null,
      category,
      occurredAt,
      reportedAt,
      ...casualties,
      grade: accidentGrade(casualties),
      description: requireText("input.description", input.description),
      measuresTaken: requireText("input.measuresTaken", input.measuresTaken),
    });
    await db.transaction(async (manager) => {
      await manager.insert(Accident, accident);
      await manager.insert(AccidentReport, reportOf(accident, 1, reportedAt));
    });
    return accident;
  }

  @Mutation(() => Accident, { description: "Records a 补报 (第十三条) and recomputes the accident's figures and grade" })
  async addSupplementaryReport(
    @Arg("input", () => SupplementaryReportInput) input: SupplementaryReportInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Accident> {
    requireOwnDepartment(identity, "emergency");
    const reportedAt = requireTimestamp("input.reportedAt", input.reportedAt);
    const figures = {
      deaths: requireCount("input.deaths", input.deaths),
      seriousInjuries: requireCount("input.seriousInjuries", input.seriousInjuries),
      missing: requireCount("input.missing", input.missing),
    };
    const directLossFen =
      input.directLossYuan === undefined || input.directLossYuan === null
        ? undefined
        : yuanToFen("input.directLossYuan", input.directLossYuan, "nonNegative");
    return db.transaction(async (manager) => {
      const accident = await manager.findOneBy(Accident, { id: input.accidentId });
      if (!accident) throw badUserInput("input.accidentId", `没有编号为 ${JSON.stringify(input.accidentId)} 的事故`);
      const stored = await manager.find(AccidentReport, { where: { accidentId: accident.id }, order: { version: "ASC" } });
      // Accidents recorded before the history was kept: their figures stand as the first report.
      const history = stored.length > 0 ? stored : [reportOf(accident, 1, accident.reportedAt)];
      const latest = history[history.length - 1];
      requireOrder("input.reportedAt", latest.reportedAt, reportedAt, "上一次报告的报告时间");
      requireNotFuture("input.reportedAt", reportedAt, clock());
      const window = supplementaryWindow(accident);
      if (reportedAt.getTime() > window.closesAt.getTime()) {
        throw badUserInput(
          "input.reportedAt",
          `已过 ${window.days} 日的补报期限 (${window.basis}), 期限已于 ${window.closesAt.toISOString()} 届满`,
        );
      }
      if (stored.length === 0) await manager.insert(AccidentReport, history[0]);
      Object.assign(accident, figures, directLossFen === undefined ? {} : { directLossFen });
      accident.grade = accidentGrade(accident);
      await manager.insert(AccidentReport, reportOf(accident, latest.version + 1, reportedAt));
      await manager.update(Accident, { id: accident.id }, { ...figures, directLossFen: accident.directLossFen, grade: accident.grade });
      return accident;
    });
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() accident: Accident): Enterprise {
    return { creditCode: accident.creditCode };
  }

  @FieldResolver(() => String, { description: "GB 6441 category name" })
  categoryName(@Root() accident: Accident): string {
    return accidentCategories[accident.category];
  }

  @FieldResolver(() => Int, { description: "Minutes from occurrence to the report to government" })
  reportDelayMinutes(@Root() accident: Accident): number {
    return Math.round((accident.reportedAt.getTime() - accident.occurredAt.getTime()) / 60_000);
  }

  @FieldResolver(() => Boolean, { description: "Reported later than the one-hour rule (第九条)" })
  reportedLate(@Root() accident: Accident): boolean {
    return isReportedLate(accident);
  }

  @FieldResolver(() => [AccidentReport], { description: "The first report and every 补报, oldest first" })
  async reports(@Root() accident: Accident, @Ctx() { loaders }: SubgraphContext): Promise<AccidentReport[]> {
    const reports = await loaders.many(AccidentReport, "accidentId").load(accident.id);
    return [...reports].sort((a, b) => a.version - b.version);
  }

  @FieldResolver(() => Boolean, { description: "补报 moved the accident to a different grade than its first report" })
  async gradeChanged(@Root() accident: Accident, @Ctx() context: SubgraphContext): Promise<boolean> {
    const [first] = await this.reports(accident, context);
    return first !== undefined && first.grade !== accident.grade;
  }
}
