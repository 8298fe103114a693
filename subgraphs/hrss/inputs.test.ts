import { rejectionOf } from "../../test/support/expected";
import { requireText } from "../../kernel/validate";
import { requirePoolingArea } from "./inputs";

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
