import { requireFen } from "./accident.resolver";

describe("direct loss in yuan, stored as exact fen", () => {
  it.each([
    [0, 0],
    [0.29, 29],
    [9_999_999.99, 999_999_999],
    [10_000_000, 1_000_000_000],
  ])("%f yuan is %i fen", (yuan, fen) => {
    expect(requireFen("input.directLossYuan", yuan)).toBe(fen);
  });

  it.each([-0.01, 0.295, Number.NaN, 1e20])("rejects %f yuan naming the field", (yuan) => {
    expect(() => requireFen("input.directLossYuan", yuan)).toThrow(
      `input.directLossYuan: must be a non-negative amount in yuan with at most two decimals, got ${yuan}`,
    );
  });
});
