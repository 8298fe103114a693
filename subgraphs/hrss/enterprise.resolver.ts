import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Query, Resolver, Root } from "type-graphql";
import { checkCreditCode } from "../../kernel/identifiers/credit-code";
import { badUserInput } from "../../kernel/errors";
import { likeEscape, likeLiteral } from "../../kernel/like";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
import type { SubgraphContext } from "../../kernel/subgraph";
import {
  requireCreditCode,
  requireIndustryCode,
  requireLocalDate,
  requireNotFuture,
  requireRegionCode,
  requireText,
} from "../../kernel/validate";
import { riskClassOf2017Division } from "../../reference/risk-classes";
import { Enterprise } from "./enterprise.entity";
import { InjuryRecognition } from "./injury-recognition.entity";
import { reclassifiedEmployers, restampRecognitions } from "./employer-division";
import { tallyReclassified } from "./insured-cohort.tally";

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

@InputType({ description: "An employer as 人社 registers it; the same fields as a row of the enterprise import template" })
export class EnterpriseInput {
  @Field(() => String, { description: "统一社会信用代码" })
  creditCode: string;

  @Field(() => String, { description: "单位名称" })
  name: string;

  @Field(() => String, { description: "行业代码: GB/T 4754-2017 section letter and 2 to 4 digits, e.g. C2614" })
  industryCode: string;

  @Field(() => String, { description: "所在地区: GB/T 2260 county-level code" })
  regionCode: string;

  @Field(() => String, { description: "参保登记日期, YYYY-MM-DD" })
  registeredOn: string;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered enterprise" })
  version?: number | null;
}

/** Enterprises are registered by credit code; the risk class follows the industry, the headcount the enrolments. */
export const enterpriseRecord: MasterRecord<EnterpriseInput, Enterprise> = {
  resource: "Enterprise",
  owner: "hrss",
  entity: Enterprise,
  key: "creditCode",
  fields: ["creditCodeNeedsReview", "name", "industryCode", "regionCode", "riskClass", "registeredOn"],
  defaults: { insuredHeadcount: 0 },
  validate: async (input, checks, { clock }) => {
    const credit = checks.check("creditCode", (field) => requireCreditCode(field, input.creditCode));
    const name = checks.check("name", (field) => requireText(field, input.name, 200));
    const industry = checks.check("industryCode", (field) => requireIndustryCode(field, input.industryCode));
    const regionCode = checks.check("regionCode", (field) => requireRegionCode(field, input.regionCode.trim()));
    const registeredOn = checks.check("registeredOn", (field) => {
      requireNotFuture(field, requireLocalDate(field, input.registeredOn.trim()), clock());
      return input.registeredOn.trim();
    });
    if (checks.problems.length) return undefined;
    return {
      creditCode: credit.creditCode,
      creditCodeNeedsReview: credit.needsReview,
      name,
      industryCode: industry.digits,
      regionCode,
      riskClass: riskClassOf2017Division(industry.division) ?? null,
      registeredOn,
    } as Enterprise;
  },
  // An employer's persons and injuries follow it into its new industry division.
  afterSave: async (manager, saved) => {
    const reclassified = reclassifiedEmployers(saved);
    await tallyReclassified(manager, reclassified);
    await restampRecognitions(manager, reclassified);
  },
};

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
    if (filter.regionCode)
      query.andWhere("enterprise.regionCode = :region", { region: requireRegionCode("regionCode", filter.regionCode) });
    if (filter.industryCode) {
      const { digits } = requireIndustryCode("industryCode", filter.industryCode);
      query.andWhere(`enterprise.industryCode LIKE :industry ${likeEscape}`, { industry: `${likeLiteral(digits)}%` });
    }
    if (filter.riskClass) query.andWhere("enterprise.riskClass = :riskClass", { riskClass: filter.riskClass });
    if (filter.nameContains !== undefined && filter.nameContains !== null) {
      const part = filter.nameContains.trim();
      if (part.length < 1 || part.length > 50) throw badUserInput("nameContains", `应为名称中的 1 至 50 个字, 填写了 ${part.length} 个`);
      query.andWhere("enterprise.name LIKE :name ESCAPE '!'", { name: likePattern(part) });
    }
    return paginate(query, "creditCode", filter);
  }

  @FieldResolver(() => [InjuryRecognition], { description: "Work-injury recognitions of this employer's workers" })
  injuryRecognitions(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<InjuryRecognition[]> {
    return loaders.many(InjuryRecognition, "creditCode").load(enterprise.creditCode);
  }
}

export const EnterpriseRecordResolver = masterRecordResolver(
  enterpriseRecord,
  { input: EnterpriseInput, row: Enterprise },
  { one: "saveEnterprise", many: "saveEnterprises", what: "an employer" },
);
