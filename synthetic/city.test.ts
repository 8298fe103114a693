import { createHash } from "node:crypto";
import { checkCreditCode } from "../kernel/identifiers/credit-code";
import { checkIdNumber } from "../kernel/identifiers/id-number";
import { AccidentGrade, accidentGrade } from "../subgraphs/emergency/accident-grade";
import { healthDemo } from "../subgraphs/health/demo";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { hrssDemo } from "../subgraphs/hrss/demo";
import { Person } from "../subgraphs/hrss/person.entity";
import type { DemoRows } from "../kernel/seeding";
import { type City, chineseFullName, generateCity, isoDate, minimumWorkingAge, scales } from "./city";
import { seededFaker } from "./random";

/**
 * Statistics over a sample city: city-scale enterprises would take too long for a unit test, so
 * 100,000 enterprises (25,000 accidents over five years) and 150,000 persons (300 diagnoses).
 */
const sample = { enterprises: 100_000, persons: 150_000 };
let city: City;
beforeAll(() => {
  city = generateCity({ size: sample, seed: 2024, linkingSecret: "test-linking-secret" });
});

const share = (count: number, total: number) => count / total;
const rowsOf = <T>(demo: DemoRows, entity: Function): T[] => demo.find((table) => table.entity === entity)?.rows as T[];

describe("industries (GB/T 4754-2017 divisions) weighted to the seeds' key industries", () => {
  it.each([
    ["hazardous chemicals", ["25", "26"], 0.135],
    ["mining", ["06", "07", "08", "09", "10"], 0.083],
    ["construction", ["47", "48", "49", "50"], 0.177],
    ["transport", ["53", "54", "55", "56", "57", "58", "59"], 0.115],
    ["machinery", ["33", "34", "35", "36"], 0.198],
  ])("%s (divisions %p) holds about %p of enterprises", (_family, divisions, expected) => {
    const inFamily = city.enterprises.filter((enterprise) => divisions.includes(enterprise.industryCode)).length;
    expect(Math.abs(share(inFamily, city.enterprises.length) - expected)).toBeLessThan(0.01);
  });

  it("the key industries together are about 70% of enterprises, and each outweighs every other division", () => {
    const keyDivisions = new Set([
      "25",
      "26",
      "06",
      "07",
      "08",
      "09",
      "10",
      "47",
      "48",
      "49",
      "50",
      "53",
      "54",
      "55",
      "56",
      "57",
      "58",
      "59",
      "33",
      "34",
      "35",
      "36",
    ]);
    const perDivision = new Map<string, number>();
    for (const enterprise of city.enterprises)
      perDivision.set(enterprise.industryCode, (perDivision.get(enterprise.industryCode) ?? 0) + 1);
    const key = [...perDivision].filter(([division]) => keyDivisions.has(division)).reduce((total, [, count]) => total + count, 0);
    expect(Math.abs(share(key, city.enterprises.length) - 0.708)).toBeLessThan(0.01);
    const largestOther = Math.max(...[...perDivision].filter(([division]) => !keyDivisions.has(division)).map(([, count]) => count));
    const smallestKeyFamily = Math.min(
      ...[
        ["25", "26"],
        ["06", "07", "08", "09", "10"],
        ["47", "48", "49", "50"],
        ["53", "54", "55", "56", "57", "58", "59"],
        ["33", "34", "35", "36"],
      ].map((divisions) => divisions.reduce((total, division) => total + (perDivision.get(division) ?? 0), 0)),
    );
    expect(smallestKeyFamily).toBeGreaterThan(largestOther);
  });
});

describe("accident grades (国务院令第493号) in the national proportions", () => {
  const gradeShare = (grades: AccidentGrade[]) =>
    share(city.accidents.filter((accident) => grades.includes(accidentGrade(accident))).length, city.accidents.length);

  it("generates 0.05 accidents per enterprise-year", () => {
    expect(city.accidents).toHaveLength(25_000);
  });

  it.each([
    ["较大", [AccidentGrade.LARGER], 0.016, 0.024],
    ["重大 or worse", [AccidentGrade.MAJOR, AccidentGrade.ESPECIALLY_MAJOR], 0.0001, 0.0008],
    ["一般", [AccidentGrade.ORDINARY], 0.975, 0.984],
  ])("%s: between %p and %p of accidents", (_grade, grades, low, high) => {
    expect(gradeShare(grades)).toBeGreaterThanOrEqual(low);
    expect(gradeShare(grades)).toBeLessThanOrEqual(high);
  });

  it("reports about 8% of accidents later than the one-hour rule", () => {
    const late = city.accidents.filter((accident) => accident.reportedAt.getTime() - accident.occurredAt.getTime() > 60 * 60_000).length;
    expect(Math.abs(share(late, city.accidents.length) - 0.08)).toBeLessThan(0.01);
  });
});

