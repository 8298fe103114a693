import { catalogueOn, diseaseCatalogues, findDisease } from "./disease-catalogue";

const count = (version: string) => {
  const catalogue = diseaseCatalogues.find((candidate) => candidate.version === version)!;
  const diseases = catalogue.categories.flatMap((category) => category.diseases);
  return {
    perCategory: Object.fromEntries(catalogue.categories.map((category) => [category.code, category.diseases.length])),
    total: diseases.length,
    openClauses: diseases.filter((disease) => disease.openClause).length,
    distinctCodes: new Set(diseases.map((disease) => disease.code)).size,
  };
};

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

  it("holds the 2013 list: 132 diseases in 10 categories as 国卫疾控发〔2013〕48号 counts them, 4 open clauses", () => {
    expect(count("2013")).toEqual({
      perCategory: { "1": 19, "2": 9, "3": 3, "4": 4, "5": 60, "6": 7, "7": 11, "8": 5, "9": 11, "10": 3 },
      total: 132,
      openClauses: 4,
      distinctCodes: 132,
    });
  });

  it("holds the 2025 list: 135 diseases in 12 categories (per-category counts UNCONFIRMED), 4 open clauses", () => {
    expect(count("2025")).toEqual({
      perCategory: { "1": 19, "2": 9, "3": 3, "4": 4, "5": 59, "6": 7, "7": 13, "8": 5, "9": 11, "10": 2, "11": 2, "12": 1 },
      total: 135,
      openClauses: 4,
      distinctCodes: 135,
    });
  });

  it.each([
    ["2025-07-31", "5.11", "5", "铀及其化合物中毒"],
    ["2025-07-31", "5.19", "5", "一氧化碳中毒"],
    ["2025-07-31", "3.3", "3", "白内障（含放射性白内障、三硝基甲苯白内障）"],
    ["2025-07-31", "10.2", "10", "滑囊炎（限于井下工人）"],
    ["2025-08-01", "5.18", "5", "一氧化碳中毒"],
    ["2025-08-01", "7.11", "7", "放射性白内障"],
    ["2025-08-01", "7.12", "7", "铀及其化合物中毒"],
    ["2025-08-01", "11.2", "11", "滑囊炎（限于井下工人）"],
    ["2025-08-01", "12.1", "12", "创伤后应激障碍（限于参与突发事件处置的人民警察、医疗卫生人员、消防救援人员等）"],
  ])("on %s code %s is category %s %s", (date, code, categoryCode, name) => {
    const found = findDisease(catalogueOn(date), code);
    expect([found?.category.code, found?.disease.name]).toEqual([categoryCode, name]);
  });

  it.each([
    ["2025-07-31", "11.1"],
    ["2025-08-01", "5.60"],
    ["2025-08-01", "13.1"],
  ])("on %s there is no disease %s", (date, code) => {
    expect(findDisease(catalogueOn(date), code)).toBeUndefined();
  });
});
