import { chinaToday } from "../kernel/calendar";
import { employerRegionRule } from "../kernel/employer-region";
import { industryDivisions, industrySections } from "../reference/industries";
import { keyIndustries } from "../reference/key-industries";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { InjuryRecognition, RecognitionStatus } from "../subgraphs/hrss/injury-recognition.entity";
import { Person } from "../subgraphs/hrss/person.entity";
import { seeded } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";
import { fieldLabel } from "../kernel/field-labels";

const rowFields = `level code name sectionCode keyIndustry { code name } rank
  trend { direction fromYear toYear changePercent reason }
  years { year insuredHeadcount accidents deaths recognisedInjuries newOccupationalDiseaseCases
    injuriesPerThousand accidentsPerThousand deathsPerHundredThousand occupationalDiseasesPerThousand rateUnavailable rank }`;

const analysisQuery = `query Analysis($regionCode: String!, $fromYear: Int!, $toYear: Int!) {
  industryAnalysis(regionCode: $regionCode, fromYear: $fromYear, toYear: $toYear) {
    regionCode regionName fromYear toYear regionRule
    divisions { ${rowFields} }
    sections { ${rowFields} }
    keyIndustries { ${rowFields} }
    unclassified { ${rowFields} }
  }
}`;

interface Counts {
  insuredHeadcount: number;
  accidents: number;
  deaths: number;
  recognisedInjuries: number;
  newOccupationalDiseaseCases: number;
}

/**
 * The analysis computed straight from what each department seeded, row by row, without SQL and
 * without the office's code: the employer placed by its credit code, the industry as each
 * department holds it, rates per 1,000 (deaths per 100,000) to four decimals.
 */
function expectedAnalysis(hub: Federation, regionCode: string, regionName: string, fromYear: number, toYear: number) {
  const prefix = regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;
  const inRegion = (creditCode: string | null) => creditCode !== null && creditCode.slice(2, 2 + prefix.length) === prefix;
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
  const industryOf = new Map(seeded(hub.city, "hrss", Enterprise).map((e) => [e.creditCode, e.industryCode.slice(0, 2)]));
  const counts = new Map<string, Map<number, Counts>>();
  const add = (division: string | null | undefined, year: number, key: keyof Counts, amount: number) => {
    if (!years.includes(year)) return;
    const code = division ?? "";
    if (!counts.has(code)) {
      counts.set(
        code,
        new Map(
          years.map((y) => [y, { insuredHeadcount: 0, accidents: 0, deaths: 0, recognisedInjuries: 0, newOccupationalDiseaseCases: 0 }]),
        ),
      );
    }
    counts.get(code)!.get(year)![key] += amount;
  };
  for (const person of seeded(hub.city, "hrss", Person)) {
    if (!inRegion(person.employerCreditCode) || person.insuredSince === null) continue;
    for (const year of years)
      if (person.insuredSince <= `${year}-12-31`) add(industryOf.get(person.employerCreditCode!), year, "insuredHeadcount", 1);
  }
  for (const injury of seeded(hub.city, "hrss", InjuryRecognition)) {
    if (inRegion(injury.creditCode) && injury.status === RecognitionStatus.RECOGNISED)
      add(industryOf.get(injury.creditCode), Number(injury.injuredOn.slice(0, 4)), "recognisedInjuries", 1);
  }
  for (const accident of seeded(hub.city, "emergency", Accident)) {
    if (!inRegion(accident.creditCode)) continue;
    const year = Number(chinaToday(accident.occurredAt).slice(0, 4));
    add(accident.industryCode?.slice(0, 2), year, "accidents", 1);
    add(accident.industryCode?.slice(0, 2), year, "deaths", accident.deaths);
  }
  for (const diagnosis of seeded(hub.city, "health", OccupationalDiseaseCase)) {
    if (inRegion(diagnosis.creditCode))
      add(diagnosis.industryCode?.slice(0, 2), Number(diagnosis.diagnosedOn.slice(0, 4)), "newOccupationalDiseaseCases", 1);
  }

  const perThousand = (count: number, insured: number, per = 1000) =>
    insured ? Math.round((count * per * 10000) / insured) / 10000 : null;
  const row = (level: string, code: string, name: string, sectionCode: string | null, keyIndustry: object | null, members: string[]) => {
    const yearRows = years.map((year) => {
      const sum = { insuredHeadcount: 0, accidents: 0, deaths: 0, recognisedInjuries: 0, newOccupationalDiseaseCases: 0 };
      for (const member of members) {
        const found = counts.get(member)?.get(year);
        if (found) for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += found[key];
      }
      return {
        year,
        ...sum,
        injuriesPerThousand: perThousand(sum.recognisedInjuries, sum.insuredHeadcount),
        accidentsPerThousand: perThousand(sum.accidents, sum.insuredHeadcount),
        deathsPerHundredThousand: perThousand(sum.deaths, sum.insuredHeadcount, 100_000),
        occupationalDiseasesPerThousand: perThousand(sum.newOccupationalDiseaseCases, sum.insuredHeadcount),
        rateUnavailable: sum.insuredHeadcount ? null : `${year} 年末该行业在本地区无参保人员, 无法计算比率`,
        rank: null as number | null,
      };
    });
    const rated = yearRows.filter((y) => y.injuriesPerThousand !== null);
    const first = rated[0]?.injuriesPerThousand ?? 0;
    const last = rated[rated.length - 1]?.injuriesPerThousand ?? 0;
    const change = rated.length >= 2 && first !== 0 ? Math.round(((last - first) / first) * 10000) / 100 : null;
    const trend =
      rated.length < 2
        ? { direction: "UNKNOWN", fromYear: null, toYear: null, changePercent: null, reason: "有工伤发生率的年份不足两年, 无法判断趋势" }
        : {
            direction:
              change === null ? (last > 0 ? "RISING" : "STEADY") : Math.abs(change) < 5 ? "STEADY" : change > 0 ? "RISING" : "FALLING",
            fromYear: rated[0].year,
            toYear: rated[rated.length - 1].year,
            changePercent: change,
            reason: change === null ? `${rated[0].year} 年工伤发生率为 0, 无法计算变化百分比` : null,
          };
    return { level, code, name, sectionCode, keyIndustry, rank: null as number | null, years: yearRows, trend };
  };
  const rank = (rows: ReturnType<typeof row>[]) => {
    years.forEach((_, index) => {
      for (const candidate of rows) {
        const rate = candidate.years[index].injuriesPerThousand;
        if (rate === null) continue;
        candidate.years[index].rank = 1 + rows.filter((other) => (other.years[index].injuriesPerThousand ?? -1) > rate).length;
      }
    });
    for (const candidate of rows) candidate.rank = candidate.years[years.length - 1].rank;
    return rows;
  };
  const byRank = (rows: ReturnType<typeof row>[]) =>
    rank(rows).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (a.code < b.code ? -1 : 1));

  const present = [...counts.keys()].filter((code) => code !== "").sort();
  const divisionOf = (code: string) => industryDivisions.find((d) => d.code === code)!;
  const keyOf = (code: string) => keyIndustries.find((k) => k.divisions.includes(code));
  return {
    regionCode,
    regionName,
    fromYear,
    toYear,
    regionRule: employerRegionRule,
    divisions: byRank(
      present.map((code) => {
        const key = keyOf(code);
        return row("DIVISION", code, divisionOf(code).name, divisionOf(code).section, key ? { code: key.code, name: key.name } : null, [
          code,
        ]);
      }),
    ),
    sections: byRank(
      industrySections
        .map((s) => ({ s, members: present.filter((code) => divisionOf(code).section === s.code) }))
        .filter(({ members }) => members.length > 0)
        .map(({ s, members }) => row("SECTION", s.code, s.name, s.code, null, members)),
    ),
    keyIndustries: rank(
      keyIndustries.map((k) => row("KEY_INDUSTRY", k.code, k.name, null, { code: k.code, name: k.name }, [...k.divisions])),
    ),
    unclassified: counts.has("") ? row("UNCLASSIFIED", "", "行业未登记", null, null, [""]) : null,
  };
}

