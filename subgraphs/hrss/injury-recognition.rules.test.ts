import { RecognitionApplicant, RecognitionStatus } from "./injury-recognition.entity";
import { acceptanceDueOn, applicationWindow, decisionDueOn, recognitionTransitions } from "./injury-recognition.rules";

describe("application window (工伤保险条例 第十七条)", () => {
  it.each([
    [RecognitionApplicant.EMPLOYER, "2025-01-10", "2025-02-09"],
    [RecognitionApplicant.EMPLOYER, "2024-12-15", "2025-01-14"],
    [RecognitionApplicant.WORKER, "2025-01-10", "2026-01-10"],
    [RecognitionApplicant.UNION, "2024-02-29", "2025-02-28"],
    [RecognitionApplicant.WORKER, "2023-03-31", "2024-03-31"],
  ])("a %s injured on %s may apply until %s", (applicant, injuredOn, lastDay) => {
    expect(applicationWindow(applicant, injuredOn).lastDay).toBe(lastDay);
  });

  it.each([
    [RecognitionApplicant.EMPLOYER, "用人单位应在事故伤害发生之日起 30 日内申请"],
    [RecognitionApplicant.UNION, "职工或工会组织应在事故伤害发生之日起 1 年内申请"],
  ])("names the %s window", (applicant, description) => {
    expect(applicationWindow(applicant, "2025-01-01").description).toBe(description);
  });
});

describe("deadlines after application (人社部令第8号 第八条, 条例 第二十条)", () => {
  it.each([
    ["2025-01-01", "2025-01-16"],
    ["2024-02-20", "2024-03-06"],
  ])("an application of %s is to be accepted by %s", (appliedOn, due) => {
    expect(acceptanceDueOn(appliedOn)).toBe(due);
  });

  it.each([
    ["2025-01-16", "2025-03-17"],
    ["2024-01-01", "2024-03-01"],
  ])("a case accepted on %s is to be decided by %s", (acceptedOn, due) => {
    expect(decisionDueOn(acceptedOn)).toBe(due);
  });
});

describe("status transitions", () => {
  it.each([
    [RecognitionStatus.APPLIED, [RecognitionStatus.ACCEPTED]],
    [RecognitionStatus.ACCEPTED, [RecognitionStatus.RECOGNISED, RecognitionStatus.NOT_RECOGNISED]],
    [RecognitionStatus.RECOGNISED, []],
    [RecognitionStatus.NOT_RECOGNISED, []],
  ])("%s may become %j", (from, to) => {
    expect(recognitionTransitions[from]).toEqual(to);
  });
});
