import { Directive, Field, Int, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "The joint-prevention office's own figures in a meeting report: joint inspections with at least one target registered in the region",
})
export class JointWorkStatistics {
  @Field(() => Int, { description: "Joint inspections planned in the period that inspected an enterprise of the region" })
  inspectionsPlanned: number;

  @Field(() => Int, { description: "Of those, closed" })
  inspectionsClosed: number;

  @Field(() => Int, { description: "Enterprises of the region inspected in them" })
  enterprisesInspected: number;

  @Field(() => Int, { description: "Of those, with hazards found and a rectification deadline" })
  rectificationsOrdered: number;
}

/**
 * The leading group's meeting report (领导小组会议报告) for a region and a period: the office owns
 * the report, and each department adds its own section, aggregated in its own database.
 */
@ObjectType()
@Directive('@key(fields: "regionCode period")')
export class MeetingReport {
  @Field(() => String, { description: "GB/T 2260 region: a county, or a prefecture or province with everything under it" })
  regionCode: string;

  @Field(() => String, { description: "A calendar year YYYY or quarter YYYY-Qn" })
  period: string;
}
