import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { checkRegionCode } from "../../reference/regions";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";
import { JointWorkStatistics, MeetingReport } from "./meeting-report.entity";

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @Query(() => MeetingReport, { description: "The meeting report for a region and a year; each department answers its own section" })
  meetingReport(@Arg("regionCode", () => String) regionCode: string, @Arg("period", () => String) period: string): MeetingReport {
    requireReportScope(regionCode, period);
    return { regionCode, period };
  }

  @FieldResolver(() => String, { description: "The region's name" })
  regionName(@Root() report: MeetingReport): string {
    const region = checkRegionCode(report.regionCode);
    return region.valid ? region.name : report.regionCode;
  }

  @FieldResolver(() => JointWorkStatistics)
  async jointWork(@Root() report: MeetingReport, @Ctx() { db }: SubgraphContext): Promise<JointWorkStatistics> {
    const scope = requireReportScope(report.regionCode, report.period);
    const inspections = await db
      .getRepository(JointInspection)
      .createQueryBuilder("inspection")
      .select("inspection.status", "status")
      .addSelect("COUNT(*)", "count")
      .where("inspection.plannedOn >= :from AND inspection.plannedOn < :until", scope)
      .groupBy("inspection.status")
      .getRawMany<{ status: string; count: string | number }>();
    const targets = await db
      .getRepository(InspectionTarget)
      .createQueryBuilder("target")
      .innerJoin(JointInspection, "inspection", "inspection.id = target.inspectionId")
      .select("COUNT(*)", "inspected")
      .addSelect("SUM(CASE WHEN target.rectificationDueOn IS NULL THEN 0 ELSE 1 END)", "ordered")
      .where("inspection.plannedOn >= :from AND inspection.plannedOn < :until", scope)
      .andWhere("target.creditCode LIKE :creditCodePattern", scope)
      .getRawOne<{ inspected: string | number; ordered: string | number | null }>();
    const count = (status?: InspectionStatus) =>
      inspections.filter((row) => !status || row.status === status).reduce((sum, row) => sum + Number(row.count), 0);
    return {
      inspectionsPlanned: count(),
      inspectionsClosed: count(InspectionStatus.CLOSED),
      enterprisesInspected: Number(targets?.inspected ?? 0),
      rectificationsOrdered: Number(targets?.ordered ?? 0),
    };
  }
}
