import { Directive, Field, ObjectType } from "type-graphql";

/** The meeting report as the trade unions see it: the joint-prevention office's report, to which this department adds its section, asked for it directly (kernel/meeting-report.ts). */
@ObjectType()
@Directive('@key(fields: "regionCode period")')
export class MeetingReport {
  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  period: string;
}
