import { Directive, Field, ObjectType } from "type-graphql";

/** The person as housing sees it: known only by pid, with their site registrations. */
@ObjectType()
@Directive('@key(fields: "pid")')
export class Person {
  @Field(() => String)
  pid: string;
}
