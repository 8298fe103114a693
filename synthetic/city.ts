import type { Faker } from "@faker-js/faker";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { personPid } from "../kernel/identifiers/pseudonym";
import { regions } from "../reference/regions";
import { seededFaker, weightedPicker } from "./random";

const regionNames = new Map(regions.map((region) => [region.code, region.name]));

export const scales = {
  small: { enterprises: 500, persons: 10_000 },
  city: { enterprises: 20_000, persons: 500_000 },
  large: { enterprises: 100_000, persons: 2_000_000 },
} as const;
export type Scale = keyof typeof scales;
export interface CitySize {
  enterprises: number;
  persons: number;
}

export interface CityEnterprise {
  creditCode: string;
  name: string;
  /** GB/T 4754-2017 division (2 digits). */
  industryCode: string;
  /** GB/T 2260 county-level code. */
  regionCode: string;
  registeredOn: string;
  /** A pilot-era code whose check character fails: kept and flagged, as GB 32100 practice requires. */
  flaggedCreditCode: boolean;
}

export interface CityPerson {
  pid: string;
  idNumber: string;
  name: string;
  phone: string;
  employerCreditCode: string;
  hiredOn: string;
}

export type VictimOutcome = "DEATH" | "SERIOUS" | "MINOR";

/** A production-safety accident as it happened; each department records its own view of it. */
export interface CityAccident {
  id: string;
  creditCode: string;
  regionCode: string;
  /** GB 6441 category code. */
  category: string;
  occurredAt: Date;
  reportedAt: Date;
  deaths: number;
  seriousInjuries: number;
  minorInjuries: number;
  missing: number;
  directLossFen: number;
  victims: { pid: string; outcome: VictimOutcome }[];
}

export interface City {
  seed: number;
  size: CitySize;
  /** Events are generated inside this window (inclusive years). */
  years: readonly [number, number];
  enterprises: CityEnterprise[];
  persons: CityPerson[];
  accidents: CityAccident[];
  /** A department's own seeded stream, so adding one department's data never shifts another's. */
  random: (stream: string) => Faker;
}

/** 淄博市 and its districts and counties, weighted by rough enterprise density. */
const ziboCounties: readonly (readonly [string, number])[] = [
  ["370302", 12],
  ["370303", 25],
  ["370304", 8],
  ["370305", 18],
  ["370306", 10],
  ["370321", 12],
  ["370322", 6],
  ["370323", 9],
];

/** Weighted to the seeds' key industries: hazardous chemicals, mining, construction, transport, machinery. */
const industryMix: readonly (readonly [string, number])[] = [
  ["26", 10],
  ["25", 3],
  ["06", 3],
  ["08", 2],
  ["10", 3],
  ["47", 9],
  ["48", 5],
  ["50", 3],
  ["54", 7],
  ["58", 2],
  ["59", 2],
  ["33", 5],
  ["34", 6],
  ["35", 5],
  ["36", 3],
  ["38", 3],
  ["30", 5],
  ["31", 2],
  ["13", 3],
  ["17", 2],
  ["51", 4],
  ["52", 3],
  ["62", 2],
  ["65", 2],
  ["70", 1],
  ["44", 1],
];

/** Accident causes by industry: mines collapse and flood, sites fall, roads crash, plants poison. */
const categoryMixByIndustry: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  mining: [
    ["10", 4],
    ["11", 4],
    ["12", 2],
    ["13", 2],
    ["15", 2],
    ["02", 2],
    ["03", 2],
  ],
  construction: [
    ["09", 6],
    ["01", 3],
    ["10", 3],
    ["04", 2],
    ["05", 1],
  ],
  transport: [
    ["02", 8],
    ["01", 1],
    ["20", 1],
  ],
  chemical: [
    ["19", 4],
    ["17", 2],
    ["18", 2],
    ["07", 2],
    ["08", 2],
    ["03", 1],
  ],
  other: [
    ["03", 5],
    ["01", 3],
    ["09", 2],
    ["05", 1],
    ["07", 1],
    ["20", 2],
  ],
};

function industryFamily(division: string): keyof typeof categoryMixByIndustry {
  if (["06", "07", "08", "09", "10"].includes(division)) return "mining";
  if (["47", "48", "49", "50"].includes(division)) return "construction";
  if (["53", "54", "55", "56", "58", "59"].includes(division)) return "transport";
  if (["25", "26", "27", "28", "29"].includes(division)) return "chemical";
  return "other";
}

const minute = 60_000;
const fenPerYuan = 100;

