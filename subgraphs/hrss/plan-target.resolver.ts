import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { chinaToday } from "../../kernel/calendar";
import { badUserInput } from "../../kernel/errors";
import { nationalRegionCode, regionContains, regionPrefix } from "../../kernel/report-period";
import { LocalDate } from "../../kernel/scalars";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireLocalDate } from "../../kernel/validate";
import { keyIndustries } from "../../reference/key-industries";
import { allKeyIndustries, keyPostGroup, targetMetric } from "../../reference/target-metrics";
import { Enterprise } from "./enterprise.entity";
import { FeeBudget } from "./fee-budget.entity";
import { feeFigures } from "./fee-budget.figures";
import { InjuryRecognition, RecognitionStatus } from "./injury-recognition.entity";
import { PlanTarget, ProgressDatum, TargetProgress, TargetProgressStatus } from "./plan-target.entity";
import { expectedShare, judge, percent, type GoalKind } from "./target-progress.rules";
import { TrainingMode, TrainingRecord } from "./training-record.entity";
import { TrainingRosterEntry } from "./training-roster.entity";

/** What one metric measured: the achieved value (null: no data, with the reason), the goal and the data behind. */
interface Measurement {
  achieved: number | null;
  noDataReason?: string;
  /** For a reduction: the baseline value and the value the goal means. */
  baseline?: number | null;
  goalValue?: number | null;
  /** For a reduction: the reduction reached, in percent, which the status is judged on. */
  judgedOn?: number;
  method: string;
  data: ProgressDatum[];
}

interface Scope {
  regionPrefix: string;
  /** GB/T 4754 divisions, or undefined for every industry. */
  divisions?: string[];
  /** Key posts, or undefined for every post. */
  posts?: string[];
  from: string;
  to: string;
}

const datum = (code: string, label: string, value: number, unit: string, year: number | null = null): ProgressDatum => ({
  code,
  label,
  value,
  unit,
  year,
});

/** The divisions of a target's industry scope: key-industry codes joined by +, or all key industries. */
function divisionsOf(keyIndustry: string): string[] {
  const codes = keyIndustry === allKeyIndustries.code ? keyIndustries.map((industry) => industry.code) : keyIndustry.split("+");
  return codes.flatMap((code) => {
    const industry = keyIndustries.find((candidate) => candidate.code === code);
    if (!industry) throw badUserInput("keyIndustry", `${code} 不是 reference/key-industries.ts 中的重点行业代码`);
    return [...industry.divisions];
  });
}

/** Restricts a query joined to `enterprise` to the scope's employers: region by prefix, industry by division. */
function inScope<T extends object>(query: SelectQueryBuilder<T>, scope: Scope): SelectQueryBuilder<T> {
  query.andWhere("enterprise.employerRegionCode LIKE :regionPattern", { regionPattern: `${scope.regionPrefix}%` });
  if (scope.divisions) query.andWhere("SUBSTR(enterprise.industryCode, 1, 2) IN (:...divisions)", { divisions: scope.divisions });
  return query;
}

/** A national target measured by the hub: over what the hub holds, which is its own region's data, never the country's. */
const nationalMeasure = "全国目标: 按本中心持有的全部数据 (即本中心所服务地区的数据) 计算, 不是全国数字";

const placement = "按用人单位登记地 (统一社会信用代码第3至8位) 归属地区, 与会议报告各部分同一规则";

async function insuredEnterprises(db: DataSource, scope: Scope): Promise<{ enterprises: number; insured: number }> {
  const row = await inScope(
    db
      .getRepository(Enterprise)
      .createQueryBuilder("enterprise")
      .select("COUNT(*)", "enterprises")
      .addSelect("SUM(enterprise.insuredHeadcount)", "insured"),
    scope,
  ).getRawOne<{ enterprises: string | number; insured: string | number | null }>();
  return { enterprises: Number(row?.enterprises ?? 0), insured: Number(row?.insured ?? 0) };
}

