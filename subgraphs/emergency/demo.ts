import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { accidentGrade } from "./accident-grade";
import { Accident } from "./accident.entity";

/** 应急's share of the synthetic city: every accident as reported, graded by 493号. */
export function emergencyDemo(city: City): DemoRows {
  return [
    demoRows(
      Accident,
    city.accidents.map((accident) =>
      Object.assign(new Accident(), {
        id: accident.id,
        creditCode: accident.creditCode,
        regionCode: accident.regionCode,
        category: accident.category,
        occurredAt: accident.occurredAt,
        reportedAt: accident.reportedAt,
        deaths: accident.deaths,
        seriousInjuries: accident.seriousInjuries,
        minorInjuries: accident.minorInjuries,
        missing: accident.missing,
        directLossFen: accident.directLossFen,
        grade: accidentGrade(accident),
      }),
    ),
    ),
  ];
}