/**
 * Casualties drawn so that about 2% of accidents reach 较大 and 0.04% 重大 or worse, as in the
 * national statistics; about 8% are reported to the government later than the one-hour rule.
 */
function generateAccidents(
  faker: Faker,
  enterprises: CityEnterprise[],
  persons: CityPerson[],
  years: readonly [number, number],
): CityAccident[] {
  const staff = new Map<string, CityPerson[]>();
  for (const person of persons) {
    const list = staff.get(person.employerCreditCode) ?? [];
    list.push(person);
    staff.set(person.employerCreditCode, list);
  }
  const pickers = Object.fromEntries(Object.entries(categoryMixByIndustry).map(([family, mix]) => [family, weightedPicker(mix)]));
  const accidents: CityAccident[] = [];
  const perEnterpriseYear = 0.05;
  const count = Math.round(enterprises.length * (years[1] - years[0] + 1) * perEnterpriseYear);
  for (let index = 0; index < count; index++) {
    const enterprise = faker.helpers.arrayElement(enterprises);
    const severity = faker.number.float();
    const major = severity < 0.0004;
    const larger = !major && severity < 0.0204;
    const deaths = major
      ? faker.number.int({ min: 10, max: 14 })
      : larger
        ? faker.number.int({ min: 3, max: 5 })
        : weightedPicker([
            [0, 5],
            [1, 4],
            [2, 1],
          ] as const)(faker);
    const seriousInjuries = faker.number.int({ min: 0, max: major || larger ? 12 : 9 });
    const minorInjuries = faker.number.int({ min: 0, max: 6 });
    const occurredAt = faker.date.between({ from: `${years[0]}-01-01T00:00:00Z`, to: `${years[1]}-12-31T23:59:59Z` });
    const late = faker.number.float() < 0.08;
    const reportedAt = new Date(
      occurredAt.getTime() + (late ? faker.number.int({ min: 61, max: 600 }) : faker.number.int({ min: 5, max: 60 })) * minute,
    );
    const available = faker.helpers.shuffle([...(staff.get(enterprise.creditCode) ?? [])]);
    const outcomes: VictimOutcome[] = [
      ...Array<VictimOutcome>(deaths).fill("DEATH"),
      ...Array<VictimOutcome>(seriousInjuries).fill("SERIOUS"),
      ...Array<VictimOutcome>(minorInjuries).fill("MINOR"),
    ];
    accidents.push({
      id: `AC-${occurredAt.getUTCFullYear()}-${String(index + 1).padStart(6, "0")}`,
      creditCode: enterprise.creditCode,
      regionCode: enterprise.regionCode,
      category: pickers[industryFamily(enterprise.industryCode)](faker),
      occurredAt,
      reportedAt,
      deaths,
      seriousInjuries,
      minorInjuries,
      missing: faker.number.float() < 0.01 ? 1 : 0,
      // Losses stay below the next grade's threshold (1000万, 5000万, 1亿 yuan), so deaths decide the grade.
      directLossFen: faker.number.int({ min: 10_000, max: major ? 90_000_000 : larger ? 40_000_000 : 5_000_000 }) * fenPerYuan,
      victims: outcomes.slice(0, available.length).map((outcome, victim) => ({ pid: available[victim].pid, outcome })),
    });
  }
  return accidents;
}

/** What a firm of each division calls itself; the rest trade under a generic word. */
const tradeWords: Readonly<Record<string, readonly string[]>> = {
  "06": ["煤业", "矿业"],
  "08": ["铁矿", "矿业"],
  "10": ["石料", "矿业"],
  "13": ["食品", "粮油"],
  "17": ["纺织", "棉纺"],
  "25": ["石化", "焦化"],
  "26": ["化工", "精细化工", "化学"],
  "30": ["建材", "陶瓷", "耐火材料"],
  "31": ["钢铁", "特钢"],
  "33": ["金属制品", "五金"],
  "34": ["机械", "泵业"],
  "35": ["专用设备", "机械制造"],
  "36": ["汽车零部件", "专用汽车"],
  "38": ["电气", "电机"],
  "44": ["热电", "电力"],
  "47": ["建设", "建筑工程"],
  "48": ["路桥", "市政工程"],
  "50": ["装饰工程", "建筑装饰"],
  "51": ["商贸", "物资"],
  "52": ["商贸", "超市"],
  "54": ["运输", "物流", "客运"],
  "58": ["货运代理", "物流"],
  "59": ["仓储", "物流"],
  "62": ["餐饮", "酒店管理"],
  "65": ["信息技术", "软件"],
  "70": ["置业", "房地产开发"],
};
const legalForms = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司"];