describe("数据分析研判: the key-industry analysis, each department counting its own figures", () => {
  let hub: Federation;
  let authorization: string;
  const ask = (variables: object) => hub.post({ query: analysisQuery, variables }, { authorization, "x-lianfang-purpose": "STATISTICS" });

  beforeAll(async () => {
    hub = await startFederation();
    authorization = `Bearer ${await hub.keys.token({ agency: "coordination" })}`;
    // Seven departments and a gateway start here: generous on a shared, loaded machine.
  }, 300_000);
  afterAll(() => hub.stop());

  it.each([
    ["the whole city", "370300", "淄博市", 2021, 2025, ["accidents", "recognisedInjuries", "newOccupationalDiseaseCases"] as const],
    ["one district", "370303", "张店区", 2021, 2025, ["accidents"] as const],
  ])("answers for %s as the seeded data computes it", async (_case, regionCode, regionName, fromYear, toYear, nonZero) => {
    const response = await ask({ regionCode, fromYear, toYear });
    const expected = expectedAnalysis(hub, regionCode, regionName, fromYear, toYear);

    expect(response).toEqual({ status: 200, body: { data: { industryAnalysis: expected } } });
    expect(expected.divisions.filter((division) => division.rank !== null).length).toBeGreaterThan(3);
    for (const figure of nonZero) {
      expect(expected.divisions.some((division) => division.years.some((year) => year[figure] > 0))).toBe(true);
    }
  });

  it.each([
    [
      "an unknown region",
      { regionCode: "370399", fromYear: 2022, toYear: 2024 },
      "regionCode",
      "UNKNOWN_REGION",
      '"370399" 不是已知的 GB/T 2260 行政区划代码',
    ],
    [
      "a year not begun",
      { regionCode: "370300", fromYear: 2025, toYear: 2027 },
      "toYear",
      "FUTURE_PERIOD",
      "2027 年尚未开始 (今年是 2026 年)",
    ],
    [
      "a span backwards",
      { regionCode: "370300", fromYear: 2024, toYear: 2022 },
      "fromYear",
      "INVALID_SPAN",
      "起始年份 2024 晚于截止年份 2022",
    ],
    [
      "a span too long",
      { regionCode: "370300", fromYear: 2010, toYear: 2025 },
      "fromYear",
      "INVALID_SPAN",
      "一次最多比较 10 年, 收到 16 年",
    ],
    [
      "a year that is no year",
      { regionCode: "370300", fromYear: 24, toYear: 2025 },
      "fromYear",
      "MALFORMED_PERIOD",
      "24 不是 1990 至 2099 之间的年份",
    ],
  ])("rejects %s with the field, a reason in Chinese and a stable code", async (_case, variables, field, reasonCode, reason) => {
    const response = await ask(variables);

    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `${fieldLabel(field)}: ${reason}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field, reason, reasonCode }),
      }),
    ]);
  });

  it("counts an accident reported with its industry in that industry and the employer's registered region", async () => {
    const employer = hub.city.enterprises.find((enterprise) => enterprise.regionCode === "370305" && !enterprise.flaggedCreditCode)!;
    const admin = `Bearer ${await hub.keys.token({ agency: "emergency", roles: ["admin"] })}`;
    const accidentFigures = async () =>
      (
        await hub.post(
          {
            query: `{ industryAnalysis(regionCode: "370305", fromYear: 2026, toYear: 2026) { accidentFigures { division year accidents deaths } } }`,
          },
          { authorization, "x-lianfang-purpose": "STATISTICS" },
        )
      ).body.data.industryAnalysis.accidentFigures as { division: string | null; accidents: number; deaths: number }[];
    const report = (industryCode: string) =>
      hub.post(
        {
          query: `mutation Report($input: ReportAccidentInput!) { reportAccident(input: $input) { industryCode } }`,
          variables: {
            input: {
              creditCode: employer.creditCode,
              // Where it happened does not place it: the employer's registration does.
              regionCode: "370303",
              industryCode,
              category: "04",
              occurredAt: "2026-03-02T01:00:00Z",
              reportedAt: "2026-03-02T01:30:00Z",
              deaths: 1,
              seriousInjuries: 0,
              minorInjuries: 0,
              missing: 0,
              directLossYuan: 1000,
              description: "起重作业吊物坠落",
              measuresTaken: "停止作业",
            },
          },
        },
        { authorization: admin },
      );
    const before = (await accidentFigures()).find((row) => row.division === "26") ?? { accidents: 0, deaths: 0 };

    expect((await report("c2614")).body).toEqual({ data: { reportAccident: { industryCode: "2614" } } });
    expect((await accidentFigures()).find((row) => row.division === "26")).toMatchObject({
      accidents: before.accidents + 1,
      deaths: before.deaths + 1,
    });
    expect((await report("99")).body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "input.industryCode" }) }),
    ]);
  });

  it("counts a diagnosis reported with its employer's industry under that industry", async () => {
    const person = hub.city.persons.find((candidate) => candidate.employerCreditCode.slice(2, 8) === "370305")!;
    const admin = `Bearer ${await hub.keys.token({ agency: "health", roles: ["admin"] })}`;
    const figures = async () =>
      (
        await hub.post(
          {
            query: `{ industryAnalysis(regionCode: "370305", fromYear: 2026, toYear: 2026) { occupationalDiseaseFigures { division newCases } } }`,
          },
          { authorization, "x-lianfang-purpose": "STATISTICS" },
        )
      ).body.data.industryAnalysis.occupationalDiseaseFigures as { division: string | null; newCases: number }[];
    const before = (await figures()).find((row) => row.division === "30")?.newCases ?? 0;
    const response = await hub.post(
      {
        query: `mutation Diagnose($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { industryCode } }`,
        variables: {
          input: {
            idNumber: person.idNumber,
            creditCode: person.employerCreditCode,
            industryCode: "30",
            diseaseCode: "7.12",
            diagnosedOn: "2026-02-10",
            reportedOn: "2026-02-20",
            institution: "淄博市职业病防治院",
          },
        },
      },
      { authorization: admin },
    );

    expect(response.body).toEqual({ data: { recordDiagnosis: { industryCode: "30" } } });
    expect((await figures()).find((row) => row.division === "30")?.newCases).toBe(before + 1);
  });

  it("with a department down, answers the others' figures and names the missing one instead of counting zeros", async () => {
    await hub.stopSubgraph("health");
    const response = await hub.post(
      {
        query: `{ industryAnalysis(regionCode: "370300", fromYear: 2023, toYear: 2024) {
          insuredFigures { division } accidentFigures { division } occupationalDiseaseFigures { division } divisions { code } } }`,
      },
      { authorization, "x-lianfang-purpose": "STATISTICS" },
    );

    expect(response.body.data.industryAnalysis).toEqual({
      insuredFigures: expect.arrayContaining([expect.objectContaining({ division: expect.any(String) })]),
      accidentFigures: expect.arrayContaining([expect.objectContaining({ division: expect.any(String) })]),
      occupationalDiseaseFigures: null,
      divisions: null,
    });
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ subgraph: "health" }) })]);
  });
});