/** Distinct persons trained in the scope and span, optionally only offline, online or with practical training. */
async function trainedPersons(db: DataSource, scope: Scope, only?: "OFFLINE" | "ONLINE" | "PRACTICAL"): Promise<Measurement> {
  const employers = await insuredEnterprises(db, scope);
  const query = inScope(
    db
      .getRepository(TrainingRecord)
      .createQueryBuilder("record")
      .innerJoin(Enterprise, "enterprise", "enterprise.creditCode = record.creditCode")
      .select("COUNT(DISTINCT record.pid)", "persons")
      .addSelect("COUNT(*)", "sessions")
      .addSelect("COUNT(DISTINCT record.creditCode)", "employers")
      .where("record.trainedOn BETWEEN :from AND :to", { from: scope.from, to: scope.to }),
    scope,
  );
  if (scope.posts) query.andWhere("record.post IN (:...posts)", { posts: scope.posts });
  if (only === "OFFLINE" || only === "ONLINE")
    query.andWhere("record.mode = :mode", { mode: only === "OFFLINE" ? TrainingMode.OFFLINE : TrainingMode.ONLINE });
  if (only === "PRACTICAL") query.andWhere("record.practical = :practical", { practical: true });
  const row = await query.getRawOne<{ persons: string | number; sessions: string | number; employers: string | number }>();
  const persons = Number(row?.persons ?? 0);
  const what = { OFFLINE: "线下", ONLINE: "线上", PRACTICAL: "含实操的" };
  return {
    achieved: employers.enterprises === 0 ? null : persons,
    noDataReason: "范围内没有参保单位",
    method: `统计 ${scope.from} 至 ${scope.to} 有${only ? what[only] : ""}培训记录的人数 (按人去重, 一人多次只计一次); ${placement}`,
    data: [
      datum("TRAINED_PERSONS", "培训人数", persons, "人"),
      datum("SESSIONS", "培训记录条数", Number(row?.sessions ?? 0), "条"),
      datum("TRAINING_EMPLOYERS", "有培训的单位数", Number(row?.employers ?? 0), "家"),
      datum("INSURED_EMPLOYERS", "范围内参保单位数", employers.enterprises, "家"),
    ],
  };
}

/** trained ∩ roster / roster: roster people of the scope who trained (at that employer) in the span. */
async function rosterCoverage(db: DataSource, scope: Scope): Promise<Measurement> {
  const query = inScope(
    db
      .getRepository(TrainingRosterEntry)
      .createQueryBuilder("roster")
      .innerJoin(Enterprise, "enterprise", "enterprise.creditCode = roster.creditCode")
      .select("COUNT(*)", "rostered")
      .addSelect("COUNT(DISTINCT roster.creditCode)", "employers")
      .addSelect(
        (trained) =>
          trained
            .select("COUNT(*)")
            .from(TrainingRosterEntry, "covered")
            .innerJoin(Enterprise, "coveredEmployer", "coveredEmployer.creditCode = covered.creditCode")
            .where("coveredEmployer.employerRegionCode LIKE :regionPattern")
            .andWhere(scope.divisions ? "SUBSTR(coveredEmployer.industryCode, 1, 2) IN (:...divisions)" : "1 = 1")
            .andWhere(scope.posts ? "covered.post IN (:...posts)" : "1 = 1")
            .andWhere("covered.surveyedOn <= :to")
            .andWhere(
              (exists) =>
                `EXISTS ${exists
                  .subQuery()
                  .select("1")
                  .from(TrainingRecord, "record")
                  .where("record.pid = covered.pid AND record.creditCode = covered.creditCode")
                  .andWhere("record.trainedOn BETWEEN :from AND :to")
                  .getQuery()}`,
            ),
        "trained",
      )
      .where("roster.surveyedOn <= :to", { from: scope.from, to: scope.to }),
    scope,
  );
  if (scope.posts) query.andWhere("roster.post IN (:...posts)", { posts: scope.posts });
  const row = await query.getRawOne<{ rostered: string | number; employers: string | number; trained: string | number | null }>();
  const rostered = Number(row?.rostered ?? 0);
  const trained = Number(row?.trained ?? 0);
  return {
    achieved: rostered === 0 ? null : percent(trained, rostered),
    noDataReason: "范围内没有登记应受训人员名单 (摸底), 覆盖率无分母",
    method: `应受训名单 (${scope.to} 前摸底登记) 中, ${scope.from} 至 ${scope.to} 在该单位有培训记录的人数 ÷ 名单人数; ${placement}`,
    data: [
      datum("ROSTER_PERSONS", "应受训人数 (摸底名单)", rostered, "人"),
      datum("TRAINED_ROSTER_PERSONS", "其中已培训", trained, "人"),
      datum("ROSTER_EMPLOYERS", "登记名单的单位数", Number(row?.employers ?? 0), "家"),
    ],
  };
}

