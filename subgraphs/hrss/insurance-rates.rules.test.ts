import { allowedFloatFactors, contributionRateBasisPoints, poolingAreaOf, rateHistory, rateOn } from "./insurance-rates.rules";

describe("float factors (人社部发〔2015〕71号 第二部分)", () => {
  it.each([
    [1, "2015-10-01", [100, 120, 150]],
    [2, "2015-10-01", [50, 80, 100, 120, 150]],
    [8, "2026-01-01", [50, 80, 100, 120, 150]],
    [1, "2015-09-30", []],
    [9, "2020-01-01", []],
  ])("class %i on %s may use %j", (riskClass, on, factors) => {
    expect(allowedFloatFactors(riskClass, on)).toEqual(factors);
  });
});

describe("contribution rate = base × factor, rounded half up to a basis point", () => {
  it.each([
    [20, 150, 30],
    [190, 50, 95],
    [14, 120, 17],
    [25, 150, 38],
    [14, 50, 7],
    [110, 80, 88],
  ])("%i bp × %i%% is %i bp", (base, factor, rate) => {
    expect(contributionRateBasisPoints(base, factor)).toBe(rate);
  });
});

describe("the rate in force and its history", () => {
  const baseRates = [
    { effectiveFrom: "2015-10-01", basisPoints: 130 },
    { effectiveFrom: "2024-01-01", basisPoints: 120 },
  ];
  const factors = [
    { effectiveFrom: "2023-01-01", factorPercent: 150 },
    { effectiveFrom: "2025-01-01", factorPercent: 80 },
  ];

  it.each([
    ["2015-09-30", undefined],
    ["2015-10-01", { effectiveFrom: "2015-10-01", baseRateBasisPoints: 130, floatFactorPercent: 100, contributionRateBasisPoints: 130 }],
    ["2022-12-31", { effectiveFrom: "2015-10-01", baseRateBasisPoints: 130, floatFactorPercent: 100, contributionRateBasisPoints: 130 }],
    ["2023-01-01", { effectiveFrom: "2023-01-01", baseRateBasisPoints: 130, floatFactorPercent: 150, contributionRateBasisPoints: 195 }],
    ["2024-01-01", { effectiveFrom: "2024-01-01", baseRateBasisPoints: 120, floatFactorPercent: 150, contributionRateBasisPoints: 180 }],
    ["2025-01-01", { effectiveFrom: "2025-01-01", baseRateBasisPoints: 120, floatFactorPercent: 80, contributionRateBasisPoints: 96 }],
  ])("on %s is %j", (on, rate) => {
    expect(rateOn(baseRates, factors, on)).toEqual(rate);
  });

  it("lists one entry per change of base or factor, oldest first", () => {
    expect(rateHistory(baseRates, [...factors].reverse()).map((rate) => [rate.effectiveFrom, rate.contributionRateBasisPoints])).toEqual([
      ["2015-10-01", 130],
      ["2023-01-01", 195],
      ["2024-01-01", 180],
      ["2025-01-01", 96],
    ]);
  });

  it("starts with the first base rate: a factor set before it has no rate of its own", () => {
    expect(rateHistory([{ effectiveFrom: "2016-01-01", basisPoints: 40 }], [{ effectiveFrom: "2015-12-01", factorPercent: 120 }])).toEqual([
      { effectiveFrom: "2016-01-01", baseRateBasisPoints: 40, floatFactorPercent: 120, contributionRateBasisPoints: 48 },
    ]);
  });
});

describe("pooling area", () => {
  it.each([
    ["370303", "370300"],
    ["370323", "370300"],
    ["370300", "370300"],
  ])("of %s is %s", (region, area) => {
    expect(poolingAreaOf(region)).toBe(area);
  });
});
