import { rejectionOf } from "../../test/support/expected";
import { requireText } from "../../kernel/validate";
import { requirePoolingArea, requireYuanAsFen, yuanText } from "./inputs";

describe("yuan to fen", () => {
  it.each([
    [0.01, 1],
    [400000.01, 40000001],
    [5000000, 500000000],
    [19.99, 1999],
  ])("%f yuan is %i fen", (yuan, fen) => {
    expect(requireYuanAsFen("input.amountYuan", yuan)).toBe(fen);
  });

  it.each([
    [0.001, "must be an amount in yuan with at most 2 decimals, got 0.001"],
    [0, "must be more than 0, got 0"],
    [-5, "must be more than 0, got -5"],
    [1e17, "is too large, got 100000000000000000"],
  ])("rejects %f yuan", (yuan, reason) => {
    expect(rejectionOf(() => requireYuanAsFen("input.amountYuan", yuan))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.amountYuan",
      reason,
    });
  });

  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [540000000, "5400000.00"],
    [40000001, "400000.01"],
  ])("shows %i fen as %s yuan", (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });
});

describe("pooling areas and text", () => {
  it.each([
    ["370300", undefined],
    ["370303", "370303 is a county, not a prefecture-level pooling area"],
    ["370000", "370000 is a province, not a prefecture-level pooling area"],
    ["990100", "990100 is not a known GB/T 2260 region"],
    ["37030", '"37030" is not a 6-digit region code'],
  ])("%s: %s", (code, reason) => {
    if (reason === undefined) expect(requirePoolingArea("input.poolingAreaCode", code)).toBe(code);
    else
      expect(rejectionOf(() => requirePoolingArea("input.poolingAreaCode", code))).toEqual({
        code: "BAD_USER_INPUT",
        field: "input.poolingAreaCode",
        reason,
      });
  });

  it.each([
    ["  培训  ", 10, "培训", undefined],
    ["   ", 10, undefined, "cannot be empty"],
    ["abcdef", 5, undefined, "must be at most 5 characters, got 6"],
  ])("%j within %i characters", (value, max, text, reason) => {
    if (reason === undefined) expect(requireText("input.title", value, max)).toBe(text);
    else
      expect(rejectionOf(() => requireText("input.title", value, max))).toEqual({ code: "BAD_USER_INPUT", field: "input.title", reason });
  });
});
