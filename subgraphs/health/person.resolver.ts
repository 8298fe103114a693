import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { HealthExamination } from "./health-examination.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";
import { Person } from "./person.entity";

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [OccupationalDiseaseCase], { nullable: true, description: "This person's occupational-disease diagnoses" })
  occupationalDiseaseCases(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<OccupationalDiseaseCase[]> {
    return loaders.many(OccupationalDiseaseCase, "pid").load(person.pid);
  }

  @FieldResolver(() => [HealthExamination], {
    nullable: true,
    description: "This person's occupational health examinations (职业健康检查)",
  })
  healthExaminations(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<HealthExamination[]> {
    return loaders.many(HealthExamination, "pid").load(person.pid);
  }
}