function enterpriseName(faker: Faker, region: string, industry: string): string {
  const brand = faker.helpers
    .arrayElements(["鑫", "华", "泰", "恒", "昌", "盛", "隆", "源", "金", "宏", "德", "利", "齐", "鲁", "博", "通"], 2)
    .join("");
  return `${regionNames.get(region)}${brand}${faker.helpers.arrayElement(tradeWords[industry] ?? ["实业"])}${faker.helpers.arrayElement(legalForms)}`;
}

const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

function creditCode(faker: Faker, region: string, corrupt: boolean): string {
  const body = faker.string.fromCharacters(creditAlphabet.slice(0, 10) + "ABCDEFGHJKLMNPQRTUWXY".slice(0, 8), 9);
  const first17 = `91${region}${body}`;
  const check = creditCodeCheckCharacter(first17);
  const wrong = creditAlphabet[(creditAlphabet.indexOf(check) + 1) % 31];
  return first17 + (corrupt ? wrong : check);
}

/** 劳动法 第十五条: no one is employed before turning sixteen. */
export const minimumWorkingAge = 16;
const sixteenthBirthday = (birth: Date) =>
  new Date(Date.UTC(birth.getUTCFullYear() + minimumWorkingAge, birth.getUTCMonth(), birth.getUTCDate()));
const laterOf = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/** YYYY-MM-DD of a UTC date with a four-digit year; toISOString().slice(0, 10) cost a tenth of city generation. */
export function isoDate(date: Date): string {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${date.getUTCFullYear()}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * faker's zh_CN person.fullName (姓 then 名) drawing the same random numbers, without its template
 * engine, which took a quarter of city generation: the name pattern is still drawn, then joined directly.
 */
export function chineseFullName(faker: Faker, sex: "male" | "female"): string {
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName(sex);
  faker.helpers.weightedArrayElement(faker.definitions.person.name);
  return lastName + firstName;
}

function idNumber(faker: Faker, region: string, birth: Date, male: boolean): string {
  const sequence = faker.number.int({ min: 0, max: 499 }) * 2 + (male ? 1 : 0);
  const first17 = `${region}${isoDate(birth).replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

/**
 * The synthetic city every department's demo data derives from: enterprises with valid credit
 * codes and persons with valid ID numbers. Deterministic for a seed, scale and linking secret.
 */
export function generateCity(options: { size: CitySize; seed: number; linkingSecret: string }): City {
  const size = options.size;
  const faker = seededFaker(options.seed, "city");
  const pickRegion = weightedPicker(ziboCounties);
  const pickIndustry = weightedPicker(industryMix);
  const enterprises: CityEnterprise[] = [];
  const usedCodes = new Set<string>();
  while (enterprises.length < size.enterprises) {
    const region = pickRegion(faker);
    const flagged = faker.number.int({ min: 0, max: 199 }) === 0;
    const code = creditCode(faker, region, flagged);
    const industry = pickIndustry(faker);
    if (usedCodes.has(code)) continue;
    usedCodes.add(code);
    enterprises.push({
      creditCode: code,
      name: enterpriseName(faker, region, industry),
      industryCode: industry,
      regionCode: region,
      registeredOn: isoDate(faker.date.between({ from: "1995-01-01", to: "2020-12-31" })),
      flaggedCreditCode: flagged,
    });
  }
  // Enterprise sizes follow a long tail: a few large employers, many small ones.
  const pickEmployer = weightedPicker(enterprises.map((enterprise, index) => [enterprise, 1 / (1 + (index % 97))] as const));
  const persons: CityPerson[] = [];
  const usedIds = new Set<string>();
  while (persons.length < size.persons) {
    const employer = pickEmployer(faker);
    const male = faker.number.float() < 0.62;
    const birth = faker.date.between({ from: "1966-01-01", to: "2004-12-31" });
    const id = idNumber(faker, employer.regionCode, birth, male);
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    persons.push({
      pid: personPid(id, options.linkingSecret),
      idNumber: id,
      name: chineseFullName(faker, male ? "male" : "female"),
      phone: `1${faker.helpers.arrayElement(["3", "5", "7", "8", "9"])}${faker.string.numeric(9)}`,
      employerCreditCode: employer.creditCode,
      hiredOn: isoDate(laterOf(faker.date.between({ from: "2010-01-01", to: "2024-12-31" }), sixteenthBirthday(birth))),
    });
  }
  const accidents = generateAccidents(faker, enterprises, persons, [2021, 2025]);
  return {
    seed: options.seed,
    size,
    years: [2021, 2025],
    enterprises,
    persons,
    accidents,
    random: (stream) => seededFaker(options.seed, stream),
  };
}
