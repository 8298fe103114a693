import { Directive, Field, ObjectType } from "type-graphql";

/** The person as health sees it: known only by pid, with their diagnoses. */
@ObjectType()
@Directive('@key(fields: "pid")')
export class Person {
  @Field(() => String)
  pid: string;
}
