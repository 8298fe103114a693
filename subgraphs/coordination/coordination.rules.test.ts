import { rejectionOf } from "../../test/support/expected";
import { requireAccidentId, requireText } from "../../kernel/validate";
import { nextInspectionId, requireDepartment, requireParticipants } from "./coordination.rules";

const members = "hrss、emergency、health、transport、housing、unions、coordination";

describe("departments of a joint inspection", () => {
  it.each(["hrss", "emergency", "health", "transport", "housing", "unions", "coordination"])("knows %s", (department) => {
    expect(requireDepartment("lead", department.toUpperCase())).toBe(department);
  });

  it.each(["police", "", "hrss2"])("rejects %p", (value) => {
    expect(rejectionOf(() => requireDepartment("lead", value))).toEqual({
      code: "BAD_USER_INPUT",
      field: "lead",
      reason: `${JSON.stringify(value)} 不是成员单位, 成员单位: ${members}`,
    });
  });

  it.each([
    [["emergency", "hrss"], "emergency", null, null],
    [["hrss", "police"], "hrss", "agencies[1]", `"police" 不是成员单位, 成员单位: ${members}`],
    [["hrss", "emergency", "hrss"], "hrss", "agencies", "hrss 列了两次"],
    [["emergency", "health"], "hrss", "agencies", "应包括牵头部门 hrss"],
  ])("participants %p led by %s", (agencies, lead, field, reason) => {
    if (field === null) expect(requireParticipants("agencies", agencies, lead)).toEqual(agencies);
    else expect(rejectionOf(() => requireParticipants("agencies", agencies, lead))).toEqual({ code: "BAD_USER_INPUT", field, reason });
  });
});

describe("inspection numbers", () => {
  it.each([
    ["2026", [], "LJ-2026-001"],
    ["2026", ["LJ-2025-007", "LJ-2026-001", "LJ-2026-004"], "LJ-2026-005"],
    ["2025", ["LJ-2025-099"], "LJ-2025-100"],
  ])("the next in %s after %p is %s", (year, existing, next) => {
    expect(nextInspectionId(year, existing)).toBe(next);
  });
});

describe("text and accident numbers", () => {
  it.each([
    ["x".repeat(200), 200, null],
    ["x".repeat(201), 200, "最多 200 个字符, 填写了 201 个"],
    [" ", 200, "不能为空"],
  ])("text %p within %i: %p", (value, max, reason) => {
    if (reason === null) expect(requireText("title", value, max)).toBe(value);
    else expect(rejectionOf(() => requireText("title", value, max))).toEqual({ code: "BAD_USER_INPUT", field: "title", reason });
  });

  it.each([
    ["AC-2023-000042", true],
    ["AC-2023-42", false],
  ])("accident number %s accepted: %s", (value, accepted) => {
    if (accepted) expect(requireAccidentId("accidentId", value)).toBe(value);
    else expect(rejectionOf(() => requireAccidentId("accidentId", value))).toMatchObject({ field: "accidentId" });
  });
});
