import { checkCreditCode, creditCodeCheckCharacter } from "./credit-code";
import { checkIdNumber, idNumberCheckCharacter } from "./id-number";
import { personPid } from "./pseudonym";

const today = new Date("2026-11-22T00:00:00Z");

describe("ID number (GB 11643 MOD 11-2)", () => {
  it("accepts the standard's test vector and reads birth date and gender", () => {
    expect(checkIdNumber("11010519491231002X", today)).toEqual({
      valid: true,
      normalized: "11010519491231002X",
      birthDate: "1949-12-31",
      gender: "FEMALE",
      convertedFromLegacy: false,
    });
  });

  it("accepts a lower-case x and normalizes it", () => {
    expect(checkIdNumber(" 11010519491231002x ", today)).toMatchObject({ valid: true, normalized: "11010519491231002X" });
  });

  it.each([
    ["110105194912310021", "校验位应为 X, 实为 1 (GB 11643 MOD 11-2)"],
    ["11010519491231012X", "校验位应为 6, 实为 X (GB 11643 MOD 11-2)"],
    ["21010519491231002X", "校验位应为 3, 实为 X (GB 11643 MOD 11-2)"],
  ])("rejects the one-character corruption %s", (value, reason) => {
    expect(checkIdNumber(value, today)).toEqual({ valid: false, reason });
  });

  it.each([
    ["11010519490231002X", "其中的出生日期 19490231 不是 1900 年至今的真实日期"],
    ["110105202712310021", "其中的出生日期 20271231 不是 1900 年至今的真实日期"],
    ["110105189912310021", "其中的出生日期 18991231 不是 1900 年至今的真实日期"],
  ])("rejects the impossible birth date in %s", (value, reason) => {
    expect(checkIdNumber(value, today)).toEqual({ valid: false, reason });
  });

  it.each(["1101051949123100", "11010519491231002Y", "", "ABCDEFGHIJKLMNOPQR"])("rejects the malformed %p", (value) => {
    expect(checkIdNumber(value, today)).toEqual({
      valid: false,
      reason: "应为 18 位 (17 位数字加 1 位数字或 X), 或 15 位旧号码",
    });
  });

  it("converts a legacy 15-digit number to 18 digits with its check character", () => {
    const first17 = "11010519491231002";
    expect(checkIdNumber("110105491231002", today)).toEqual({
      valid: true,
      normalized: first17 + idNumberCheckCharacter(first17),
      birthDate: "1949-12-31",
      gender: "FEMALE",
      convertedFromLegacy: true,
    });
    expect(idNumberCheckCharacter(first17)).toBe("X");
  });

  it("reads an odd sequence digit as male", () => {
    const first17 = "37030319800101001";
    expect(checkIdNumber(first17 + idNumberCheckCharacter(first17), today)).toMatchObject({ gender: "MALE" });
  });
});

describe("unified social credit code (GB 32100)", () => {
  it("accepts the standard's test vector with a valid checksum", () => {
    expect(checkCreditCode("91350100M000100Y43")).toEqual({
      valid: true,
      normalized: "91350100M000100Y43",
      checksumValid: true,
      registrationRegion: "350100",
    });
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
  });

  it("accepts a legal pilot code whose checksum fails, flagged for manual review", () => {
    expect(checkCreditCode("91350100M0001TGQXM")).toMatchObject({ valid: true, checksumValid: false });
  });

  it.each(["91350100M000100Y44", "91350100M000100Y53", "92350100M000100Y43"])(
    "flags the one-character corruption %s as a checksum failure",
    (value) => {
      expect(checkCreditCode(value)).toMatchObject({ valid: true, checksumValid: false });
    },
  );

  it.each([
    ["91350100M000100Y4", "应为 18 位, 实为 17 位"],
    [
      "91350100M000100I43",
      '第 16 位 "I" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)',
    ],
    [
      "913501A0M000100Y43",
      '第 7 位 "A" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)',
    ],
  ])("rejects the malformed %s", (value, reason) => {
    expect(checkCreditCode(value)).toEqual({ valid: false, reason });
  });
});

describe("person pseudonym", () => {
  it("is stable for one secret, differs across secrets, and never contains the ID number", () => {
    const pid = personPid("11010519491231002X", "secret-a");
    expect(pid).toMatch(/^[0-9a-f]{32}$/);
    expect(personPid("11010519491231002X", "secret-a")).toBe(pid);
    expect(personPid("11010519491231002X", "secret-b")).not.toBe(pid);
    expect(pid).not.toContain("110105");
  });
});
