import { Field, InputType, Int } from "type-graphql";
import { badUserInput } from "../../kernel/errors";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
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

export const OperatingLicenceRecordResolver = masterRecordResolver(
  operatingLicenceRecord,
  { input: OperatingLicenceInput, row: OperatingLicence },
  { one: "saveOperatingLicence", many: "saveOperatingLicences", what: "an operator's operating licence" },
);
