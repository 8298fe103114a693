import { keyPostGroups, keyPosts } from "../../reference/target-metrics";
import { TargetProgressStatus } from "./plan-target.entity";
import { KeyPost } from "./training-record.entity";
import { expectedShare, judge } from "./target-progress.rules";

describe("target progress rules", () => {
  it("expects progress on a straight line from the first day to the deadline, both counted", () => {
    expect(expectedShare("2024-01-01", "2024-12-31", "2024-06-30")).toBe(49.7);
    expect(expectedShare("2024-01-01", "2024-12-31", "2024-12-31")).toBe(100);
    expect(expectedShare("2022-01-01", "2024-12-31", "2023-12-31")).toBe(66.6); // 730 of 1,096 days (2024 is a leap year)
    expect(expectedShare("2024-01-01", "2024-12-31", "2023-12-31")).toBe(0);
  });

  it.each([
    ["AT_LEAST reached", "AT_LEAST", 12_000, 12_000, false, TargetProgressStatus.ACHIEVED, 100],
    ["AT_LEAST ahead of the line", "AT_LEAST", 6_000, 12_000, false, TargetProgressStatus.ON_TRACK, 50],
    ["AT_LEAST behind the line", "AT_LEAST", 5_000, 12_000, false, TargetProgressStatus.OFF_TRACK, 41.7],
    ["AT_LEAST short at the deadline", "AT_LEAST", 11_999, 12_000, true, TargetProgressStatus.MISSED, 100],
    ["AT_MOST within, running", "AT_MOST", 4_000_000, 5_000_000, false, TargetProgressStatus.ON_TRACK, 80],
    ["AT_MOST kept to the deadline", "AT_MOST", 5_000_000, 5_000_000, true, TargetProgressStatus.ACHIEVED, 100],
    ["AT_MOST exceeded", "AT_MOST", 5_000_000.01, 5_000_000, false, TargetProgressStatus.MISSED, 100],
    ["a reduction reached", "REDUCE_BY_PERCENT", 21, 20, false, TargetProgressStatus.ACHIEVED, 105],
    ["an increase instead of a reduction", "REDUCE_BY_PERCENT", -5, 20, false, TargetProgressStatus.OFF_TRACK, -25],
  ] as const)("judges %s", (_case, kind, achieved, goal, deadlinePassed, status, share) => {
    expect(judge(kind, achieved, goal, 49.7, deadlinePassed)).toEqual(expect.objectContaining({ status, sharePercent: share }));
  });

  it("records training in exactly the posts the plans' key-post groups are made of", () => {
    expect(Object.values(KeyPost)).toEqual(keyPosts.map((post) => post.code));
    for (const group of keyPostGroups) for (const post of group.posts) expect(Object.values(KeyPost)).toContain(post);
  });

  it("never divides by a goal of zero", () => {
    expect(judge("AT_LEAST", 0, 0, 10, false)).toEqual(
      expect.objectContaining({ status: TargetProgressStatus.ACHIEVED, sharePercent: null }),
    );
  });
});
