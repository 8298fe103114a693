import { rejectionOf } from "../../test/support/expected";
import { requireText } from "../../kernel/validate";
import { requireTransferDepartment } from "./unions.rules";

describe("complaint transfers", () => {
  it.each([
    ["emergency", "emergency"],
    [" HRSS ", "hrss"],
    ["coordination", "coordination"],
  ])("accepts %p as %s", (value, department) => {
    expect(requireTransferDepartment("to", value)).toBe(department);
  });

  it.each(["unions", "police", ""])("rejects %p: unions does not transfer to itself or outside the hub", (value) => {
    expect(rejectionOf(() => requireTransferDepartment("to", value))).toEqual({
      code: "BAD_USER_INPUT",
      field: "to",
      reason: `${JSON.stringify(value)} 不是可转办投诉的部门, 可转办: hrss、emergency、health、transport、housing、coordination`,
    });
  });
});

describe("free text", () => {
  it.each([
    ["x".repeat(10), 10, null],
    ["x".repeat(11), 10, "最多 10 个字符, 填写了 11 个"],
    ["   ", 10, "不能为空"],
  ])("%p within %i characters: %p", (value, max, reason) => {
    if (reason === null) expect(requireText("text", value, max)).toBe(value);
    else expect(rejectionOf(() => requireText("text", value, max))).toEqual({ code: "BAD_USER_INPUT", field: "text", reason });
  });
});
