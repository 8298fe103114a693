import { Directive, Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "The joint-prevention office's own figures in a meeting report" })
export class JointWorkStatistics {
  @Field(() => Int, { description: "Joint inspections planned in the period" })
  inspectionsPlanned: number;

  @Field(() => Int, { description: "Of those, closed" })
  inspectionsClosed: number;

  @Field(() => Int, { description: "Enterprises of the region inspected in them" })
  enterprisesInspected: number;

  @Field(() => Int, { description: "Of those, with hazards found and a rectification deadline" })
  rectificationsOrdered: number;
}

/**
 * The leading group's meeting report (领导小组会议报告) for a region and a year: the office owns
 * the report, and each department adds its own section, aggregated in its own database.
 */
@ObjectType()
@Directive('@key(fields: "regionCode period")')
export class MeetingReport {
  @Field(() => String, { description: "GB/T 2260 region: a county, or a prefecture or province with everything under it" })
  regionCode: string;

  @Field(() => String, { description: "Calendar year, YYYY" })
  period: string;
}
