import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";
import { Person } from "./person.entity";

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [OccupationalDiseaseCase], { nullable: true, description: "This person's occupational-disease diagnoses" })
  occupationalDiseaseCases(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<OccupationalDiseaseCase[]> {
    return loaders.many(OccupationalDiseaseCase, "pid").load(person.pid);
  }
}
