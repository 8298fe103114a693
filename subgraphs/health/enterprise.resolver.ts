import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [OccupationalDiseaseCase], { nullable: true, description: "Occupational-disease cases diagnosed among its workers" })
  occupationalDiseaseCases(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<OccupationalDiseaseCase[]> {
    return loaders.many(OccupationalDiseaseCase, "creditCode").load(enterprise.creditCode);
  }
}
