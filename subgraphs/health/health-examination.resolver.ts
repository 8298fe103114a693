import { Field, InputType, Int } from "type-graphql";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
import { requireCreditCode, requireDocumentNumber, requireIdNumber, requireLocalDate, requireNotFuture } from "../../kernel/validate";
import { ExaminationKind, ExaminationResult, HealthExamination } from "./health-examination.entity";

@InputType({
  description: "An occupational health examination as 卫健 registers it; the same fields as a row of the examination import template",
})
export class HealthExaminationInput {
  @Field(() => String, { description: "体检报告编号, the examination's key" })
  reportNo: string;

  @Field(() => String, { description: "公民身份号码 of the worker; kept only as its pid" })
  idNumber: string;

  @Field(() => String, { description: "用人单位 统一社会信用代码" })
  creditCode: string;

  @Field(() => String, { description: "体检日期, YYYY-MM-DD" })
  examinedOn: string;

  @Field(() => ExaminationKind)
  kind: ExaminationKind;

  @Field(() => ExaminationResult)
  result: ExaminationResult;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered examination" })
  version?: number | null;
}

/** Examinations are registered by report number; the worker is kept by pid alone. */
export const healthExaminationRecord: MasterRecord<HealthExaminationInput, HealthExamination> = {
  resource: "HealthExamination",
  owner: "health",
  entity: HealthExamination,
  key: "id",
  fields: ["pid", "creditCode", "examinedOn", "kind", "result"],
  validate: async (input, checks, { pseudonymise, clock }) => {
    const id = checks.check("reportNo", (field) => requireDocumentNumber(field, input.reportNo, 40));
    const person = checks.check("idNumber", (field) => requireIdNumber(field, input.idNumber, clock()));
    const credit = checks.check("creditCode", (field) => requireCreditCode(field, input.creditCode));
    const examinedOn = checks.check("examinedOn", (field) => {
      const date = requireLocalDate(field, input.examinedOn.trim());
      requireNotFuture(field, date, clock());
      return date;
    });
    if (checks.problems.length) return undefined;
    return {
      id,
      pid: pseudonymise(person.normalized),
      creditCode: credit.creditCode,
      examinedOn,
      kind: input.kind,
      result: input.result,
    } as HealthExamination;
  },
};

export const HealthExaminationRecordResolver = masterRecordResolver(
  healthExaminationRecord,
  { input: HealthExaminationInput, row: HealthExamination },
  { one: "saveHealthExamination", many: "saveHealthExaminations", what: "an occupational health examination" },
);
