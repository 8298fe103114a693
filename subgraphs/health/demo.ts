import type { Faker } from "@faker-js/faker";
import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { weightedPicker } from "../../synthetic/random";
import { addDays } from "../../kernel/calendar";
import { catalogueOn } from "./disease-catalogue";
import { HazardDeclaration } from "./hazard-declaration.entity";
import { HazardDeclarationKind } from "./health.rules";
import { ExaminationKind, ExaminationResult, HealthExamination } from "./health-examination.entity";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

/** New cases by 2013 category code in the national 2022 mix (total 11,108): pneumoconiosis dominates. */
const nationalMix2022 = [
  ["1", 7615],
  ["4", 1879],
  ["6", 749],
  ["5", 399],
  ["8", 308],
  ["9", 71],
  ["2", 48],
  ["3", 23],
  ["7", 11],
  ["10", 5],
] as const;

/** Zibo's heavy industry makes cases far likelier than the national rate; enough to show in a demo. */
const casesPerPersonYear = 0.0004;
const day = 86_400_000;

const institutions = ["淄博市职业病防治院", "山东省职业卫生与职业病防治研究院", "淄博市第一医院", "淄博市中心医院"];

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Occupational-disease diagnoses, coded in the catalogue of their date; open clauses are rare enough to leave out. */
function diagnoses(city: City): OccupationalDiseaseCase[] {
  const faker = city.random("health");
  const institutionFaker = city.random("health-institutions");
  const flagged = new Set(city.enterprises.filter((enterprise) => enterprise.flaggedCreditCode).map((enterprise) => enterprise.creditCode));
  const industries = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, enterprise.industryCode]));
  const pickCategory = weightedPicker(nationalMix2022);
  const [firstYear, lastYear] = city.years;
  const count = Math.round(city.persons.length * (lastYear - firstYear + 1) * casesPerPersonYear);
  const cases: OccupationalDiseaseCase[] = [];
  for (let index = 0; index < count; index++) {
    const person = faker.helpers.arrayElement(city.persons);
    const diagnosed = faker.date.between({ from: `${firstYear}-01-01T00:00:00Z`, to: `${lastYear}-12-31T00:00:00Z` });
    const diagnosedOn = isoDate(diagnosed);
    const catalogue = catalogueOn(diagnosedOn);
    const categoryCode = pickCategory(faker);
    const category = catalogue.categories.find((candidate) => candidate.code === categoryCode) ?? catalogue.categories[0];
    const disease = faker.helpers.arrayElement(category.diseases.filter((candidate) => !candidate.openClause));
    // A few institutions file late, past the 15-day rule.
    const reportDelayDays = faker.number.float() < 0.06 ? faker.number.int({ min: 16, max: 40 }) : faker.number.int({ min: 1, max: 15 });
    cases.push({
      id: `OD-${diagnosedOn.slice(0, 4)}-${String(index + 1).padStart(6, "0")}`,
      pid: person.pid,
      creditCode: person.employerCreditCode,
      creditCodeNeedsReview: flagged.has(person.employerCreditCode),
      industryCode: industries.get(person.employerCreditCode) ?? null,
      catalogueVersion: catalogue.version,
      categoryCode: category.code,
      categoryName: category.name,
      diseaseCode: disease.code,
      diseaseName: disease.name,
      diagnosedOn,
      reportedOn: new Date(diagnosed.getTime() + reportDelayDays * day).toISOString().slice(0, 10),
      institution: institutionFaker.helpers.arrayElement(institutions),
    });
  }
  return cases;
}

/** Divisions whose workers are exposed to dust, chemicals, noise or heat (GB/T 4754-2017). */
const hazardousDivisions = new Set(["06", "07", "08", "09", "10", "25", "26", "30", "31", "32", "33", "34", "35", "36", "38", "47", "48"]);

/** A declaration filed on time most of the time, else some weeks late. */
function declaration(
  faker: Faker,
  id: string,
  creditCode: string,
  kind: HazardDeclarationKind,
  triggeredOn: string,
  dueDays: number,
): HazardDeclaration {
  const delay =
    faker.number.float() < 0.12 ? faker.number.int({ min: dueDays + 1, max: dueDays + 60 }) : faker.number.int({ min: 1, max: dueDays });
  return { id, creditCode, kind, triggeredOn, declaredOn: addDays(triggeredOn, delay) };
}

