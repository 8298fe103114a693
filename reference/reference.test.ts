import { checkIndustryCode, industryDivisions, industrySections } from "./industries";
import { keyIndustries, keyIndustryDivisions, keyIndustryOf } from "./key-industries";
import { checkRegionCode, regions } from "./regions";
import { divisionCrosswalk2011To2017, riskClassOf2011Division, riskClassOf2017Division, riskClassTable2015 } from "./risk-classes";

const pad = (n: number) => String(n).padStart(2, "0");
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => pad(from + i));

describe("GB/T 4754-2017 industries", () => {
  it("has 20 sections A–T and 97 divisions 01–97", () => {
    expect(industrySections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
    expect(industryDivisions).toHaveLength(97);
    expect(industryDivisions.map((d) => d.code)).toEqual(range(1, 97));
  });

  it("places every division inside its section's range, and the ranges tile 01–97", () => {
    for (const d of industryDivisions) {
      const section = industrySections.find((s) => s.code === d.section);
      expect(section).toBeDefined();
      const [from, to] = section!.divisions;
      expect(Number(d.code)).toBeGreaterThanOrEqual(from);
      expect(Number(d.code)).toBeLessThanOrEqual(to);
    }
    expect(industrySections.flatMap((s) => range(s.divisions[0], s.divisions[1]))).toEqual(range(1, 97));
  });

  it("names the divisions that changed in 2017", () => {
    const name = (code: string) => industryDivisions.find((d) => d.code === code)?.name;
    expect(name("58")).toBe("多式联运和运输代理业");
    expect(name("59")).toBe("装卸搬运和仓储业");
    expect(name("79")).toBe("土地管理业");
    expect(name("97")).toBe("国际组织");
  });

  it("accepts section-prefixed and plain codes of 2–4 digits", () => {
    expect(checkIndustryCode("C2614")).toEqual({ valid: true, section: "C", division: "26" });
    expect(checkIndustryCode("2614")).toEqual({ valid: true, section: "C", division: "26" });
    expect(checkIndustryCode("261")).toEqual({ valid: true, section: "C", division: "26" });
    expect(checkIndustryCode("26")).toEqual({ valid: true, section: "C", division: "26" });
    expect(checkIndustryCode("N79")).toEqual({ valid: true, section: "N", division: "79" });
    expect(checkIndustryCode("T9700")).toEqual({ valid: true, section: "T", division: "97" });
  });

  it("rejects a section letter that does not own the division", () => {
    expect(checkIndustryCode("B2614")).toEqual({ valid: false, reason: "大类 26 属于门类 C, 不属于 B" });
    expect(checkIndustryCode("O79")).toEqual({ valid: false, reason: "大类 79 属于门类 N, 不属于 O" });
  });

  it("rejects bad shapes with a reason", () => {
    expect(checkIndustryCode("2")).toEqual({ valid: false, reason: "应有 2、3 或 4 位数字, 实为 1 位" });
    expect(checkIndustryCode("C26141")).toEqual({ valid: false, reason: "应有 2、3 或 4 位数字, 实为 5 位" });
    expect(checkIndustryCode("C")).toEqual({ valid: false, reason: "应有 2、3 或 4 位数字, 实为 0 位" });
    expect(checkIndustryCode("9800")).toEqual({ valid: false, reason: "98 不是 GB/T 4754-2017 的大类" });
    expect(checkIndustryCode("00")).toEqual({ valid: false, reason: "00 不是 GB/T 4754-2017 的大类" });
    expect(checkIndustryCode("U9700")).toEqual({ valid: false, reason: "U 不是 GB/T 4754-2017 的门类字母" });
    expect(checkIndustryCode("c2614")).toEqual({
      valid: false,
      reason: '"c2614" 不是行业代码: 应为门类字母 (可省略) 加 2 至 4 位数字',
    });
    expect(checkIndustryCode("C 2614")).toEqual({
      valid: false,
      reason: '"C 2614" 不是行业代码: 应为门类字母 (可省略) 加 2 至 4 位数字',
    });
  });
});

describe("2015 risk classes (人社部发〔2015〕71号)", () => {
  it("is dated and keyed to GB/T 4754-2011", () => {
    expect(riskClassTable2015.effectiveFrom).toBe("2015-10-01");
    expect(riskClassTable2015.industryStandard).toBe("GB/T 4754-2011");
  });

  it("has the eight base rates and float factors as integers", () => {
    expect(riskClassTable2015.classes.map((c) => c.riskClass)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(riskClassTable2015.classes.map((c) => c.baseRateBasisPoints)).toEqual([20, 40, 70, 90, 110, 130, 160, 190]);
    expect(riskClassTable2015.classes[0].floatFactorsPercent).toEqual([100, 120, 150]);
    for (const c of riskClassTable2015.classes.slice(1)) {
      expect(c.floatFactorsPercent).toEqual([50, 80, 100, 120, 150]);
    }
  });

  it("classifies each of the 96 GB/T 4754-2011 divisions exactly once", () => {
    expect(riskClassTable2015.classes.map((c) => c.divisions2011.length)).toEqual([15, 19, 16, 23, 9, 7, 3, 4]);
    const codes = riskClassTable2015.classes.flatMap((c) => c.divisions2011.map(([code]) => code));
    expect(codes).toHaveLength(96);
    expect([...codes].sort()).toEqual(range(1, 96));
  });

  it("looks up 2011 classes", () => {
    expect(riskClassOf2011Division("58")).toBe(5);
    expect(riskClassOf2011Division("59")).toBe(2);
    expect(riskClassOf2011Division("79")).toBe(2); // 2011 79 is 居民服务业
    expect(riskClassOf2011Division("97")).toBeUndefined();
  });

  it("crosswalks 2011 to 2017 with the +1 shift from 79", () => {
    const to2017 = (from: string) => divisionCrosswalk2011To2017.pairs.filter(([f]) => f === from).map(([, t]) => t);
    expect(to2017("57")).toEqual(["57"]);
    expect(to2017("58")).toEqual(["58", "59"]);
    expect(to2017("59")).toEqual(["59"]);
    expect(to2017("78")).toEqual(["78"]);
    expect(to2017("79")).toEqual(["80"]);
    expect(to2017("89")).toEqual(["90"]);
    expect(to2017("96")).toEqual(["97"]);
    // Every 2011 division is mapped; every 2017 division except 79 is reached.
    expect([...new Set(divisionCrosswalk2011To2017.pairs.map(([f]) => f))]).toEqual(range(1, 96));
    const reached = new Set(divisionCrosswalk2011To2017.pairs.map(([, t]) => t));
    expect(industryDivisions.map((d) => d.code).filter((c) => !reached.has(c))).toEqual(["79"]);
    expect(divisionCrosswalk2011To2017.unmapped2017).toEqual(["79"]);
  });

  it("records a resolution for every 2017 division whose 2011 sources disagree, using the most severe", () => {
    const conflicted = industryDivisions
      .map((d) => d.code)
      .filter((code) => {
        const sources = divisionCrosswalk2011To2017.pairs.filter(([, t]) => t === code).map(([f]) => f);
        return new Set(sources.map(riskClassOf2011Division)).size > 1;
      });
    expect(conflicted).toEqual(["59"]);
    expect(divisionCrosswalk2011To2017.resolutions).toEqual([
      { division2017: "59", from2011: ["58", "59"], riskClass: 5, rule: "more severe class" },
    ]);
  });

  it("gives the class of 2017 divisions", () => {
    expect(riskClassOf2017Division("06")).toBe(8); // 煤炭开采和洗选业
    expect(riskClassOf2017Division("47")).toBe(6); // 房屋建筑业
    expect(riskClassOf2017Division("65")).toBe(1); // 软件和信息技术服务业
    expect(riskClassOf2017Division("25")).toBe(7); // 石油、煤炭及其他燃料加工业
    expect(riskClassOf2017Division("58")).toBe(5); // 多式联运和运输代理业
    expect(riskClassOf2017Division("59")).toBe(5); // 装卸搬运和仓储业: max(5, 2)
    expect(riskClassOf2017Division("60")).toBe(2); // 邮政业
    expect(riskClassOf2017Division("78")).toBe(3); // 公共设施管理业, unshifted
    expect(riskClassOf2017Division("79")).toBeUndefined(); // 土地管理业: new in 2017
    expect(riskClassOf2017Division("80")).toBe(2); // 居民服务业 (2011 79)
    expect(riskClassOf2017Division("81")).toBe(3); // 修理业 (2011 80)
    expect(riskClassOf2017Division("89")).toBe(4); // 体育 (2011 88)
    expect(riskClassOf2017Division("90")).toBe(3); // 娱乐业 (2011 89)
    expect(riskClassOf2017Division("97")).toBe(1); // 国际组织 (2011 96)
    expect(riskClassOf2017Division("98")).toBeUndefined();
    expect(riskClassOf2017Division("6")).toBeUndefined();
  });
});

describe("GB/T 2260 regions", () => {
  it("holds Shandong, Zibo and its 8 districts/counties, Liaoning and its 14 cities", () => {
    expect(regions).toHaveLength(25);
    expect(regions.filter((r) => r.parent === "370300")).toHaveLength(8);
    expect(regions.filter((r) => r.parent === "210000").map((r) => r.code)).toEqual([
      "210100",
      "210200",
      "210300",
      "210400",
      "210500",
      "210600",
      "210700",
      "210800",
      "210900",
      "211000",
      "211100",
      "211200",
      "211300",
      "211400",
    ]);
    for (const r of regions) {
      if (r.parent !== undefined) expect(regions.some((p) => p.code === r.parent)).toBe(true);
    }
  });

  it("checks codes", () => {
    expect(checkRegionCode("370303")).toEqual({ valid: true, level: "county", name: "张店区" });
    expect(checkRegionCode("370300")).toEqual({ valid: true, level: "prefecture", name: "淄博市" });
    expect(checkRegionCode("370000")).toEqual({ valid: true, level: "province", name: "山东省" });
    expect(checkRegionCode("211400")).toEqual({ valid: true, level: "prefecture", name: "葫芦岛市" });
    expect(checkRegionCode("370399")).toEqual({ valid: false, reason: "370399 不是已知的 GB/T 2260 行政区划代码" });
    expect(checkRegionCode("37030")).toEqual({ valid: false, reason: '"37030" 不是 6 位数字的行政区划代码' });
    expect(checkRegionCode("37030A")).toEqual({ valid: false, reason: '"37030A" 不是 6 位数字的行政区划代码' });
  });
});

describe("the plans' key industries", () => {
  it("are real divisions, none in two key industries", () => {
    const all = keyIndustries.flatMap((industry) => industry.divisions);
    expect(new Set(all).size).toBe(all.length);
    for (const division of all) expect(checkIndustryCode(division)).toMatchObject({ valid: true, division });
    expect([...keyIndustryDivisions].sort()).toEqual([...all].sort());
  });

  it("place a code of any length, with or without its section letter", () => {
    expect(keyIndustryOf("C2614")?.name).toBe("危险化学品");
    expect(keyIndustryOf("4790")?.code).toBe("CONSTRUCTION");
    expect(keyIndustryOf("06")?.name).toBe("煤矿");
    expect(keyIndustryOf("65")).toBeUndefined();
  });
});
