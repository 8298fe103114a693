import { holidayNotices } from "../reference/statutory-holidays";
import { addWorkingDays, addYears, chinaDayStart, chinaToday, isWorkingDay } from "./calendar";
import { requireTimestamp } from "./validate";
import { rejectionOf } from "../test/support/expected";

describe("emergency calendar", () => {
  it("takes today in China Standard Time", () => {
    expect([chinaToday(new Date("2025-12-31T15:59:59Z")), chinaToday(new Date("2025-12-31T16:00:00Z"))]).toEqual([
      "2025-12-31",
      "2026-01-01",
    ]);
    expect(chinaDayStart("2026-01-01").toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });

  it.each([
    ["2020-02-29", 3, "2023-02-28"],
    ["2023-01-15", 3, "2026-01-15"],
  ])("%s plus %i years is %s", (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ["2025-03-10T08:00:00Z", "2025-03-10T08:00:00.000Z"],
    ["2025-03-10T16:00+08:00", "2025-03-10T08:00:00.000Z"],
    ["2025-03-10T16:00:30.5+08:00", "2025-03-10T08:00:30.500Z"],
  ])("reads the moment %s", (value, iso) => {
    expect(requireTimestamp("input.occurredAt", value).toISOString()).toBe(iso);
  });

  const notAMoment = "不是带时区的日期时间: 应写作 YYYY-MM-DDThh:mm[:ss], 以 Z 或时差 (如 +08:00) 结尾";
  it.each([
    ["2025-02-30T08:00:00Z", "2025-02-30 不是真实的日期: 2025 年 2 月只有 28 天, 没有 30 日"],
    ["2025-03-10T24:00:00Z", `"2025-03-10T24:00:00Z" ${notAMoment}`],
    ["2025-03-10T08:00:00", `"2025-03-10T08:00:00" ${notAMoment}`],
    ["2025-03-10", `"2025-03-10" ${notAMoment}`],
    ["yesterday", `"yesterday" ${notAMoment}`],
  ])("rejects %p naming the field in Chinese", (value, reason) => {
    expect(rejectionOf(() => requireTimestamp("input.occurredAt", value))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.occurredAt",
      reason,
    });
    expect(() => requireTimestamp("input.occurredAt", value)).toThrow(`发生时间: ${reason}`);
  });
});

describe("working days", () => {
  it.each([
    ["2026-11-20", 1, "2026-11-23"],
    ["2026-11-23", 10, "2026-12-07"],
    ["2026-11-21", 10, "2026-12-04"],
    // The last working day before 国庆: the answer lands after the holiday and counts the make-up Saturday.
    ["2025-09-30", 10, "2025-10-21"],
    ["2026-09-30", 10, "2026-10-20"],
    ["2024-09-30", 10, "2024-10-18"],
    // 春节: 2026-02-14 is a Saturday worked instead; 2024's 除夕 (02-09) is a working day.
    ["2026-02-13", 1, "2026-02-14"],
    ["2026-02-14", 1, "2026-02-24"],
    ["2024-02-08", 2, "2024-02-18"],
    // 2020: 春节 extended to 02-02, the 02-01 make-up day cancelled.
    ["2020-01-23", 1, "2020-02-03"],
    // 元旦 2023 began on Saturday 2022-12-31; 2023-01-28 was worked.
    ["2022-12-30", 1, "2023-01-03"],
    ["2023-01-20", 1, "2023-01-28"],
  ])("%s plus %i working days is %s", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it("refuses a deadline reaching a year with no holiday notice, naming the year", () => {
    expect(() => addWorkingDays("2026-12-28", 5)).toThrow("没有2027年的节假日安排");
    expect(() => isWorkingDay("2019-06-03")).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ year: 2019 }) }));
  });

  it("has one notice for each year 2020–2026, its days inside its year or the 元旦 just before it", () => {
    expect(holidayNotices.map((notice) => notice.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const notice of holidayNotices) {
      for (const [from, to] of notice.daysOff) {
        expect(from <= to).toBe(true);
        expect([notice.year - 1, notice.year]).toContain(Number(from.slice(0, 4)));
      }
      for (const day of notice.makeUpWorkingDays) {
        expect(day.startsWith(String(notice.year))).toBe(true);
        expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      }
    }
  });
});
