import type * as Calendar from "./calendar";

/** An invented notice for a year no notice covers yet: test data, not the State Council's. */
const example2027 = {
  year: 2027,
  document: "测试用例: 假设的2027年部分节假日安排",
  issuedOn: "2026-11-10",
  daysOff: [
    ["2027-01-01", "2027-01-03"],
    ["2027-02-05", "2027-02-11"],
  ],
  makeUpWorkingDays: ["2027-02-13"],
};

describe("holiday notices an office adds after a release", () => {
  let calendar: typeof Calendar;
  beforeEach(() => {
    jest.isolateModules(() => {
      calendar = require("./calendar") as typeof Calendar;
    });
  });

  it("counts working days into a year once its notice is added, by its days off and make-up days", () => {
    expect(() => calendar.addWorkingDays("2026-12-28", 5)).toThrow("没有2027年的节假日安排");

    calendar.addHolidayNotices([example2027]);

    expect(calendar.addWorkingDays("2026-12-28", 5)).toBe("2027-01-05");
    expect(calendar.isWorkingDay("2027-02-08")).toBe(false);
    expect(calendar.isWorkingDay("2027-02-13")).toBe(true);
    expect(calendar.isWorkingDay("2027-02-12")).toBe(true);
  });

  it("takes days off that begin in the December before, as 2023's 元旦 did", () => {
    calendar.addHolidayNotices([{ ...example2027, daysOff: [["2026-12-31", "2027-01-02"], ...example2027.daysOff.slice(1)] }]);

    expect(calendar.isWorkingDay("2027-01-04")).toBe(true);
    expect(calendar.isWorkingDay("2027-01-01")).toBe(false);
  });

  it.each([
    ["no list", { year: 2027 }, "must be a JSON list of notices"],
    ["a year already built in", [{ ...example2027, year: 2026 }], "2026 already has its notice"],
    ["the same year twice", [example2027, example2027], "2027 already has its notice"],
    [
      "an impossible date",
      [{ ...example2027, daysOff: [["2027-02-29", "2027-03-01"]] }],
      '2027: days off ["2027-02-29","2027-03-01"] must be',
    ],
    ["a day off outside its year", [{ ...example2027, daysOff: [["2027-12-31", "2028-01-01"]] }], "of 2027 (or the December before)"],
    ["a month that does not exist", [{ ...example2027, makeUpWorkingDays: ["2027-13-01"] }], "make-up working day 2027-13-01 must be"],
    ["a make-up day on a weekday", [{ ...example2027, makeUpWorkingDays: ["2027-02-12"] }], "must be a Saturday or Sunday of 2027"],
    ["a notice with no document", [{ ...example2027, document: " " }], "2027: document must name the notice"],
  ])("refuses %s and adds nothing", (_case, notices, problem) => {
    expect(() => calendar.addHolidayNotices(notices)).toThrow(problem);

    expect(() => calendar.isWorkingDay("2027-01-04")).toThrow("没有2027年的节假日安排");
  });
});
