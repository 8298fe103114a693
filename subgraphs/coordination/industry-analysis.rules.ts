import { industryDivisions, industrySections } from "../../reference/industries";
import { keyIndustries, keyIndustryOf } from "../../reference/key-industries";
import type {
  AccidentIndustryFigures,
  IndustryRow,
  IndustryTrend,
  IndustryYear,
  InsuredIndustryFigures,
  OccupationalDiseaseIndustryFigures,
} from "./industry-analysis.entity";
import { IndustryLevel, TrendDirection } from "./industry-analysis.entity";

/** How the analysis computes what it shows, stated in the analysis itself. */
export const analysisMethod =
  "各部门在本部门数据库中按行业 (GB/T 4754 大类) 和年度汇总本部门数据: 人社 年末参保人数 (当前参保且参保起始日不晚于当年12月31日者) 和认定工伤人数, 应急 生产安全事故起数和死亡人数, 卫健 新诊断职业病例数; 联防办按行业和年度合并后计算: 工伤发生率 = 认定工伤人数 / 年末参保人数 × 1000 (‰), 事故率和职业病发病率同理 (每千人), 死亡率按每十万参保人计; 无参保人员的行业不计算比率并说明原因; 排名按当年工伤发生率从高到低, 并列者同名次; 趋势比较跨度内首末两个有比率年份的工伤发生率, 变化在 ±5% 以内为持平。";

/** The trend threshold: a relative change within it is steady. */
const steadyPercent = 5;

interface Totals {
  insuredHeadcount: number;
  accidents: number;
  deaths: number;
  recognisedInjuries: number;
  newOccupationalDiseaseCases: number;
}

const emptyTotals = (): Totals => ({ insuredHeadcount: 0, accidents: 0, deaths: 0, recognisedInjuries: 0, newOccupationalDiseaseCases: 0 });

/** A rate rounded to four decimals, so every reader shows the same digits; null when nobody is insured. */
const rate = (count: number, insured: number, per: number): number | null =>
  insured === 0 ? null : Math.round(((count * per) / insured) * 10_000) / 10_000;

function yearOf(year: number, totals: Totals): IndustryYear {
  const insured = totals.insuredHeadcount;
  return {
    year,
    ...totals,
    injuriesPerThousand: rate(totals.recognisedInjuries, insured, 1_000),
    accidentsPerThousand: rate(totals.accidents, insured, 1_000),
    deathsPerHundredThousand: rate(totals.deaths, insured, 100_000),
    occupationalDiseasesPerThousand: rate(totals.newOccupationalDiseaseCases, insured, 1_000),
    rateUnavailable: insured === 0 ? `${year} 年末该行业在本地区无参保人员, 无法计算比率` : null,
    rank: null,
  };
}

export function trendOf(years: IndustryYear[]): IndustryTrend {
  const rated = years.filter((year) => year.injuriesPerThousand !== null);
  if (rated.length < 2) {
    return {
      direction: TrendDirection.UNKNOWN,
      fromYear: null,
      toYear: null,
      changePercent: null,
      reason: "有工伤发生率的年份不足两年, 无法判断趋势",
    };
  }
  const first = rated[0];
  const last = rated[rated.length - 1];
  const from = first.injuriesPerThousand ?? 0;
  const to = last.injuriesPerThousand ?? 0;
  if (from === 0) {
    return {
      direction: to > 0 ? TrendDirection.RISING : TrendDirection.STEADY,
      fromYear: first.year,
      toYear: last.year,
      changePercent: null,
      reason: `${first.year} 年工伤发生率为 0, 无法计算变化百分比`,
    };
  }
  const changePercent = Math.round(((to - from) / from) * 100 * 100) / 100;
  const direction =
    Math.abs(changePercent) < steadyPercent ? TrendDirection.STEADY : changePercent > 0 ? TrendDirection.RISING : TrendDirection.FALLING;
  return { direction, fromYear: first.year, toYear: last.year, changePercent, reason: null };
}

/** Competition ranking (1, 2, 2, 4) by injuries per 1,000, highest first; rows without a rate get none. */
function rankYears(rows: IndustryRow[], yearIndex: number): void {
  const rated = rows.map((row) => row.years[yearIndex]).filter((year) => year.injuriesPerThousand !== null);
  for (const year of rated) {
    year.rank = 1 + rated.filter((other) => (other.injuriesPerThousand ?? 0) > (year.injuriesPerThousand ?? 0)).length;
  }
}

