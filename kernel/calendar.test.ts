import { addWorkingDays, addYears, chinaDayStart, chinaToday } from "./calendar";
import { requireTimestamp } from "./validate";

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

  it.each(["2025-02-30T08:00:00Z", "2025-03-10T24:00:00Z", "2025-03-10T08:00:00", "2025-03-10", "yesterday"])(
    "rejects %p naming the field",
    (value) => {
      expect(() => requireTimestamp("input.occurredAt", value)).toThrow(
        `input.occurredAt: ${JSON.stringify(value)} is not a real date and time written YYYY-MM-DDThh:mm[:ss] with Z or an offset`,
      );
    },
  );
});

describe("working days", () => {
  it.each([
    ["2026-11-20", 1, "2026-11-23"],
    ["2026-11-23", 10, "2026-12-07"],
    ["2026-11-21", 10, "2026-12-04"],
  ])("%s plus %i working days is %s", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });
});
