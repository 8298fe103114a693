import { Directive, Field, ObjectType } from "type-graphql";

/** The enterprise as emergency management sees it: 人社 owns the record, this adds its accidents. */
@ObjectType()
@Directive('@key(fields: "creditCode")')
export class Enterprise {
  @Field(() => String)
  creditCode: string;
}
