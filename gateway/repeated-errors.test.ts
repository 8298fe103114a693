import { repeatedErrorsOnce } from "./repeated-errors";

describe("errors several departments raise alike", () => {
  const refusal = (serviceName: string, path = ["meetingReport"], message = "报告期: 不是报告期") => ({
    message,
    path,
    extensions: { code: "BAD_USER_INPUT", field: "period", serviceName },
  });

  it("reads once an error that differs only in the department that raised it, naming every one", () => {
    expect(repeatedErrorsOnce([refusal("transport"), refusal("housing"), refusal("unions")])).toEqual([
      {
        message: "报告期: 不是报告期",
        path: ["meetingReport"],
        extensions: { code: "BAD_USER_INPUT", field: "period", serviceName: "transport", serviceNames: ["transport", "housing", "unions"] },
      },
    ]);
  });

  it("reads once an error the gateway itself repeats, naming no department", () => {
    const unnamed = { message: "the audit log cannot be written", extensions: { code: "AUDIT_UNAVAILABLE" } };

    expect(repeatedErrorsOnce([unnamed, { ...unnamed }])).toEqual([unnamed]);
  });

  it("keeps errors apart that differ in path or message, and a lone error as it came", () => {
    const errors = [
      refusal("transport", ["current"]),
      refusal("housing", ["previous"]),
      refusal("unions", ["current"], "区划: 不是已知的行政区划代码"),
    ];

    expect(repeatedErrorsOnce(errors)).toEqual(errors);
  });
});
