import { isReportedLate, reportingRulesAt, supplementaryWindow } from "./accident-reporting";

const occurredAt = new Date("2025-03-10T08:00:00Z");
const minutes = (n: number) => new Date(occurredAt.getTime() + n * 60_000);

describe("report to the government within one hour (国务院令第493号 第九条)", () => {
  it.each([
    [0, false],
    [60, false],
    [61, true],
    [600, true],
  ])("a report %i minutes after the accident is late: %s", (delay, late) => {
    expect(isReportedLate({ occurredAt, reportedAt: minutes(delay) })).toBe(late);
  });

  it("has no rules for accidents before the 条例 took effect on 2007-06-01 (China time)", () => {
    expect(reportingRulesAt(new Date("2007-05-31T16:00:00Z")).source).toBe("国务院令第493号");
    expect(() => reportingRulesAt(new Date("2007-05-31T15:59:59Z"))).toThrow("no accident-reporting rules were in force on 2007-05-31");
  });
});

describe("supplementary-report window (第十三条)", () => {
  it.each([
    ["01", 30, "国务院令第493号 第十三条"],
    ["09", 30, "国务院令第493号 第十三条"],
    ["02", 7, "国务院令第493号 第十三条, 道路交通 (02 车辆伤害) 和火灾 (08) 事故"],
    ["08", 7, "国务院令第493号 第十三条, 道路交通 (02 车辆伤害) 和火灾 (08) 事故"],
  ])("category %s has %i days", (category, days, basis) => {
    expect(supplementaryWindow({ category, occurredAt })).toEqual({
      days,
      closesAt: new Date(occurredAt.getTime() + days * 86_400_000),
      basis,
    });
  });
});
