import { Directive, Field, ObjectType } from "type-graphql";

/** A person owned by 人社; unions only point at a complainant by pid. */
@ObjectType("Person")
@Directive('@key(fields: "pid", resolvable: false)')
export class PersonReference {
  @Field(() => String)
  pid: string;
}