/**
 * Recognised work injuries per 1,000 insured, the baseline year against the latest whole year
 * counted. hrss keeps the insured headcount as it is now, not per year, so both years divide by
 * today's headcount: the change is then the change in recognised injuries, and the method says so.
 */
async function injuryIncidence(db: DataSource, scope: Scope, target: PlanTarget, asOf: string): Promise<Measurement> {
  const { insured, enterprises } = await insuredEnterprises(db, scope);
  const method = `认定工伤数 (按受伤日期归年) ÷ 参保人数 × 1000; 参保人数取当前登记数 (人社不保存历年参保人数, 两年同一分母); ${placement}`;
  if (enterprises === 0 || insured === 0)
    return {
      achieved: null,
      noDataReason: "范围内没有参保人员, 发生率无分母",
      method,
      data: [datum("INSURED", "参保人数", insured, "人")],
    };
  if (target.baselineYear === null) throw badUserInput("baselineYear", "降幅目标须有基准年");
  const lastWholeYear = Math.min(Number(target.deadline.slice(0, 4)), Number(asOf.slice(0, 4)) - (asOf.endsWith("-12-31") ? 0 : 1));
  const years = [target.baselineYear, ...(lastWholeYear > target.baselineYear ? [lastWholeYear] : [])];
  const rows = await inScope(
    db
      .getRepository(InjuryRecognition)
      .createQueryBuilder("recognition")
      .innerJoin(Enterprise, "enterprise", "enterprise.creditCode = recognition.creditCode")
      .select("SUBSTR(recognition.injuredOn, 1, 4)", "year")
      .addSelect("COUNT(*)", "injuries")
      .where("recognition.status = :recognised", { recognised: RecognitionStatus.RECOGNISED })
      .andWhere("recognition.injuredOn >= :from AND recognition.injuredOn <= :to", {
        from: `${target.baselineYear}-01-01`,
        to: `${years[years.length - 1]}-12-31`,
      })
      .groupBy("SUBSTR(recognition.injuredOn, 1, 4)"),
    scope,
  ).getRawMany<{ year: string; injuries: string | number }>();
  const injuriesIn = (year: number) => Number(rows.find((row) => Number(row.year) === year)?.injuries ?? 0);
  const incidence = (year: number) => Math.round((injuriesIn(year) * 1_000_000) / insured) / 1000;
  const data = [
    datum("INSURED", "参保人数 (当前)", insured, "人"),
    ...years.map((year) => datum("RECOGNISED_INJURIES", "认定工伤数", injuriesIn(year), "人", year)),
    ...years.map((year) => datum("INCIDENCE", "工伤发生率", incidence(year), "‰", year)),
  ];
  const baseline = target.baselineValue ?? incidence(target.baselineYear);
  if (years.length === 1) return { achieved: null, noDataReason: `${target.baselineYear} 年之后尚无完整年度数据`, baseline, method, data };
  if (baseline === 0)
    return { achieved: null, noDataReason: `基准年 ${target.baselineYear} 没有认定工伤, 无法计算降幅`, baseline, method, data };
  const current = incidence(lastWholeYear);
  return {
    achieved: current,
    baseline,
    goalValue: Math.round(baseline * (100 - target.goalValue) * 10) / 1000,
    judgedOn: percent(baseline - current, baseline),
    method: `${method}; ${lastWholeYear} 年较基准年 ${target.baselineYear} 的降幅`,
    data,
  };
}

/** Contracts committed against the budgets of the pooling areas in scope, in yuan. */
async function feeCommitted(db: DataSource, target: PlanTarget, countedTo: string): Promise<Measurement> {
  const years = Array.from(
    { length: Number(target.deadline.slice(0, 4)) - Number(target.periodStart.slice(0, 4)) + 1 },
    (_, index) => Number(target.periodStart.slice(0, 4)) + index,
  );
  const budgets = (await db.getRepository(FeeBudget).find()).filter(
    (budget) => years.includes(budget.year) && regionContains(target.regionCode, budget.poolingAreaCode),
  );
  const figures = await feeFigures(db.manager, budgets, countedTo);
  const total = (key: "budgetFen" | "committedFen" | "paidFen") => figures.reduce((sum, entry) => sum + entry[key], 0);
  return {
    achieved: figures.length === 0 ? null : total("committedFen") / 100,
    noDataReason: `范围内没有 ${years.join("、")} 年的工伤预防费预算`,
    method: `已立项项目的合同金额 (验收不合格的只计已支付部分), 计入其所属年度预算; 截至 ${countedTo}`,
    data: [
      datum("BUDGET", "预算 (已批准预算项目合计)", total("budgetFen") / 100, "元"),
      datum("COMMITTED", "已签约使用", total("committedFen") / 100, "元"),
      datum("PAID", "已支付", total("paidFen") / 100, "元"),
    ],
  };
}

