import { rejectionOf } from "../test/support/expected";
import { requireAccidentId, requireNotFuture, requireText } from "./validate";

describe("shared input checks", () => {
  it.each([
    ["AC-2023-000094", "AC-2023-000094"],
    ["ac-2026-0123456789ABCDEF", "AC-2026-0123456789abcdef"],
  ])("reads the accident number %s, demo serial or reported, as %s", (value, id) => {
    expect(requireAccidentId("input.accidentId", value)).toBe(id);
  });

  it("rejects text that is blank or too long, naming the field", () => {
    expect([rejectionOf(() => requireText("input.title", "  ", 5)), rejectionOf(() => requireText("input.title", "abcdef", 5))]).toEqual([
      { code: "BAD_USER_INPUT", field: "input.title", reason: "cannot be empty" },
      { code: "BAD_USER_INPUT", field: "input.title", reason: "must be at most 5 characters, got 6" },
    ]);
  });

  it("takes today in China: at 23:30 UTC the next day has begun", () => {
    const now = new Date("2026-11-22T23:30:00Z");
    expect(() => requireNotFuture("input.on", "2026-11-23", now)).not.toThrow();
    expect(rejectionOf(() => requireNotFuture("input.on", "2026-11-24", now))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.on",
      reason: "cannot be in the future",
    });
  });
});
