import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { countOf, monthBuckets, type RawCount } from "../../kernel/buckets";
import { chinaDayStart } from "../../kernel/calendar";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { AccidentGrade } from "./accident-grade";
import { Accident } from "./accident.entity";
import { MeetingReport } from "./meeting-report.entity";

@ObjectType()
class GradeCount {
  @Field(() => AccidentGrade)
  grade: AccidentGrade;

  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;
}

@ObjectType()
class MonthCount {
  @Field(() => String, { description: "YYYY-MM, China time" })
  month: string;

  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;
}

@ObjectType({ description: "应急's section: production-safety accidents in the period of employers registered in the region" })
class AccidentStatistics {
  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;

  @Field(() => Int)
  seriousInjuries: number;

  @Field(() => [GradeCount], { description: "By grade, most severe first; grades with no accident are left out" })
  byGrade: GradeCount[];

  @Field(() => [MonthCount], { description: "Every month of the period, in order, by the China day the accident happened" })
  byMonth: MonthCount[];
}

const severity = [AccidentGrade.ESPECIALLY_MAJOR, AccidentGrade.MAJOR, AccidentGrade.LARGER, AccidentGrade.ORDINARY];

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => AccidentStatistics, { nullable: true })
  async accidentStatistics(@Root() report: MeetingReport, @Ctx() { db, clock }: SubgraphContext): Promise<AccidentStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    // One GROUP BY for both tables: by grade, and by China month (a CASE over the months' boundaries).
    const months = monthBuckets("accident.occurredAt", scope.months, "moment");
    const rows = await db
      .getRepository(Accident)
      .createQueryBuilder("accident")
      .select("accident.grade", "grade")
      .addSelect(months.expression, "month")
      .addSelect("COUNT(*)", "accidents")
      .addSelect("SUM(accident.deaths)", "deaths")
      .addSelect("SUM(accident.seriousInjuries)", "seriousInjuries")
      .where("accident.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .andWhere("accident.occurredAt >= :from AND accident.occurredAt < :until", {
        from: chinaDayStart(scope.from),
        until: chinaDayStart(scope.until),
      })
      .setParameters(months.parameters)
      .groupBy("accident.grade")
      .addGroupBy("month")
      .getRawMany<{ grade: AccidentGrade; month: string; accidents: RawCount; deaths: RawCount; seriousInjuries: RawCount }>();
    const byGrade = severity
      .map((grade) => {
        const ofGrade = rows.filter((row) => row.grade === grade);
        const sum = (key: "accidents" | "deaths" | "seriousInjuries") => ofGrade.reduce((total, row) => total + countOf(row[key]), 0);
        return { grade, accidents: sum("accidents"), deaths: sum("deaths"), seriousInjuries: sum("seriousInjuries") };
      })
      .filter((row) => row.accidents > 0);
    const byMonth = scope.months.map((month) => {
      const ofMonth = rows.filter((row) => row.month === month);
      return {
        month,
        accidents: ofMonth.reduce((total, row) => total + countOf(row.accidents), 0),
        deaths: ofMonth.reduce((total, row) => total + countOf(row.deaths), 0),
      };
    });
    const total = (key: "accidents" | "deaths" | "seriousInjuries") => byGrade.reduce((sum, row) => sum + row[key], 0);
    return {
      accidents: total("accidents"),
      deaths: total("deaths"),
      seriousInjuries: total("seriousInjuries"),
      byGrade: byGrade.map(({ grade, accidents, deaths }) => ({ grade, accidents, deaths })),
      byMonth,
    };
  }
}
