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
      reason: "is not a department a complaint can be transferred to: hrss, emergency, health, transport, housing, coordination",
    });
  });
});

describe("free text", () => {
  it.each([
    ["x".repeat(10), 10, null],
    ["x".repeat(11), 10, "must be at most 10 characters, got 11"],
    ["   ", 10, "cannot be empty"],
  ])("%p within %i characters: %p", (value, max, reason) => {
    if (reason === null) expect(requireText("text", value, max)).toBe(value);
    else expect(rejectionOf(() => requireText("text", value, max))).toEqual({ code: "BAD_USER_INPUT", field: "text", reason });
  });
});
