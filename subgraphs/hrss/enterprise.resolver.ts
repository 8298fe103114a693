import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { checkCreditCode } from "../../kernel/identifiers/credit-code";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { InjuryRecognition } from "./injury-recognition.entity";

@ArgsType()
class EnterpriseFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "GB/T 2260 region code" })
  regionCode?: string;

  @Field(() => String, { nullable: true, description: "GB/T 4754-2017 industry code prefix, e.g. 26" })
  industryCode?: string;

  @Field(() => Int, { nullable: true, description: "Risk class 1 to 8" })
  riskClass?: number;

  @Field(() => String, { nullable: true, description: "Part of the registered name, 1 to 50 characters" })
  nameContains?: string;
}

/** `%` and `_` in a name are themselves; `!` escapes them (MySQL and SQLite both honour ESCAPE). */
const likePattern = (text: string) => `%${text.replace(/[!%_]/g, "!$&")}%`;

const EnterpriseConnection = Connection(Enterprise);

export function normalizedCreditCode(value: string, field = "creditCode"): string {
  const check = checkCreditCode(value);
  if (!check.valid) throw badUserInput(field, check.reason);
  return check.normalized;
}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: "One enterprise by its unified social credit code" })
  async enterprise(@Arg("creditCode", () => String) creditCode: string, @Ctx() { loaders }: SubgraphContext): Promise<Enterprise | null> {
    return loaders.one(Enterprise, "creditCode").load(normalizedCreditCode(creditCode));
  }

  @Query(() => EnterpriseConnection, { description: "Insured enterprises, filtered, in credit-code order" })
  async enterprises(@Args(() => EnterpriseFilter) filter: EnterpriseFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Enterprise).createQueryBuilder("enterprise");
    if (filter.regionCode) query.andWhere("enterprise.regionCode = :region", { region: filter.regionCode });
    if (filter.industryCode) query.andWhere("enterprise.industryCode LIKE :industry", { industry: `${filter.industryCode}%` });
    if (filter.riskClass) query.andWhere("enterprise.riskClass = :riskClass", { riskClass: filter.riskClass });
    if (filter.nameContains !== undefined && filter.nameContains !== null) {
      const part = filter.nameContains.trim();
      if (part.length < 1 || part.length > 50) throw badUserInput("nameContains", "must be 1 to 50 characters of the name");
      query.andWhere("enterprise.name LIKE :name ESCAPE '!'", { name: likePattern(part) });
    }
    return paginate(query, "creditCode", filter);
  }

  @FieldResolver(() => [InjuryRecognition], { description: "Work-injury recognitions of this employer's workers" })
  injuryRecognitions(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<InjuryRecognition[]> {
    return loaders.many(InjuryRecognition, "creditCode").load(enterprise.creditCode);
  }
}
