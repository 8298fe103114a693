import { demoRows, type DemoRows } from "../../kernel/seeding";
import { riskClassOf2017Division } from "../../reference/risk-classes";
import type { City } from "../../synthetic/city";
import { Enterprise } from "./enterprise.entity";
import { InjuryRecognition, RecognitionApplicant, RecognitionStatus } from "./injury-recognition.entity";
import { Person } from "./person.entity";
import { InsuredCohort } from "./insured-cohort.entity";
import { cohortsOf } from "./insured-cohort.tally";
import { divisionOfIndustry } from "./employer-division";
import { checkIdNumber } from "../../kernel/identifiers/id-number";
import { preventionDemo } from "./demo-prevention";

const day = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** 人社's share of the synthetic city: insured enterprises and persons, and recognitions of accident victims. */
export function hrssDemo(city: City): DemoRows {
  const headcount = new Map<string, number>();
  for (const person of city.persons) headcount.set(person.employerCreditCode, (headcount.get(person.employerCreditCode) ?? 0) + 1);
  const enterprises = demoRows(
    Enterprise,
    city.enterprises.map((enterprise) => ({
      creditCode: enterprise.creditCode,
      creditCodeNeedsReview: enterprise.flaggedCreditCode,
      name: enterprise.name,
      industryCode: enterprise.industryCode,
      regionCode: enterprise.regionCode,
      riskClass: riskClassOf2017Division(enterprise.industryCode) ?? null,
      insuredHeadcount: headcount.get(enterprise.creditCode) ?? 0,
      registeredOn: enterprise.registeredOn,
      version: 1,
    })),
  );
  const persons = demoRows(
    Person,
    city.persons.map((person) => {
      const id = checkIdNumber(person.idNumber);
      if (!id.valid) throw new Error(`synthetic ID number is invalid: ${id.reason}`);
      return {
        pid: person.pid,
        idNumber: person.idNumber,
        name: person.name,
        gender: id.gender,
        birthDate: id.birthDate,
        phone: person.phone,
        employerCreditCode: person.employerCreditCode,
        insuredSince: person.hiredOn,
        version: 1,
      };
    }),
  );
  const faker = city.random("hrss");
  // Acceptance dates come from their own stream so the rows drawn from "hrss" stay as they were.
  const acceptance = city.random("hrss-recognition-acceptance");
  const industryOf = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, enterprise.industryCode]));
  const recognitions: InjuryRecognition[] = [];
  for (const accident of city.accidents) {
    for (const victim of accident.victims) {
      const injured = accident.occurredAt.getTime();
      // Most employers apply within the 30-day window; otherwise the worker or union applies within a year.
      const byEmployer = faker.number.float() < 0.85;
      const applied = injured + (byEmployer ? faker.number.int({ min: 1, max: 30 }) : faker.number.int({ min: 31, max: 360 })) * day;
      const decided = applied + faker.number.int({ min: 10, max: 60 }) * day;
      const recognised = faker.number.float() < 0.93;
      // Most are accepted within the 15 days of 人社部令第8号 第八条, a few late, never after the decision.
      const acceptedAfter =
        acceptance.number.float() < 0.94 ? acceptance.number.int({ min: 1, max: 15 }) : acceptance.number.int({ min: 16, max: 25 });
      const accepted = Math.min(applied + acceptedAfter * day, decided);
      recognitions.push({
        id: `IR-${accident.id.slice(3)}-${recognitions.length + 1}`,
        pid: victim.pid,
        creditCode: accident.creditCode,
        employerDivision: divisionOfIndustry(industryOf.get(accident.creditCode)),
        accidentId: accident.id,
        injuredOn: isoDate(injured),
        appliedOn: isoDate(applied),
        applicant: byEmployer
          ? RecognitionApplicant.EMPLOYER
          : faker.helpers.arrayElement([RecognitionApplicant.WORKER, RecognitionApplicant.UNION]),
        status: recognised ? RecognitionStatus.RECOGNISED : RecognitionStatus.NOT_RECOGNISED,
        acceptedOn: isoDate(accepted),
        decidedOn: isoDate(decided),
        disabilityGrade: recognised && victim.outcome === "SERIOUS" ? faker.number.int({ min: 1, max: 10 }) : null,
      });
    }
  }
  const cohorts = cohortsOf(
    city.persons.map((person) => ({
      employerCreditCode: person.employerCreditCode,
      industryCode: industryOf.get(person.employerCreditCode),
      insuredYear: Number(person.hiredOn.slice(0, 4)),
      count: 1,
    })),
  );
  return [enterprises, persons, demoRows(InsuredCohort, cohorts), demoRows(InjuryRecognition, recognitions), ...preventionDemo(city)];
}
