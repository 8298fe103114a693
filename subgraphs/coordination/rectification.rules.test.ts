import { EscalationStage, RectificationSource, RectificationState, type Rectification } from "./rectification.entity";
import { escalationsOf } from "./rectification.rules";

const rectification = (change: Partial<Rectification>): Rectification => ({
  id: "emergency:HI-1",
  source: RectificationSource.HAZARD_INSPECTION,
  sourceRecordId: "HI-1",
  demandingAgency: "emergency",
  creditCode: "91370303MA3C12345X",
  requirement: "限期整改",
  demandedOn: "2026-12-01",
  dueOn: "2026-12-24",
  state: RectificationState.OPEN,
  evidence: null,
  rejectionReason: null,
  reviewedBy: null,
  reviewedOn: null,
  ...change,
});

describe("rectification escalations", () => {
  it("escalates by working days after the deadline, counting 春节 and its make-up days", () => {
    // Deadline Friday 2026-02-13: Saturdays 02-14 and 02-28 are worked, 02-15…02-23 are off.
    expect(
      escalationsOf(rectification({ dueOn: "2026-02-13" }), "2026-03-31").map(({ stage, escalatedOn }) => [stage, escalatedOn]),
    ).toEqual([
      [EscalationStage.REMINDER, "2026-02-14"],
      [EscalationStage.NOTICE, "2026-02-27"],
      [EscalationStage.REFERRAL, "2026-03-05"],
    ]);
  });

  it("stops at the confirmation and keeps the escalations before it", () => {
    const confirmed = rectification({ dueOn: "2026-02-13", state: RectificationState.CONFIRMED, reviewedOn: "2026-02-27" });
    expect(escalationsOf(confirmed, "2026-03-31").map(({ stage }) => stage)).toEqual([EscalationStage.REMINDER]);
  });

  it("does not need next year's holiday notice for stages that have not come", () => {
    expect(escalationsOf(rectification({}), "2026-12-31").map(({ stage, escalatedOn }) => [stage, escalatedOn])).toEqual([
      [EscalationStage.REMINDER, "2026-12-25"],
      [EscalationStage.NOTICE, "2026-12-31"],
    ]);
    expect(() => escalationsOf(rectification({}), "2027-01-15")).toThrow("没有2027年的节假日安排");
  });
});
