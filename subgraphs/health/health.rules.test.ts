import { HazardDeclarationKind, declarationDueOn, isDiagnosisReportedLate } from "./health.rules";

describe("filing a diagnosis within 15 days (卫健委令第6号 第三十二条)", () => {
  it.each([
    ["2025-03-01", "2025-03-01", false],
    ["2025-03-01", "2025-03-16", false],
    ["2025-03-01", "2025-03-17", true],
    ["2025-12-20", "2026-01-04", false],
    ["2025-12-20", "2026-01-05", true],
  ])("diagnosed %s, filed %s: late %s", (diagnosedOn, reportedOn, late) => {
    expect(isDiagnosisReportedLate({ diagnosedOn, reportedOn })).toBe(late);
  });

  it("has no rule before 2013-04-10", () => {
    expect(() => isDiagnosisReportedLate({ diagnosedOn: "2013-04-09", reportedOn: "2013-04-10" })).toThrow(
      "no diagnosis-reporting rule was in force on 2013-04-09",
    );
  });
});

describe("declaring an occupational-hazard project (原安监总局令第48号 第八–九条)", () => {
  it.each([
    [HazardDeclarationKind.NEW_PROJECT, "2025-01-10", "2025-02-09"],
    [HazardDeclarationKind.CHANGE, "2025-01-10", "2025-01-25"],
    [HazardDeclarationKind.CANCELLATION, "2025-02-20", "2025-03-07"],
  ])("a %s triggered on %s is due by %s", (kind, triggeredOn, dueOn) => {
    expect(declarationDueOn({ kind, triggeredOn })).toBe(dueOn);
  });

  it("has no rule before 2012-06-01", () => {
    expect(() => declarationDueOn({ kind: HazardDeclarationKind.CHANGE, triggeredOn: "2012-05-31" })).toThrow(
      "no hazard-declaration rule was in force on 2012-05-31",
    );
  });
});
