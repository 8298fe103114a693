import { SafetyLicenceStatus, licenceStatus, licenceValidUntil } from "./safety-licence.entity";

describe("work-safety licence validity (安全生产许可证条例 第九条)", () => {
  it.each([
    ["2023-01-01", "2025-12-31"],
    ["2023-06-15", "2026-06-14"],
    ["2020-02-29", "2023-02-28"],
    ["2020-03-01", "2023-02-28"],
  ])("a licence from %s is valid until %s", (validFrom, validUntil) => {
    expect(licenceValidUntil(validFrom)).toBe(validUntil);
  });

  const licence = { validFrom: "2024-01-01", validUntil: "2026-12-31" };
  it.each([
    ["2026-10-01", SafetyLicenceStatus.VALID],
    ["2026-10-02", SafetyLicenceStatus.EXPIRING],
    ["2026-12-31", SafetyLicenceStatus.EXPIRING],
    ["2027-01-01", SafetyLicenceStatus.EXPIRED],
  ])("on %s a licence valid until 2026-12-31 (90-day warning) is %s", (today, status) => {
    expect(licenceStatus(licence, today)).toBe(status);
  });

  it("has no rules before the 条例 of 2004-01-13", () => {
    expect(() => licenceValidUntil("2004-01-12")).toThrow("no safety-licence rules were in force on 2004-01-12");
  });
});