@Resolver(() => PlanTarget)
export class PlanTargetResolver {
  @FieldResolver(() => TargetProgress, {
    description: "Progress computed from hrss's records as of a day (default: the hub's today); the report passes its period's last day",
  })
  async progress(
    @Root() target: PlanTarget,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOfArgument: string | null,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<TargetProgress> {
    const today = chinaToday(clock());
    const asOf = asOfArgument ? requireLocalDate("asOf", asOfArgument) : today;
    if (asOf > today) throw badUserInput("asOf", `不能晚于今天 (${today}): 未来的进度无从计算`);
    const countedTo = asOf < target.deadline ? asOf : target.deadline;
    const expected = expectedShare(target.periodStart, target.deadline, countedTo);
    const base = { asOf, countedFrom: target.periodStart, countedTo, expectedSharePercent: expected };
    if (asOf < target.periodStart) {
      return {
        ...base,
        countedTo: target.periodStart,
        status: TargetProgressStatus.NOT_STARTED,
        statusText: `尚未开始 (自 ${target.periodStart} 起计)`,
        achievedValue: null,
        goalValue: target.goalKind === "REDUCE_BY_PERCENT" ? null : target.goalValue,
        baselineValue: target.baselineValue,
        sharePercent: null,
        expectedSharePercent: 0,
        method: "",
        data: [],
      };
    }
    const group = target.keyPostGroup === null ? undefined : keyPostGroup(target.keyPostGroup);
    if (target.keyPostGroup !== null && !group) throw badUserInput("keyPostGroup", `${target.keyPostGroup} 不是已知的重点岗位人员类别`);
    const scope: Scope = {
      regionPrefix: regionPrefix(target.regionCode),
      divisions: target.keyIndustry === null ? undefined : divisionsOf(target.keyIndustry),
      posts: group ? [...group.posts] : undefined,
      from: target.periodStart,
      to: countedTo,
    };
    const measured = await this.measure(db, target, scope, asOf);
    const goalValue = measured.goalValue !== undefined ? measured.goalValue : target.goalValue;
    const common = {
      ...base,
      goalValue,
      baselineValue: measured.baseline ?? target.baselineValue,
      method: target.regionCode === nationalRegionCode ? `${measured.method}; ${nationalMeasure}` : measured.method,
      data: measured.data,
    };
    if (measured.achieved === null) {
      return {
        ...common,
        status: TargetProgressStatus.NO_DATA,
        statusText: `无数据: ${measured.noDataReason}`,
        achievedValue: null,
        sharePercent: null,
      };
    }
    const kind = target.goalKind as GoalKind;
    const judged =
      kind === "REDUCE_BY_PERCENT"
        ? judge(kind, measured.judgedOn ?? 0, target.goalValue, expected, asOf >= target.deadline)
        : judge(kind, measured.achieved, target.goalValue, expected, asOf >= target.deadline);
    return { ...common, ...judged, achievedValue: measured.achieved };
  }

  private measure(db: DataSource, target: PlanTarget, scope: Scope, asOf: string): Promise<Measurement> {
    switch (target.metric) {
      case "TRAINED_PERSONS":
        return trainedPersons(db, scope);
      case "TRAINED_PERSONS_OFFLINE":
        return trainedPersons(db, scope, "OFFLINE");
      case "TRAINED_PERSONS_ONLINE":
        return trainedPersons(db, scope, "ONLINE");
      case "TRAINED_PERSONS_WITH_PRACTICAL":
        return trainedPersons(db, scope, "PRACTICAL");
      case "ROSTER_COVERAGE":
        return rosterCoverage(db, scope);
      case "INJURY_INCIDENCE":
        return injuryIncidence(db, scope, target, asOf);
      case "FEE_COMMITTED":
        return feeCommitted(db, target, scope.to);
      default:
        // A metric another department owns, or one this build does not know: said, never guessed.
        return Promise.resolve({
          achieved: null,
          noDataReason: `指标 ${targetMetric(target.metric)?.name ?? target.metric} 不由人社计算`,
          method: "",
          data: [],
        });
    }
  }
}
