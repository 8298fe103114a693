import { catalogueOn } from "./disease-catalogue";

describe("occupational-disease catalogue by diagnosis date", () => {
  it.each([
    ["2013-12-23", "2013", 10],
    ["2025-07-31", "2013", 10],
    ["2025-08-01", "2025", 12],
    ["2026-11-22", "2025", 12],
  ])("a diagnosis on %s is coded in the %s catalogue of %i categories", (date, version, categories) => {
    const catalogue = catalogueOn(date);
    expect([catalogue.version, catalogue.categories.length]).toEqual([version, categories]);
  });

  it("refuses a date before any catalogue", () => {
    expect(() => catalogueOn("2013-12-22")).toThrow("no occupational-disease catalogue was in force on 2013-12-22");
  });

  it("moves radiation cataract into radiation diseases in 2025", () => {
    expect(catalogueOn("2025-08-01").categories.find((c) => c.code === "7")?.diseases).toContain("放射性白内障");
    expect(catalogueOn("2025-07-31").categories.find((c) => c.code === "3")?.diseases).toContain("白内障（含放射性白内障、三硝基甲苯白内障）");
  });
});
