import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";
import { Person } from "./person.entity";

@ArgsType()
class OccupationalDiseaseCaseFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "Catalogue category code, e.g. 1 for pneumoconiosis and respiratory" })
  categoryCode?: string;
}

const OccupationalDiseaseCaseConnection = Connection(OccupationalDiseaseCase);

@Resolver(() => OccupationalDiseaseCase)
export class OccupationalDiseaseCaseResolver {
  @Query(() => OccupationalDiseaseCaseConnection)
  occupationalDiseaseCases(@Args(() => OccupationalDiseaseCaseFilter) filter: OccupationalDiseaseCaseFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(OccupationalDiseaseCase).createQueryBuilder("diagnosis");
    if (filter.categoryCode) query.andWhere("diagnosis.categoryCode = :category", { category: filter.categoryCode });
    return paginate(query, "id", filter);
  }

  @FieldResolver(() => Person, { nullable: true, description: "Resolved by its owning department; null while that department is unreachable" })
  person(@Root() diagnosis: OccupationalDiseaseCase): Person {
    return { pid: diagnosis.pid };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Resolved by its owning department; null while that department is unreachable" })
  enterprise(@Root() diagnosis: OccupationalDiseaseCase): Enterprise {
    return { creditCode: diagnosis.creditCode };
  }
}
