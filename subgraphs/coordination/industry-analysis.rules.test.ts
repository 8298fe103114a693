import { analyseIndustries, trendOf } from "./industry-analysis.rules";
import { TrendDirection, type IndustryYear } from "./industry-analysis.entity";

const yearWith = (year: number, injuriesPerThousand: number | null) => ({ year, injuriesPerThousand }) as IndustryYear;

describe("the office's key-industry computation", () => {
  it("gives no rate, and says why, for an industry with accidents but nobody insured", () => {
    const result = analyseIndustries([2024], [], [{ division: "26", year: 2024, accidents: 2, deaths: 1 }], []);

    expect(result.divisions[0]).toMatchObject({
      code: "26",
      rank: null,
      years: [
        {
          accidents: 2,
          deaths: 1,
          insuredHeadcount: 0,
          injuriesPerThousand: null,
          accidentsPerThousand: null,
          deathsPerHundredThousand: null,
          occupationalDiseasesPerThousand: null,
          rateUnavailable: "2024 年末该行业在本地区无参保人员, 无法计算比率",
          rank: null,
        },
      ],
      trend: { direction: TrendDirection.UNKNOWN },
    });
  });

  it("ranks by injuries per 1,000, ties sharing a rank, unranked rows last", () => {
    const result = analyseIndustries(
      [2024],
      [
        { division: "47", year: 2024, insuredHeadcount: 1000, recognisedInjuries: 3 },
        { division: "26", year: 2024, insuredHeadcount: 2000, recognisedInjuries: 6 },
        { division: "13", year: 2024, insuredHeadcount: 400, recognisedInjuries: 4 },
      ],
      [{ division: "06", year: 2024, accidents: 1, deaths: 0 }],
      [],
    );

    expect(result.divisions.map((row) => [row.code, row.rank, row.years[0].injuriesPerThousand])).toEqual([
      ["13", 1, 10],
      ["26", 2, 3],
      ["47", 2, 3],
      ["06", null, null],
    ]);
    expect(result.sections.map((row) => [row.code, row.years[0].insuredHeadcount, row.years[0].recognisedInjuries])).toEqual([
      ["C", 2400, 10],
      ["E", 1000, 3],
      ["B", 0, 0],
    ]);
    // Among key industries, 13 (food) is none: hazardous chemicals and construction tie first.
    expect(result.keyIndustries.find((row) => row.code === "HAZARDOUS_CHEMICALS")?.years[0]).toMatchObject({
      insuredHeadcount: 2000,
      rank: 1,
    });
  });

  it.each([
    [[yearWith(2022, 4), yearWith(2023, null), yearWith(2024, 3)], TrendDirection.FALLING, -25],
    [[yearWith(2022, 4), yearWith(2024, 4.1)], TrendDirection.STEADY, 2.5],
    [[yearWith(2022, 2), yearWith(2024, 3)], TrendDirection.RISING, 50],
    [[yearWith(2022, 0), yearWith(2024, 3)], TrendDirection.RISING, null],
    [[yearWith(2022, null), yearWith(2024, 3)], TrendDirection.UNKNOWN, null],
  ])("compares the first and last year with a rate: %j", (years, direction, changePercent) => {
    expect(trendOf(years)).toMatchObject({ direction, changePercent });
  });
});
