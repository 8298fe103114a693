import { ProjectStatus } from "./prevention-project.entity";
import { barredUntil, prepaymentFen, projectTransitions } from "./prevention-project.rules";

describe("prepayment: 30% of the contract, rounded down to the fen (淄人社字〔2024〕38号)", () => {
  it.each([
    [1_800_000_00, 540_000_00],
    [1_234_567, 370_370],
    [1, 0],
    [2, 0],
    [4, 1],
    [5, 1],
    [15, 4],
  ])("of %i fen is %i fen", (contract, prepaid) => {
    expect(prepaymentFen(contract, "2025-01-01")).toBe(prepaid);
  });
});

describe("the bar after a failed acceptance: three years", () => {
  it.each([
    ["2025-02-07", "2028-02-07"],
    ["2024-02-29", "2027-02-28"],
  ])("after failing on %s lasts until %s", (failedOn, until) => {
    expect(barredUntil(failedOn)).toBe(until);
  });
});

describe("project order", () => {
  it.each([
    [ProjectStatus.APPLIED, [ProjectStatus.APPROVED]],
    [ProjectStatus.APPROVED, [ProjectStatus.AGREEMENT_SIGNED]],
    [ProjectStatus.AGREEMENT_SIGNED, [ProjectStatus.PREPAID]],
    [ProjectStatus.PREPAID, [ProjectStatus.IN_PROGRESS]],
    [ProjectStatus.IN_PROGRESS, [ProjectStatus.ACCEPTED, ProjectStatus.ACCEPTANCE_FAILED]],
    [ProjectStatus.ACCEPTED, [ProjectStatus.PAID]],
    [ProjectStatus.PAID, []],
    [ProjectStatus.ACCEPTANCE_FAILED, []],
  ])("%s may become %j", (from, to) => {
    expect(projectTransitions[from]).toEqual(to);
  });
});
