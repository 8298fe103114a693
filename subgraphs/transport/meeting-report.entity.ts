import { Directive, Field, ObjectType } from "type-graphql";

/** The meeting report as transport sees it: the joint-prevention office owns it, this adds its section. */
@ObjectType()
@Directive('@key(fields: "regionCode period")')
export class MeetingReport {
  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  period: string;
}
