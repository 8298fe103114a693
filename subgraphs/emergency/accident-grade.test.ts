import { AccidentGrade, accidentGrade } from "./accident-grade";

const wanYuanInFen = 1_000_000;
const none = { deaths: 0, seriousInjuries: 0, directLossFen: 0 };

describe("accident grade (国务院令第493号 第三条)", () => {
  it.each([
    [2, AccidentGrade.ORDINARY],
    [3, AccidentGrade.LARGER],
    [9, AccidentGrade.LARGER],
    [10, AccidentGrade.MAJOR],
    [29, AccidentGrade.MAJOR],
    [30, AccidentGrade.ESPECIALLY_MAJOR],
  ])("%i deaths is %s", (deaths, grade) => {
    expect(accidentGrade({ ...none, deaths })).toBe(grade);
  });

  it.each([
    [9, AccidentGrade.ORDINARY],
    [10, AccidentGrade.LARGER],
    [49, AccidentGrade.LARGER],
    [50, AccidentGrade.MAJOR],
    [99, AccidentGrade.MAJOR],
    [100, AccidentGrade.ESPECIALLY_MAJOR],
  ])("%i serious injuries is %s", (seriousInjuries, grade) => {
    expect(accidentGrade({ ...none, seriousInjuries })).toBe(grade);
  });

  it.each([
    [999.99, AccidentGrade.ORDINARY],
    [1000, AccidentGrade.LARGER],
    [4999.99, AccidentGrade.LARGER],
    [5000, AccidentGrade.MAJOR],
    [9999.99, AccidentGrade.MAJOR],
    [10000, AccidentGrade.ESPECIALLY_MAJOR],
  ])("a direct loss of %f 万元 is %s", (wan, grade) => {
    expect(accidentGrade({ ...none, directLossFen: Math.round(wan * wanYuanInFen) })).toBe(grade);
  });

  it("takes the most severe grade any measure reaches", () => {
    expect(accidentGrade({ deaths: 1, seriousInjuries: 55, directLossFen: 1_200 * wanYuanInFen })).toBe(AccidentGrade.MAJOR);
  });
});
