import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An accident owned by emergency management; transport only points at it. */
@ObjectType("Accident")
@Directive('@key(fields: "id", resolvable: false)')
export class AccidentReference {
  @Field(() => ID)
  id: string;
}
