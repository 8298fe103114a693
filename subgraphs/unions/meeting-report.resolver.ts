import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { countOf, type RawCount } from "../../kernel/buckets";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { Complaint, ComplaintCategory, ComplaintStatus } from "./complaint.entity";
import { MeetingReport } from "./meeting-report.entity";
import { CheckStatus, SupervisionCheck } from "./supervision-check.entity";

@ObjectType()
class ComplaintCategoryCount {
  @Field(() => ComplaintCategory)
  category: ComplaintCategory;

  @Field(() => Int)
  complaints: number;
}

@ObjectType({
  description:
    "总工会's section: labour-protection supervision checks and workers' complaints in the period. " +
    "按用人单位登记地统计: 被检查或被投诉单位统一社会信用代码第3至8位属于本地区的计入本地区。" +
    "工会组织的工伤预防培训不记录用人单位, 无法按区县划分, 不在本部分",
})
class UnionSupervisionStatistics {
  @Field(() => Int, { description: "本期劳动保护监督检查 (次)" })
  checks: number;

  @Field(() => Int, { description: "被检查的用人单位 (家, 同一单位多次检查计一家)" })
  enterprisesChecked: number;

  @Field(() => Int, { description: "检查发现的隐患 (处)" })
  hazardsFound: number;

  @Field(() => Int, { description: "其中发现隐患、读取时仍未整改完毕的检查 (次)" })
  checksAwaitingRectification: number;

  @Field(() => Int, { description: "本期受理的职工投诉 (件)" })
  complaintsReceived: number;

  @Field(() => Int, { description: "其中转办有关部门的 (件)" })
  complaintsTransferred: number;

  @Field(() => Int, { description: "其中读取时已办结的 (件)" })
  complaintsResolved: number;

  @Field(() => [ComplaintCategoryCount], { description: "Complaints by category, most first; a category with none is left out" })
  complaintsByCategory: ComplaintCategoryCount[];
}

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => UnionSupervisionStatistics, { nullable: true })
  async unionSupervisionStatistics(
    @Root() report: MeetingReport,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<UnionSupervisionStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const region = { pattern: scope.regionPattern };
    const period = { from: scope.from, until: scope.until };
    const checks = await db
      .getRepository(SupervisionCheck)
      .createQueryBuilder("supervision")
      .select("COUNT(*)", "checks")
      .addSelect("COUNT(DISTINCT supervision.creditCode)", "enterprisesChecked")
      .addSelect("SUM(supervision.hazardsFound)", "hazardsFound")
      .addSelect("SUM(CASE WHEN supervision.status = :open THEN 1 ELSE 0 END)", "checksAwaitingRectification")
      .where("supervision.employerRegionCode LIKE :pattern", region)
      .andWhere("supervision.checkedOn >= :from AND supervision.checkedOn < :until", period)
      .setParameter("open", CheckStatus.OPEN)
      .getRawOne<Record<"checks" | "enterprisesChecked" | "hazardsFound" | "checksAwaitingRectification", RawCount>>();
    const complaints = await db
      .getRepository(Complaint)
      .createQueryBuilder("complaint")
      .select("complaint.category", "category")
      .addSelect("COUNT(*)", "complaints")
      .addSelect("SUM(CASE WHEN complaint.transferredTo IS NULL THEN 0 ELSE 1 END)", "transferred")
      .addSelect("SUM(CASE WHEN complaint.status = :resolved THEN 1 ELSE 0 END)", "resolved")
      .where("complaint.employerRegionCode LIKE :pattern", region)
      .andWhere("complaint.receivedOn >= :from AND complaint.receivedOn < :until", period)
      .setParameter("resolved", ComplaintStatus.RESOLVED)
      .groupBy("complaint.category")
      .getRawMany<{ category: ComplaintCategory; complaints: RawCount; transferred: RawCount; resolved: RawCount }>();
    const total = (key: "complaints" | "transferred" | "resolved") => complaints.reduce((sum, row) => sum + countOf(row[key]), 0);
    return {
      checks: countOf(checks?.checks),
      enterprisesChecked: countOf(checks?.enterprisesChecked),
      hazardsFound: countOf(checks?.hazardsFound),
      checksAwaitingRectification: countOf(checks?.checksAwaitingRectification),
      complaintsReceived: total("complaints"),
      complaintsTransferred: total("transferred"),
      complaintsResolved: total("resolved"),
      complaintsByCategory: complaints
        .map((row) => ({ category: row.category, complaints: countOf(row.complaints) }))
        .sort((a, b) => b.complaints - a.complaints || a.category.localeCompare(b.category)),
    };
  }
}
