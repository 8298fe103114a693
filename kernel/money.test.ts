import { rejectionOf } from "../test/support/expected";
import { fenToYuanText, maximumYuan, yuanToFen } from "./money";

describe("yuan to exact fen", () => {
  it.each<[string | number, number]>([
    [0.01, 1],
    ["0.01", 1],
    [19.99, 1999],
    [0.29, 29],
    [400000.01, 40000001],
    [9_999_999.99, 999_999_999],
    // Above 1亿 the float product is off by a fraction of a fen; the digits are not.
    [123_456_789.12, 12_345_678_912],
    [100_000_000.01, 10_000_000_001],
    [987_654_321_098.76, 98_765_432_109_876],
    [999_999_999_999.99, 99_999_999_999_999],
    [maximumYuan, 100_000_000_000_000],
    ["1000000000000.00", 100_000_000_000_000],
    [" 12.5 ", 1250],
    ["12.", 1200],
    ["12.500", 1250],
    ["+7", 700],
  ])("%p yuan is %i fen", (yuan, fen) => {
    expect(yuanToFen("input.amountYuan", yuan)).toBe(fen);
  });

  it("takes zero where the floor allows it", () => {
    expect(yuanToFen("input.directLossYuan", 0, "nonNegative")).toBe(0);
    expect(yuanToFen("input.directLossYuan", "0.00", "nonNegative")).toBe(0);
  });

  it.each<[string | number, string]>([
    [0.001, "金额最多两位小数 (精确到分), 收到 0.001"],
    ["10.005", "金额最多两位小数 (精确到分), 收到 10.005"],
    [10.005, "金额最多两位小数 (精确到分), 收到 10.005"],
    [1e-7, "金额最多两位小数 (精确到分), 收到 1e-7"],
    [0, "金额必须大于 0, 收到 0"],
    [-5, "金额不能为负数, 收到 -5"],
    ["-0.01", "金额不能为负数, 收到 -0.01"],
    [1_000_000_000_000.01, "金额不能超过 1000000000000 元 (1万亿元), 收到 1000000000000.01"],
    ["1000000000000.01", "金额不能超过 1000000000000 元 (1万亿元), 收到 1000000000000.01"],
    [1e21, "金额不能超过 1000000000000 元 (1万亿元), 收到 1e+21"],
    [Number.NaN, '"NaN" 不是以元为单位的金额 (数字, 最多两位小数)'],
    [Number.POSITIVE_INFINITY, '"Infinity" 不是以元为单位的金额 (数字, 最多两位小数)'],
    ["1,000", '"1,000" 不是以元为单位的金额 (数字, 最多两位小数)'],
    ["", '"" 不是以元为单位的金额 (数字, 最多两位小数)'],
    ["1e3", '"1e3" 不是以元为单位的金额 (数字, 最多两位小数)'],
  ])("refuses %p, naming the field", (yuan, reason) => {
    expect(rejectionOf(() => yuanToFen("input.amountYuan", yuan))).toEqual({ code: "BAD_USER_INPUT", field: "input.amountYuan", reason });
  });

  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [-50, "-0.50"],
    [40000001, "400000.01"],
    [100_000_000_000_000, "1000000000000.00"],
  ])("shows %i fen as %s yuan", (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text);
  });
});