/** Ranks every year, takes the last year's rank as the row's, and orders ranked rows first. */
function ranked(rows: IndustryRow[]): IndustryRow[] {
  if (rows.length === 0) return rows;
  for (let index = 0; index < rows[0].years.length; index++) rankYears(rows, index);
  for (const row of rows) row.rank = row.years[row.years.length - 1].rank;
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

export interface IndustryAnalysisResult {
  divisions: IndustryRow[];
  sections: IndustryRow[];
  keyIndustries: IndustryRow[];
  unclassified: IndustryRow | null;
}

/** Joins the three departments' figures by division and year and computes rates, rank and trend. */
export function analyseIndustries(
  years: readonly number[],
  insured: readonly InsuredIndustryFigures[],
  accidents: readonly AccidentIndustryFigures[],
  diseases: readonly OccupationalDiseaseIndustryFigures[],
): IndustryAnalysisResult {
  // division ("" for unclassified) → year → totals
  const byDivision = new Map<string, Map<number, Totals>>();
  const totalsOf = (division: string | null, year: number): Totals | undefined => {
    if (!years.includes(year)) return undefined;
    const key = division ?? "";
    let ofDivision = byDivision.get(key);
    if (!ofDivision) byDivision.set(key, (ofDivision = new Map(years.map((candidate) => [candidate, emptyTotals()]))));
    return ofDivision.get(year);
  };
  for (const row of insured) {
    const totals = totalsOf(row.division, row.year);
    if (totals) {
      totals.insuredHeadcount += row.insuredHeadcount;
      totals.recognisedInjuries += row.recognisedInjuries;
    }
  }
  for (const row of accidents) {
    const totals = totalsOf(row.division, row.year);
    if (totals) {
      totals.accidents += row.accidents;
      totals.deaths += row.deaths;
    }
  }
  for (const row of diseases) {
    const totals = totalsOf(row.division, row.year);
    if (totals) totals.newOccupationalDiseaseCases += row.newCases;
  }

  const rowOf = (
    level: IndustryLevel,
    code: string,
    name: string,
    sectionCode: string | null,
    keyIndustry: IndustryRow["keyIndustry"],
    divisions: string[],
  ): IndustryRow => {
    const yearRows = years.map((year) => {
      const sum = emptyTotals();
      for (const division of divisions) {
        const totals = byDivision.get(division)?.get(year);
        if (!totals) continue;
        for (const key of Object.keys(sum) as (keyof Totals)[]) sum[key] += totals[key];
      }
      return yearOf(year, sum);
    });
    return { level, code, name, sectionCode, keyIndustry, rank: null, years: yearRows, trend: trendOf(yearRows) };
  };

  const present = [...byDivision.keys()].filter((division) => division !== "").sort();
  const divisionNames = new Map(industryDivisions.map((division) => [division.code, division]));
  const divisions = present.map((code) => {
    const known = divisionNames.get(code);
    const key = keyIndustryOf(code);
    return rowOf(
      IndustryLevel.DIVISION,
      code,
      known?.name ?? code,
      known?.section ?? null,
      key ? { code: key.code, name: key.name } : null,
      [code],
    );
  });
  const sections = industrySections
    .map((section) => ({ section, members: present.filter((code) => divisionNames.get(code)?.section === section.code) }))
    .filter(({ members }) => members.length > 0)
    .map(({ section, members }) => rowOf(IndustryLevel.SECTION, section.code, section.name, section.code, null, members));
  const keyRows = keyIndustries.map((key) =>
    rowOf(IndustryLevel.KEY_INDUSTRY, key.code, key.name, null, { code: key.code, name: key.name }, [...key.divisions]),
  );
  // Ranked among themselves; the plans' order is kept for the table, the rank says where each stands.
  ranked([...keyRows]);
  return {
    divisions: ranked(divisions),
    sections: ranked(sections),
    keyIndustries: keyRows,
    unclassified: byDivision.has("") ? rowOf(IndustryLevel.UNCLASSIFIED, "", "行业未登记", null, null, [""]) : null,
  };
}