/** 职业病危害项目申报: new projects after 竣工验收, changes, and the odd cancellation. */
function hazardDeclarations(city: City): HazardDeclaration[] {
  const faker = city.random("health-hazard-declarations");
  const [firstYear, lastYear] = city.years;
  const declarations: HazardDeclaration[] = [];
  const between = () => isoDate(faker.date.between({ from: `${firstYear}-01-01T00:00:00Z`, to: `${lastYear}-11-30T00:00:00Z` }));
  for (const enterprise of city.enterprises) {
    if (!hazardousDivisions.has(enterprise.industryCode)) continue;
    const events: [HazardDeclarationKind, number][] = [];
    if (faker.number.float() < 0.4) events.push([HazardDeclarationKind.NEW_PROJECT, 30]);
    if (faker.number.float() < 0.3) events.push([HazardDeclarationKind.CHANGE, 15]);
    if (faker.number.float() < 0.03) events.push([HazardDeclarationKind.CANCELLATION, 15]);
    for (const [kind, dueDays] of events) {
      const triggeredOn = between();
      declarations.push(
        declaration(
          faker,
          `HD-${triggeredOn.slice(0, 4)}-${String(declarations.length + 1).padStart(6, "0")}`,
          enterprise.creditCode,
          kind,
          triggeredOn,
          dueDays,
        ),
      );
    }
  }
  return declarations;
}

const pickResult = weightedPicker([
  [ExaminationResult.NORMAL, 88],
  [ExaminationResult.RECHECK, 8],
  [ExaminationResult.CONTRAINDICATION, 3],
  [ExaminationResult.SUSPECTED_DISEASE, 1],
] as const);

/**
 * 职业健康检查 of exposed workers: before starting when hired inside the window, then once a year
 * on duty; a few leave and get a departure examination.
 */
function healthExaminations(city: City): HealthExamination[] {
  const faker = city.random("health-examinations");
  const industry = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, enterprise.industryCode]));
  const [firstYear, lastYear] = city.years;
  const examinations: HealthExamination[] = [];
  const add = (pid: string, creditCode: string, examinedOn: string, kind: ExaminationKind) =>
    examinations.push({
      id: `HE-${examinedOn.slice(0, 4)}-${String(examinations.length + 1).padStart(7, "0")}`,
      pid,
      creditCode,
      examinedOn,
      kind,
      result: pickResult(faker),
      version: 1,
    });
  for (const person of city.persons) {
    if (!hazardousDivisions.has(industry.get(person.employerCreditCode) ?? "")) continue;
    const hiredYear = Number(person.hiredOn.slice(0, 4));
    if (hiredYear >= firstYear)
      add(
        person.pid,
        person.employerCreditCode,
        addDays(person.hiredOn, -faker.number.int({ min: 3, max: 20 })),
        ExaminationKind.PRE_EMPLOYMENT,
      );
    const leavesIn = faker.number.float() < 0.03 ? faker.number.int({ min: Math.max(firstYear, hiredYear), max: lastYear }) : undefined;
    for (let year = Math.max(firstYear, hiredYear + 1); year <= lastYear; year++) {
      const examinedOn = isoDate(faker.date.between({ from: `${year}-03-01T00:00:00Z`, to: `${year}-11-30T00:00:00Z` }));
      if (year === leavesIn) {
        add(person.pid, person.employerCreditCode, examinedOn, ExaminationKind.DEPARTURE);
        break;
      }
      add(person.pid, person.employerCreditCode, examinedOn, ExaminationKind.ON_DUTY);
    }
  }
  return examinations;
}

/** 卫健's share of the synthetic city. */
export function healthDemo(city: City): DemoRows {
  return [
    demoRows(OccupationalDiseaseCase, diagnoses(city)),
    demoRows(HazardDeclaration, hazardDeclarations(city)),
    demoRows(HealthExamination, healthExaminations(city)),
  ];
}
