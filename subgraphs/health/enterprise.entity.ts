import { Directive, Field, ObjectType } from "type-graphql";

/** The enterprise as health sees it: 人社 owns the record, this adds its occupational-disease cases. */
@ObjectType()
@Directive('@key(fields: "creditCode")')
export class Enterprise {
  @Field(() => String)
  creditCode: string;
}
