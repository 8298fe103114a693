import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { addDays } from "../../kernel/calendar";
import { employerRegionRule } from "../../kernel/employer-region";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { checkRegionCode } from "../../reference/regions";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";
import { JointWorkStatistics, MeetingReport } from "./meeting-report.entity";

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => String, { description: "The region's name" })
  regionName(@Root() report: MeetingReport): string {
    const region = checkRegionCode(report.regionCode);
    return region.valid ? region.name : report.regionCode;
  }

  @FieldResolver(() => String, { description: "How every section places an event in the region, in Chinese" })
  regionRule(): string {
    return employerRegionRule;
  }

  @FieldResolver(() => String, { description: "The period's first day, YYYY-MM-DD" })
  periodStart(@Root() report: MeetingReport, @Ctx() { clock }: SubgraphContext): string {
    return requireReportScope(report.regionCode, report.period, clock()).from;
  }

  @FieldResolver(() => String, { description: "The period's last day, YYYY-MM-DD" })
  periodEnd(@Root() report: MeetingReport, @Ctx() { clock }: SubgraphContext): string {
    return addDays(requireReportScope(report.regionCode, report.period, clock()).until, -1);
  }

  @FieldResolver(() => JointWorkStatistics)
  async jointWork(@Root() report: MeetingReport, @Ctx() { db, clock }: SubgraphContext): Promise<JointWorkStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    // An inspection belongs to the region's report when at least one enterprise it inspected is registered there.
    const rows = await db
      .getRepository(InspectionTarget)
      .createQueryBuilder("target")
      .innerJoin(JointInspection, "inspection", "inspection.id = target.inspectionId")
      .select("inspection.status", "status")
      .addSelect("COUNT(DISTINCT inspection.id)", "inspections")
      .addSelect("COUNT(*)", "inspected")
      .addSelect("SUM(CASE WHEN target.rectificationDueOn IS NULL THEN 0 ELSE 1 END)", "ordered")
      .where("target.employerRegionCode LIKE :regionPattern", scope)
      .andWhere("inspection.plannedOn >= :from AND inspection.plannedOn < :until", scope)
      .groupBy("inspection.status")
      .getRawMany<{ status: string; inspections: string | number; inspected: string | number; ordered: string | number | null }>();
    const total = (key: "inspections" | "inspected" | "ordered", status?: InspectionStatus) =>
      rows.filter((row) => !status || row.status === status).reduce((sum, row) => sum + Number(row[key] ?? 0), 0);
    return {
      inspectionsPlanned: total("inspections"),
      inspectionsClosed: total("inspections", InspectionStatus.CLOSED),
      enterprisesInspected: total("inspected"),
      rectificationsOrdered: total("ordered"),
    };
  }
}
