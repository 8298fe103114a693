import { hoursInTenths, meetsTrainingStandard, trainingStandardFor } from "./training.rules";

describe("the Shandong key-post standard: ≥24 学时, ≥60% offline", () => {
  const standard = trainingStandardFor(2024)!;

  it.each([
    [240, 144, true],
    [240, 143, false],
    [239, 239, false],
    [300, 180, true],
    [300, 179, false],
    [400, 400, true],
    [0, 0, false],
  ])("%i tenths of an hour, %i of them offline: %s", (hours, offline, meets) => {
    expect(meetsTrainingStandard(standard, hours, offline)).toBe(meets);
  });

  it.each([
    [2021, undefined],
    [2022, 240],
    [2030, 240],
  ])("in %i requires %s tenths", (year, tenths) => {
    expect(trainingStandardFor(year)?.minimumHoursTenths).toBe(tenths);
  });
});

describe("session hours in tenths", () => {
  it.each([
    [0.1, 1],
    [4.5, 45],
    [24, 240],
    [0, undefined],
    [-1, undefined],
    [0.05, undefined],
    [1.25, undefined],
    [24.1, undefined],
    [Number.NaN, undefined],
  ])("%f hours is %s tenths", (hours, tenths) => {
    expect(hoursInTenths(hours)).toBe(tenths);
  });
});
