import { rejectionOf } from "../test/support/expected";
import { creditCodeCheckCharacter } from "./identifiers/credit-code";
import {
  creditCodeTypoHint,
  requireAccidentId,
  requireLocalDate,
  requireNotFuture,
  requireOrder,
  requireReportScope,
  requireText,
} from "./validate";

describe("shared input checks", () => {
  it.each([
    ["AC-2023-000094", "AC-2023-000094"],
    ["ac-2026-0123456789ABCDEF", "AC-2026-0123456789abcdef"],
  ])("reads the accident number %s, demo serial or reported, as %s", (value, id) => {
    expect(requireAccidentId("input.accidentId", value)).toBe(id);
  });

  it("rejects text that is blank or too long, naming the field", () => {
    expect([rejectionOf(() => requireText("input.title", "  ", 5)), rejectionOf(() => requireText("input.title", "abcdef", 5))]).toEqual([
      { code: "BAD_USER_INPUT", field: "input.title", reason: "不能为空" },
      { code: "BAD_USER_INPUT", field: "input.title", reason: "最多 5 个字符, 填写了 6 个" },
    ]);
  });

  it.each([
    ["2025-02-30", "2025-02-30 不是真实的日期: 2025 年 2 月只有 28 天, 没有 30 日"],
    ["2024-02-30", "2024-02-30 不是真实的日期: 2024 年 2 月只有 29 天, 没有 30 日"],
    ["2025-13-01", "2025-13-01 不是真实的日期: 没有 13 月"],
    ["2025/02/01", '"2025/02/01" 不是日期, 应写作 YYYY-MM-DD'],
  ])("says why %s is no date, in Chinese, and names the field in the message", (value, reason) => {
    expect(rejectionOf(() => requireLocalDate("input.registeredOn", value))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.registeredOn",
      reason,
    });
    expect(() => requireLocalDate("input.registeredOn", value)).toThrow(`参保登记日期: ${reason}`);
  });

  it("names the earlier field by its Chinese name and both values when two dates come out of order", () => {
    expect(rejectionOf(() => requireOrder("input.reportedOn", "2025-03-02", "2025-03-01", "input.diagnosedOn"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.reportedOn",
      reason: "不能早于诊断日期 2025-03-02, 填写的是 2025-03-01",
    });
    expect(() => requireOrder("input.reportedOn", "2025-03-02", "2025-03-01", "input.diagnosedOn")).toThrow(
      "报告日期: 不能早于诊断日期 2025-03-02, 填写的是 2025-03-01",
    );
  });

  it("points at a likely typo when a credit code fails its check character", () => {
    const first17 = "91370303MA3C8K7D9";
    const right = creditCodeCheckCharacter(first17);
    const wrong = right === "0" ? "1" : "0";
    expect([creditCodeTypoHint(first17 + right), creditCodeTypoHint(first17 + wrong)]).toEqual([
      "",
      `; 其校验位应为 ${right}, 实为 ${wrong} (GB 32100), 请核对是否填错`,
    ]);
  });

  it("takes today in China: at 23:30 UTC the next day has begun", () => {
    const now = new Date("2026-11-22T23:30:00Z");
    expect(() => requireNotFuture("input.on", "2026-11-23", now)).not.toThrow();
    expect(rejectionOf(() => requireNotFuture("input.on", "2026-11-24", now))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.on",
      reason: "不能晚于今天 (2026-11-23)",
    });
  });

  it.each([
    ["2024", "370300", "3703%", "2024-01-01", "2025-01-01", 12, "2024-01", "2024-12"],
    ["2024-Q4", "370303", "370303%", "2024-10-01", "2025-01-01", 3, "2024-10", "2024-12"],
    ["2026-Q2", "370000", "37%", "2026-04-01", "2026-07-01", 3, "2026-04", "2026-06"],
  ])("reads the report period %s for %s", (period, regionCode, regionPattern, from, until, months, first, last) => {
    const scope = requireReportScope(regionCode, period, new Date("2026-06-15T02:00:00Z"));

    expect(scope).toMatchObject({ regionCode, regionPattern, from, until });
    expect([scope.months.length, scope.months[0], scope.months[scope.months.length - 1]]).toEqual([months, first, last]);
  });

  it("refuses a period until it has begun by China's calendar", () => {
    // 2026-06-30T16:30Z is already 1 July in China: the third quarter has begun there.
    expect(requireReportScope("370300", "2026-Q3", new Date("2026-06-30T16:30:00Z")).from).toBe("2026-07-01");
    expect(rejectionOf(() => requireReportScope("370300", "2026-Q3", new Date("2026-06-30T15:30:00Z")))).toEqual({
      code: "BAD_USER_INPUT",
      field: "period",
      reason: "报告期 2026-Q3 尚未开始 (今天是 2026-06-30)",
      reasonCode: "FUTURE_PERIOD",
    });
  });
});
