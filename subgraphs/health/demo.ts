import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { weightedPicker } from "../../synthetic/random";
import { catalogueOn } from "./disease-catalogue";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

/** New cases by 2013 category code in the national 2022 mix (total 11,108): pneumoconiosis dominates. */
const nationalMix2022 = [
  ["1", 7615], ["4", 1879], ["6", 749], ["5", 399], ["8", 308], ["9", 71], ["2", 48], ["3", 23], ["7", 11], ["10", 5],
] as const;

/** Zibo's heavy industry makes cases far likelier than the national rate; enough to show in a demo. */
const casesPerPersonYear = 0.0004;
const day = 86_400_000;

/** 卫健's share of the synthetic city: occupational-disease diagnoses, coded in the catalogue of their date. */
export function healthDemo(city: City): DemoRows {
  const faker = city.random("health");
  const pickCategory = weightedPicker(nationalMix2022);
  const [firstYear, lastYear] = city.years;
  const count = Math.round(city.persons.length * (lastYear - firstYear + 1) * casesPerPersonYear);
  const cases: OccupationalDiseaseCase[] = [];
  for (let index = 0; index < count; index++) {
    const person = faker.helpers.arrayElement(city.persons);
    const diagnosed = faker.date.between({ from: `${firstYear}-01-01T00:00:00Z`, to: `${lastYear}-12-31T00:00:00Z` });
    const diagnosedOn = diagnosed.toISOString().slice(0, 10);
    const catalogue = catalogueOn(diagnosedOn);
    const category = catalogue.categories.find((candidate) => candidate.code === pickCategory(faker)) ?? catalogue.categories[0];
    // A few institutions file late, past the 15-day rule.
    const reportDelayDays = faker.number.float() < 0.06 ? faker.number.int({ min: 16, max: 40 }) : faker.number.int({ min: 1, max: 15 });
    cases.push({
      id: `OD-${diagnosedOn.slice(0, 4)}-${String(index + 1).padStart(6, "0")}`,
      pid: person.pid,
      creditCode: person.employerCreditCode,
      catalogueVersion: catalogue.version,
      categoryCode: category.code,
      categoryName: category.name,
      diseaseName: faker.helpers.arrayElement(category.diseases),
      diagnosedOn,
      reportedOn: new Date(diagnosed.getTime() + reportDelayDays * day).toISOString().slice(0, 10),
    });
  }
  return [demoRows(OccupationalDiseaseCase, cases)];
}
