import { Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { badUserInput } from "../../kernel/errors";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
import { requireCreditCode, requireDocumentNumber, requireLocalDate } from "../../kernel/validate";
import { safetyLicenceRules } from "./safety-licence.rules";
import { chinaToday } from "../../kernel/calendar";
import { Enterprise } from "./enterprise.entity";
import { SafetyLicence, SafetyLicenceKind, SafetyLicenceStatus, licenceStatus, licenceValidUntil } from "./safety-licence.entity";

@ArgsType()
class SafetyLicenceFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  creditCode?: string;

  @Field(() => SafetyLicenceKind, { nullable: true })
  kind?: SafetyLicenceKind;
}

const SafetyLicenceConnection = Connection(SafetyLicence);

@InputType({ description: "A work-safety licence as 应急 registers it; the same fields as a row of the licence import template" })
export class SafetyLicenceInput {
  @Field(() => String, { description: "许可证编号" })
  licenceNo: string;

  @Field(() => String, { description: "持证单位 统一社会信用代码" })
  creditCode: string;

  @Field(() => SafetyLicenceKind)
  kind: SafetyLicenceKind;

  @Field(() => String, { description: "有效期起始日, YYYY-MM-DD; the last day follows from the regulation" })
  validFrom: string;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered licence" })
  version?: number | null;
}

const firstRules = safetyLicenceRules[0].effectiveFrom;

/** Licences are registered by licence number; the validity follows from 第九条 as dated data. */
export const safetyLicenceRecord: MasterRecord<SafetyLicenceInput, SafetyLicence> = {
  resource: "SafetyLicence",
  owner: "emergency",
  entity: SafetyLicence,
  key: "licenceNo",
  fields: ["creditCode", "kind", "validFrom", "validUntil"],
  validate: async (input, checks) => {
    const licenceNo = checks.check("licenceNo", (field) => requireDocumentNumber(field, input.licenceNo, 40));
    const credit = checks.check("creditCode", (field) => requireCreditCode(field, input.creditCode));
    const validFrom = checks.check("validFrom", (field) => {
      const date = requireLocalDate(field, input.validFrom.trim());
      if (date < firstRules) throw badUserInput(field, `早于《安全生产许可证条例》施行日 ${firstRules}`);
      return date;
    });
    if (checks.problems.length) return undefined;
    return {
      licenceNo,
      creditCode: credit.creditCode,
      kind: input.kind,
      validFrom,
      validUntil: licenceValidUntil(validFrom),
    } as SafetyLicence;
  },
};

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
  status(@Root() licence: SafetyLicence, @Ctx() { clock }: SubgraphContext): SafetyLicenceStatus {
    return licenceStatus(licence, chinaToday(clock()));
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() licence: SafetyLicence): Enterprise {
    return { creditCode: licence.creditCode };
  }
}

export const SafetyLicenceRecordResolver = masterRecordResolver(
  safetyLicenceRecord,
  { input: SafetyLicenceInput, row: SafetyLicence },
  { one: "saveSafetyLicence", many: "saveSafetyLicences", what: "a work-safety licence" },
);
