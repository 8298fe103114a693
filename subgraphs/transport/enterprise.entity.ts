import { Directive, Field, ObjectType } from "type-graphql";

/** The enterprise as transport sees it: 人社 owns the record, this adds its own records. */
@ObjectType()
@Directive('@key(fields: "creditCode")')
export class Enterprise {
  @Field(() => String)
  creditCode: string;
}
