import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { countOf, type RawCount } from "../../kernel/buckets";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { ConstructionProject } from "./construction-project.entity";
import { MeetingReport } from "./meeting-report.entity";
import { ConstructionSafetyInspection } from "./safety-inspection.entity";
import { SiteWorkerRegistration } from "./site-worker.entity";

@ObjectType({
  description:
    "住建's section: construction permits, safety inspections and site entries in the period. " +
    "按施工单位登记地统计: 施工单位统一社会信用代码第3至8位属于本地区的, 其施工项目、安全检查和进场工人计入本地区 (不按项目所在地)",
})
class ConstructionSafetyStatistics {
  @Field(() => Int, { description: "本期核发施工许可的项目" })
  projectsPermitted: number;

  @Field(() => Int, { description: "本期施工安全检查 (次)" })
  inspections: number;

  @Field(() => Int, { description: "其检查的项目 (个, 同一项目多次检查计一个)" })
  projectsInspected: number;

  @Field(() => Int, { description: "检查发现的隐患 (处)" })
  hazardsFound: number;

  @Field(() => Int, { description: "发现隐患并责令限期整改的检查 (次)" })
  rectificationsOrdered: number;

  @Field(() => Int, { description: "其中责令停工整改的 (次)" })
  stopWorkOrders: number;

  @Field(() => Int, { description: "本期进场实名登记的建筑工人 (人, 同一人多次进场计一人)" })
  workersEntered: number;
}

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => ConstructionSafetyStatistics, { nullable: true })
  async constructionSafetyStatistics(
    @Root() report: MeetingReport,
    @Ctx() { db, clock }: SubgraphContext,
  ): Promise<ConstructionSafetyStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const region = { pattern: scope.regionPattern };
    const period = { from: scope.from, until: scope.until };
    const permits = await db
      .getRepository(ConstructionProject)
      .createQueryBuilder("project")
      .select("COUNT(*)", "projectsPermitted")
      .where("project.employerRegionCode LIKE :pattern", region)
      .andWhere("project.permitIssuedOn >= :from AND project.permitIssuedOn < :until", period)
      .getRawOne<{ projectsPermitted: RawCount }>();
    const inspections = await db
      .getRepository(ConstructionSafetyInspection)
      .createQueryBuilder("inspection")
      .innerJoin(ConstructionProject, "project", "project.permitNo = inspection.projectPermitNo")
      .select("COUNT(*)", "inspections")
      .addSelect("COUNT(DISTINCT inspection.projectPermitNo)", "projectsInspected")
      .addSelect("SUM(inspection.hazards)", "hazardsFound")
      .addSelect("SUM(CASE WHEN inspection.rectificationDueOn IS NULL THEN 0 ELSE 1 END)", "rectificationsOrdered")
      .addSelect("SUM(CASE WHEN inspection.stopWorkOrdered = :stopped THEN 1 ELSE 0 END)", "stopWorkOrders")
      .where("project.employerRegionCode LIKE :pattern", region)
      .andWhere("inspection.inspectedOn >= :from AND inspection.inspectedOn < :until", period)
      .setParameter("stopped", true)
      .getRawOne<Record<"inspections" | "projectsInspected" | "hazardsFound" | "rectificationsOrdered" | "stopWorkOrders", RawCount>>();
    const entries = await db
      .getRepository(SiteWorkerRegistration)
      .createQueryBuilder("registration")
      .innerJoin(ConstructionProject, "project", "project.permitNo = registration.projectPermitNo")
      .select("COUNT(DISTINCT registration.pid)", "workersEntered")
      .where("project.employerRegionCode LIKE :pattern", region)
      .andWhere("registration.enteredOn >= :from AND registration.enteredOn < :until", period)
      .getRawOne<{ workersEntered: RawCount }>();
    return {
      projectsPermitted: countOf(permits?.projectsPermitted),
      inspections: countOf(inspections?.inspections),
      projectsInspected: countOf(inspections?.projectsInspected),
      hazardsFound: countOf(inspections?.hazardsFound),
      rectificationsOrdered: countOf(inspections?.rectificationsOrdered),
      stopWorkOrders: countOf(inspections?.stopWorkOrders),
      workersEntered: countOf(entries?.workersEntered),
    };
  }
}