describe("occupational-disease categories in the national 2022 mix (11,108 new cases)", () => {
  let cases: OccupationalDiseaseCase[];
  beforeAll(() => {
    cases = rowsOf<OccupationalDiseaseCase>(healthDemo(city), OccupationalDiseaseCase);
  });

  it("diagnoses 0.0004 cases per person-year", () => {
    expect(cases).toHaveLength(300);
  });

  it.each([
    ["1", "尘肺病及其他呼吸系统疾病", 7615 / 11108, 0.08],
    ["4", "耳鼻喉口腔疾病", 1879 / 11108, 0.065],
    ["6", "物理因素所致职业病", 749 / 11108, 0.045],
  ])("category %s (%s) is about %p of cases", (code, _name, expected, tolerance) => {
    const inCategory = cases.filter((diagnosis) => diagnosis.categoryCode === code).length;
    expect(Math.abs(share(inCategory, cases.length) - expected)).toBeLessThan(tolerance);
  });

  it("pneumoconiosis and other respiratory diseases dominate every other category", () => {
    const perCategory = new Map<string, number>();
    for (const diagnosis of cases) perCategory.set(diagnosis.categoryCode, (perCategory.get(diagnosis.categoryCode) ?? 0) + 1);
    const [first] = [...perCategory].sort((a, b) => b[1] - a[1]);
    expect(first[0]).toBe("1");
    expect(share(first[1], cases.length)).toBeGreaterThan(0.5);
  });
});

describe("identifiers", () => {
  it("every credit code has the GB 32100 shape, and its check character fails exactly when deliberately flagged", () => {
    const mismatches = city.enterprises.filter((enterprise) => {
      const check = checkCreditCode(enterprise.creditCode);
      return !check.valid || check.checksumValid === enterprise.flaggedCreditCode || check.registrationRegion !== enterprise.regionCode;
    });
    expect(mismatches).toEqual([]);
  });

  it("about 0.5% of credit codes are flagged pilot-era codes", () => {
    const flagged = city.enterprises.filter((enterprise) => enterprise.flaggedCreditCode).length;
    expect(Math.abs(share(flagged, city.enterprises.length) - 0.005)).toBeLessThan(0.001);
  });

  it("credit codes and ID numbers are unique", () => {
    expect(new Set(city.enterprises.map((enterprise) => enterprise.creditCode)).size).toBe(sample.enterprises);
    expect(new Set(city.persons.map((person) => person.idNumber)).size).toBe(sample.persons);
  });

  it("every ID number is valid (GB 11643) and registered in the employer's county", () => {
    const regionOf = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, enterprise.regionCode]));
    const invalid = city.persons.filter(
      (person) => !checkIdNumber(person.idNumber).valid || person.idNumber.slice(0, 6) !== regionOf.get(person.employerCreditCode),
    );
    expect(invalid).toEqual([]);
  });
});

describe("persons as 人社 stores them", () => {
  let persons: Person[];
  beforeAll(() => {
    persons = rowsOf<Person>(hrssDemo(city), Person);
  });

  it("birth date and gender agree with the ID number (digits 7-14, and the parity of digit 17)", () => {
    const disagreeing = persons.filter((person) => {
      const digits = person.idNumber;
      const birthDate = `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`;
      const gender = Number(digits[16]) % 2 === 1 ? "MALE" : "FEMALE";
      return person.birthDate !== birthDate || person.gender !== gender;
    });
    expect(persons).toHaveLength(sample.persons);
    expect(disagreeing).toEqual([]);
  });

  it("about 62% are men, as in Zibo's insured industrial workforce", () => {
    const men = persons.filter((person) => person.gender === "MALE").length;
    expect(Math.abs(share(men, persons.length) - 0.62)).toBeLessThan(0.01);
  });

  it(`nobody is insured before turning ${minimumWorkingAge} (劳动法 第十五条)`, () => {
    const tooYoung = persons.filter((person) => {
      const sixteenth = `${Number(person.birthDate.slice(0, 4)) + minimumWorkingAge}${person.birthDate.slice(4)}`;
      return person.insuredSince !== null && person.insuredSince < sixteenth;
    });
    expect(tooYoung).toEqual([]);
  });
});

describe("determinism", () => {
  const fingerprint = (generated: City) =>
    createHash("sha256")
      .update(JSON.stringify([generated.enterprises, generated.persons, generated.accidents]))
      .digest("hex");

  it("the same seed and size give the same city; another seed another city", () => {
    const options = { size: scales.small, linkingSecret: "test-linking-secret" };
    const first = fingerprint(generateCity({ ...options, seed: 2024 }));
    expect(fingerprint(generateCity({ ...options, seed: 2024 }))).toBe(first);
    expect(fingerprint(generateCity({ ...options, seed: 2025 }))).not.toBe(first);
  });

  it("chineseFullName draws exactly what faker's person.fullName draws", () => {
    const fast = seededFaker(1, "names");
    const reference = seededFaker(1, "names");
    const sexes = Array.from({ length: 2000 }, (_, index): "male" | "female" => (index % 3 ? "male" : "female"));
    expect(sexes.map((sex) => chineseFullName(fast, sex))).toEqual(sexes.map((sex) => reference.person.fullName({ sex })));
    expect(fast.number.int()).toBe(reference.number.int());
  });

  it.each(["1966-01-01T00:00:00Z", "1999-12-31T23:59:59.999Z", "2004-02-29T12:00:00Z", "2024-10-09T00:00:00Z"])(
    "isoDate(%s) is the UTC date of toISOString",
    (instant) => {
      expect(isoDate(new Date(instant))).toBe(new Date(instant).toISOString().slice(0, 10));
    },
  );
});
