import { RectificationStatus, rectificationStatus } from "./hazard-inspection.entity";

describe("hazard rectification status", () => {
  it.each([
    [{ hazardsFound: 0, rectificationDueOn: null, rectifiedOn: null }, "2025-06-01", RectificationStatus.NONE_FOUND],
    [{ hazardsFound: 2, rectificationDueOn: "2025-06-01", rectifiedOn: "2025-07-01" }, "2025-08-01", RectificationStatus.RECTIFIED],
    [{ hazardsFound: 2, rectificationDueOn: "2025-06-01", rectifiedOn: null }, "2025-06-01", RectificationStatus.PENDING],
    [{ hazardsFound: 2, rectificationDueOn: "2025-06-01", rectifiedOn: null }, "2025-06-02", RectificationStatus.OVERDUE],
  ])("%o on %s is %s", (inspection, today, status) => {
    expect(rectificationStatus(inspection, today)).toBe(status);
  });
});
