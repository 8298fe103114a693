import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { InjuryRecognition } from "./injury-recognition.entity";
import { Person } from "./person.entity";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One insured person by pseudonymous key" })
  person(@Arg("pid", () => String) pid: string, @Ctx() { loaders }: SubgraphContext): Promise<Person | null> {
    return loaders.one(Person, "pid").load(pid);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Current insured employer" })
  async employer(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<Enterprise | null> {
    return person.employerCreditCode ? loaders.one(Enterprise, "creditCode").load(person.employerCreditCode) : null;
  }

  @FieldResolver(() => [InjuryRecognition])
  injuryRecognitions(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<InjuryRecognition[]> {
    return loaders.many(InjuryRecognition, "pid").load(person.pid);
  }
}
