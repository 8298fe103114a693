import { Arg, Ctx, FieldResolver, Field, InputType, Int, Mutation, Resolver, Root } from "type-graphql";
import { badUserInput } from "../../kernel/errors";
import { historyOf, RecordChange, saveBatch, saveOne, SaveReport, type MasterRecord } from "../../kernel/records";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireDocumentNumber, requireLocalDate } from "../../kernel/validate";
import { OperatingLicence } from "./operating-licence.entity";
import { VehicleClass } from "./vehicle.entity";

@InputType({
  description: "A road transport operating licence as 交通 registers it; the same fields as a row of the licence import template",
})
export class OperatingLicenceInput {
  @Field(() => String, { description: "许可证号" })
  licenceNo: string;

  @Field(() => String, { description: "经营者 统一社会信用代码" })
  creditCode: string;

  @Field(() => [VehicleClass], { description: "经营范围" })
  scopes: VehicleClass[];

  @Field(() => String, { description: "有效期至, YYYY-MM-DD" })
  validUntil: string;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered licence" })
  version?: number | null;
}

const scopeOrder = Object.values(VehicleClass);

/** Operators are registered with their licence, by licence number; an operator holds one licence. */
export const operatingLicenceRecord: MasterRecord<OperatingLicenceInput, OperatingLicence> = {
  resource: "OperatingLicence",
  owner: "transport",
  entity: OperatingLicence,
  key: "licenceNo",
  fields: ["creditCode", "scopes", "validUntil"],
  validate: async (input, checks) => {
    const licenceNo = checks.check("licenceNo", (field) => requireDocumentNumber(field, input.licenceNo, 40));
    const credit = checks.check("creditCode", (field) => requireCreditCode(field, input.creditCode));
    const scopes = checks.check("scopes", (field) => {
      if (!input.scopes.length) throw badUserInput(field, "经营范围至少一项");
      return scopeOrder.filter((scope) => input.scopes.includes(scope));
    });
    const validUntil = checks.check("validUntil", (field) => requireLocalDate(field, input.validUntil.trim()));
    if (checks.problems.length) return undefined;
    return { licenceNo, creditCode: credit.creditCode, scopes, validUntil } as OperatingLicence;
  },
};

@Resolver(() => OperatingLicence)
export class OperatingLicenceResolver {
  @Mutation(() => OperatingLicence, {
    description: "Registers an operator's licence, or corrects one with the version last read (transport admins)",
  })
  saveOperatingLicence(
    @Arg("input", () => OperatingLicenceInput) input: OperatingLicenceInput,
    @Arg("correctionRef", () => String, {
      nullable: true,
      description: "The correction request (纠错) this change answers, kept in the history",
    })
    correctionRef: string | null,
    @Ctx() context: SubgraphContext,
  ): Promise<OperatingLicence> {
    return saveOne(operatingLicenceRecord, input, context, { correctionRef });
  }

  @Mutation(() => SaveReport, { description: "Saves up to 1000 operating licences by licence number, as an import does" })
  saveOperatingLicences(
    @Arg("rows", () => [OperatingLicenceInput]) rows: OperatingLicenceInput[],
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Check and compare every row, store nothing" }) dryRun: boolean,
    @Ctx() context: SubgraphContext,
  ): Promise<SaveReport> {
    return saveBatch(operatingLicenceRecord, rows, context, { dryRun });
  }

  @FieldResolver(() => [RecordChange], {
    description: "Every change to this licence's registration, newest first: transport and auditors alone",
  })
  history(@Root() licence: OperatingLicence, @Ctx() context: SubgraphContext): Promise<RecordChange[]> {
    return historyOf(operatingLicenceRecord, licence.licenceNo, context);
  }
}
