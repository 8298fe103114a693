import { industryDivisions } from "./industries";

/**
 * The plans' key industries (重点行业), as GB/T 4754-2017 divisions. The plans name industries in
 * words, not codes; the division sets are our reading of those words:
 * - 辽宁 (辽人社发〔2021〕, after 人社部发〔2020〕90号): 危险化学品、矿山、建筑施工、交通运输、机械制造.
 * - 淄博 2024 方案: three main lines 建筑施工、机械制造、交通运输; alongside them 非煤矿山、建材、危险化学品;
 *   煤炭 led by one large enterprise; 冶金 named with them in 鲁人社函〔2023〕94号.
 * A hazardous-chemicals enterprise is, strictly, one holding a hazardous-chemicals licence (应急's
 * safety licences); the divisions below are the industries where such enterprises are found.
 */
export interface KeyIndustry {
  /** Stable code for programs. */
  code: string;
  /** The plans' own word. */
  name: string;
  divisions: readonly string[];
}

const divisionRange = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, index) => String(from + index).padStart(2, "0"));

export const keyIndustries: readonly KeyIndustry[] = [
  { code: "COAL_MINING", name: "煤矿", divisions: ["06"] },
  { code: "NON_COAL_MINING", name: "非煤矿山", divisions: divisionRange(7, 12) },
  { code: "HAZARDOUS_CHEMICALS", name: "危险化学品", divisions: ["25", "26", "28"] },
  { code: "BUILDING_MATERIALS", name: "建材", divisions: ["30"] },
  { code: "METALLURGY", name: "冶金", divisions: ["31", "32"] },
  { code: "MACHINERY", name: "机械制造", divisions: [...divisionRange(33, 38), "40", "43"] },
  { code: "CONSTRUCTION", name: "建筑施工", divisions: divisionRange(47, 50) },
  { code: "TRANSPORT", name: "交通运输", divisions: divisionRange(53, 60) },
];

const keyIndustryByDivision: ReadonlyMap<string, KeyIndustry> = new Map(
  keyIndustries.flatMap((industry) => industry.divisions.map((division) => [division, industry] as const)),
);

/** The key industry a GB/T 4754 code (any length, with or without its section letter) falls in, if any. */
export function keyIndustryOf(industryCode: string): KeyIndustry | undefined {
  return keyIndustryByDivision.get(industryCode.replace(/^[A-Z]/, "").slice(0, 2));
}

/** Every division of every key industry, e.g. for an SQL `IN` list. */
export const keyIndustryDivisions: readonly string[] = industryDivisions
  .map((division) => division.code)
  .filter((code) => keyIndustryByDivision.has(code));
