import type { GraphQLError } from "graphql";
import { ageOn, constructionTrades, minimumAgeOn, requireTrade } from "./housing.rules";

describe("site worker age (劳动法 第十五条)", () => {
  it.each([
    ["2004-06-15", "2020-06-14", 15],
    ["2004-06-15", "2020-06-15", 16],
    ["2004-06-15", "2021-01-01", 16],
    ["2004-02-29", "2020-02-28", 15],
    ["2004-02-29", "2020-03-01", 16],
  ])("born %s is, on %s, %i", (birthDate, day, age) => {
    expect(ageOn(birthDate, day)).toBe(age);
  });

  it.each([
    ["1994-12-31", undefined],
    ["1995-01-01", 16],
    ["2025-07-01", 16],
  ])("on %s the minimum age is %p", (day, minimumAge) => {
    expect(minimumAgeOn(day)).toBe(minimumAge);
  });
});

describe("trade catalogue (建市〔2019〕18号)", () => {
  it.each([
    ["WELDER", "WELDER"],
    [" rebar_worker ", "REBAR_WORKER"],
  ])("accepts %p as %s", (value, trade) => {
    expect(requireTrade("trade", value)).toBe(trade);
  });

  it.each(["WELDING", "", "钢筋工"])("rejects %p naming the field", (value) => {
    const rejection = (() => {
      try {
        requireTrade("trade", value);
      } catch (error) {
        return error as GraphQLError;
      }
    })();
    expect(rejection?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "trade",
      reason: `${JSON.stringify(value)} 不是工种目录中的工种, 可填: ${Object.keys(constructionTrades).join("、")}`,
    });
  });
});
