import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode } from "../../kernel/validate";
import { chinaToday } from "../../kernel/calendar";
import { Enterprise } from "./enterprise.entity";
import { SafetyLicence, SafetyLicenceKind, SafetyLicenceStatus, licenceStatus } from "./safety-licence.entity";

@ArgsType()
class SafetyLicenceFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  creditCode?: string;

  @Field(() => SafetyLicenceKind, { nullable: true })
  kind?: SafetyLicenceKind;
}

const SafetyLicenceConnection = Connection(SafetyLicence);

@Resolver(() => SafetyLicence)
export class SafetyLicenceResolver {
  @Query(() => SafetyLicenceConnection, { description: "Work-safety licences, filtered, in licence-number order" })
  safetyLicences(@Args(() => SafetyLicenceFilter) filter: SafetyLicenceFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(SafetyLicence).createQueryBuilder("licence");
    if (filter.creditCode)
      query.andWhere("licence.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.kind) query.andWhere("licence.kind = :kind", { kind: filter.kind });
    return paginate(query, "licenceNo", filter);
  }

  @FieldResolver(() => SafetyLicenceStatus, { description: "As of today (China time)" })
  status(@Root() licence: SafetyLicence): SafetyLicenceStatus {
    return licenceStatus(licence, chinaToday());
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() licence: SafetyLicence): Enterprise {
    return { creditCode: licence.creditCode };
  }
}
