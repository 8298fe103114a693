import { rejectionOf } from "../../test/support/expected";
import { requireAccidentId } from "../../kernel/validate";
import { latestValidUntil, qualificationRuleOn, requirePlateNumber, requireTransportCertificateNo } from "./transport.rules";

describe("plate numbers (鲁C and 5 characters)", () => {
  it.each([
    ["鲁CA1234", "鲁CA1234"],
    [" 鲁cab123 ", "鲁CAB123"],
    ["鲁C00000", "鲁C00000"],
  ])("accepts %p as %s", (value, plate) => {
    expect(requirePlateNumber("plate", value)).toBe(plate);
  });

  it.each([
    ["鲁A12345", '应以本市号牌前缀 鲁C 开头, 填写的是 "鲁A12345"'],
    ["京C12345", '应以本市号牌前缀 鲁C 开头, 填写的是 "京C12345"'],
    ["鲁C1234", '应为 鲁C 加 5 位数字或大写字母 (不含 I、O), 填写的是 "鲁C1234"'],
    ["鲁C123456", '应为 鲁C 加 5 位数字或大写字母 (不含 I、O), 填写的是 "鲁C123456"'],
    ["鲁CI1234", '应为 鲁C 加 5 位数字或大写字母 (不含 I、O), 填写的是 "鲁CI1234"'],
    ["鲁CO1234", '应为 鲁C 加 5 位数字或大写字母 (不含 I、O), 填写的是 "鲁CO1234"'],
  ])("rejects %p", (value, reason) => {
    expect(rejectionOf(() => requirePlateNumber("plate", value))).toEqual({ code: "BAD_USER_INPUT", field: "plate", reason });
  });
});

describe("transport certificate and accident numbers", () => {
  it.each([
    ["370300123456", true],
    ["37030012345", false],
    ["3703001234567", false],
    ["37030012345A", false],
  ])("certificate %s is accepted: %s", (value, accepted) => {
    const check = () => requireTransportCertificateNo("no", value);
    if (accepted) expect(check()).toBe(value);
    else
      expect(rejectionOf(check)).toEqual({
        code: "BAD_USER_INPUT",
        field: "no",
        reason: `应为 12 位数字, 填写的是 ${JSON.stringify(value)}`,
      });
  });

  it.each([
    ["AC-2024-000123", true],
    ["ac-2024-000123", true],
    ["AC-2024-00012", false],
    ["AC-24-000123", false],
    ["ACC-2024-000123", false],
  ])("accident number %s is accepted: %s", (value, accepted) => {
    const check = () => requireAccidentId("id", value);
    if (accepted) expect(check()).toBe(value.toUpperCase());
    else
      expect(rejectionOf(check)).toMatchObject({
        field: "id",
        reason: `${JSON.stringify(value)} 不是应急管理部门编发的事故编号 (AC-年份-…)`,
      });
  });
});

describe("driver qualification rules by issue date", () => {
  it.each([
    ["2007-02-28", undefined],
    ["2007-03-01", { effectiveFrom: "2007-03-01", validityYears: 6, maxViolationPoints: 20 }],
    ["2025-06-30", { effectiveFrom: "2007-03-01", validityYears: 6, maxViolationPoints: 20 }],
  ])("on %s the rule is %p", (issuedOn, rule) => {
    expect(qualificationRuleOn(issuedOn)).toEqual(rule);
  });

  it.each([
    ["2020-05-10", "2026-05-10"],
    ["2020-02-29", "2026-02-28"],
    ["2019-12-31", "2025-12-31"],
  ])("a certificate issued %s is valid at most until %s", (issuedOn, last) => {
    expect(latestValidUntil(issuedOn, qualificationRuleOn(issuedOn)!)).toBe(last);
  });
});
