import { rejectionOf } from "../../test/support/expected";
import { requireText } from "../../kernel/validate";
import { requirePoolingArea } from "./inputs";

describe("pooling areas and text", () => {
  it.each([
    ["370300", undefined],
    ["370303", "370303 (张店区) 不是地市级统筹地区"],
    ["370000", "370000 (山东省) 不是地市级统筹地区"],
    ["990100", "990100 不是已知的 GB/T 2260 行政区划代码"],
    ["37030", '"37030" 不是 6 位数字的行政区划代码'],
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
    ["   ", 10, undefined, "不能为空"],
    ["abcdef", 5, undefined, "最多 5 个字符, 填写了 6 个"],
  ])("%j within %i characters", (value, max, text, reason) => {
    if (reason === undefined) expect(requireText("input.title", value, max)).toBe(text);
    else
      expect(rejectionOf(() => requireText("input.title", value, max))).toEqual({ code: "BAD_USER_INPUT", field: "input.title", reason });
  });
});
