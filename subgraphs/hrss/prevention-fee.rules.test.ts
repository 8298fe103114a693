import { capBasisPoints, capFen, defaultCapBasisPoints, firstBudgetYear, percentAsBasisPoints } from "./prevention-fee.rules";

describe("the prevention-fee cap (人社部规〔2017〕13号 第五条)", () => {
  it.each([
    [2018, 300],
    [2026, 300],
  ])("defaults in %i to %i basis points", (year, basisPoints) => {
    expect(defaultCapBasisPoints(year)).toBe(basisPoints);
  });

  it("starts with the budget year after 13号 took effect (第六条: next year's budget)", () => {
    expect(firstBudgetYear).toBe(2018);
    expect(() => defaultCapBasisPoints(2017)).toThrow("no prevention-fee cap is recorded for 2017; budgets start in 2018");
  });

  it.each([
    ["no approval", [], 300],
    ["one approval", [{ approvedOn: "2024-03-01", approvedBasisPoints: 450 }], 450],
    [
      "the latest of several approvals",
      [
        { approvedOn: "2024-06-01", approvedBasisPoints: 400 },
        { approvedOn: "2024-03-01", approvedBasisPoints: 500 },
      ],
      400,
    ],
  ])("with %s is %i basis points", (_case, approvals, basisPoints) => {
    expect(capBasisPoints(2024, approvals)).toBe(basisPoints);
  });

  it.each([
    [180_000_000_00, 300, 5_400_000_00],
    [33_333, 300, 999],
    [33_334, 300, 1000],
    [1, 300, 0],
    [9_007_199_254_740, 10_000, 9_007_199_254_740],
  ])("%i fen at %i bp caps at %i fen, rounded down", (income, basisPoints, cap) => {
    expect(capFen(income, basisPoints)).toBe(cap);
  });

  it.each([
    [3, 300],
    [4.5, 450],
    [3.05, 305],
    [3.055, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])("%f percent is %s basis points", (percent, basisPoints) => {
    expect(percentAsBasisPoints(percent)).toBe(basisPoints);
  });
});
