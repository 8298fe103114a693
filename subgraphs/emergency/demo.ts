import { demoRows, type DemoRows } from "../../kernel/seeding";
import { accidentCategories } from "../../reference/accident-categories";
import { regions } from "../../reference/regions";
import type { City, CityAccident, CityEnterprise } from "../../synthetic/city";
import { accidentGrade } from "./accident-grade";
import { AccidentReport, reportOf } from "./accident-report.entity";
import { supplementaryWindow } from "./accident-reporting";
import { Accident } from "./accident.entity";
import { addDays, addYears } from "../../kernel/calendar";
import { HazardInspection } from "./hazard-inspection.entity";
import { SafetyLicence, SafetyLicenceKind, licenceValidUntil } from "./safety-licence.entity";

const regionNames = new Map(regions.map((region) => [region.code, region.name]));
const hourMs = 3_600_000;

const measures = [
  "立即停止作业，组织现场救援，伤员送医救治，保护事故现场",
  "启动应急预案，疏散周边人员，切断危险源，伤员送医救治",
  "停产整顿，封闭事故区域，配合调查组调查取证",
  "组织抢救，设置警戒，排查同类设备隐患",
];

/** 简要经过 as a unit writes it: when, where, what kind of accident (第十二条). */
function description(accident: CityAccident, enterprise: CityEnterprise | undefined): string {
  const local = new Date(accident.occurredAt.getTime() + 8 * hourMs);
  const when = `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日${local.getUTCHours()}时许`;
  return `${when}，${regionNames.get(accident.regionCode)}${enterprise?.name ?? ""}作业现场发生一起${accidentCategories[accident.category]}事故。`;
}

/**
 * The accident rows as the city has them, plus the report history: about one in six accidents
 * with deaths was first reported with one of the dead still among the seriously injured, and a
 * 补报 within the 第十三条 window brought the figures to what the city holds.
 */
function accidentsAndReports(city: City): [Accident[], AccidentReport[]] {
  const faker = city.random("emergency-reports");
  const enterprises = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, enterprise]));
  const accidents: Accident[] = [];
  const reports: AccidentReport[] = [];
  for (const source of city.accidents) {
    const enterprise = enterprises.get(source.creditCode);
    const accident = Object.assign(new Accident(), {
      id: source.id,
      creditCode: source.creditCode,
      creditCodeNeedsReview: enterprise?.flaggedCreditCode ?? false,
      regionCode: source.regionCode,
      industryCode: enterprise?.industryCode ?? null,
      category: source.category,
      occurredAt: source.occurredAt,
      reportedAt: source.reportedAt,
      deaths: source.deaths,
      seriousInjuries: source.seriousInjuries,
      minorInjuries: source.minorInjuries,
      missing: source.missing,
      directLossFen: source.directLossFen,
      grade: accidentGrade(source),
      description: description(source, enterprise),
      measuresTaken: faker.helpers.arrayElement(measures),
    });
    accidents.push(accident);
    const diedLater = source.deaths > 0 && faker.number.float() < 1 / 6;
    if (!diedLater) {
      reports.push(reportOf(accident, 1, accident.reportedAt));
      continue;
    }
    const first = Object.assign(new Accident(), accident, { deaths: accident.deaths - 1, seriousInjuries: accident.seriousInjuries + 1 });
    first.grade = accidentGrade(first);
    const window = supplementaryWindow(accident);
    const supplementedAt = new Date(faker.number.int({ min: accident.reportedAt.getTime() + hourMs, max: window.closesAt.getTime() }));
    reports.push(reportOf(first, 1, accident.reportedAt), reportOf(accident, 2, supplementedAt));
  }
  return [accidents, reports];
}

const highRisk = new Set(["06", "07", "08", "09", "10", "25", "26", "47", "48"]);

/** 隐患排查: high-risk industries inspected about twice a year, the rest every other year. */
function hazardInspections(city: City): HazardInspection[] {
  const faker = city.random("emergency-hazard-inspections");
  const [firstYear, lastYear] = city.years;
  const inspections: HazardInspection[] = [];
  for (const enterprise of city.enterprises) {
    for (let year = firstYear; year <= lastYear; year++) {
      const count = highRisk.has(enterprise.industryCode) ? faker.number.int({ min: 1, max: 3 }) : faker.number.int({ min: 0, max: 1 });
      for (let visit = 0; visit < count; visit++) {
        const inspectedOn = faker.date
          .between({ from: `${year}-01-01T00:00:00Z`, to: `${year}-12-31T00:00:00Z` })
          .toISOString()
          .slice(0, 10);
        const hazardsFound = faker.helpers.weightedArrayElement([
          { value: 0, weight: 3 },
          { value: faker.number.int({ min: 1, max: 3 }), weight: 5 },
          { value: faker.number.int({ min: 4, max: 9 }), weight: 2 },
        ]);
        const majorHazards = hazardsFound > 0 && faker.number.float() < 0.05 ? 1 : 0;
        const dueOn = hazardsFound > 0 ? addDays(inspectedOn, faker.helpers.arrayElement([15, 30, 60])) : null;
        const outcome = faker.number.float();
        // Most rectify in time, some late, a few never.
        const rectifiedOn =
          dueOn === null || outcome < 0.08
            ? null
            : addDays(inspectedOn, outcome < 0.18 ? faker.number.int({ min: 61, max: 120 }) : faker.number.int({ min: 3, max: 15 }));
        inspections.push(
          Object.assign(new HazardInspection(), {
            id: `HI-${year}-${String(inspections.length + 1).padStart(6, "0")}`,
            creditCode: enterprise.creditCode,
            inspectedOn,
            hazardsFound,
            majorHazards,
            rectificationDueOn: dueOn,
            rectifiedOn,
          }),
        );
      }
    }
  }
  return inspections;
}

/** 安全生产许可证 by GB/T 4754 division: coal mining, other mining, fuel processing and chemicals. */
function licenceKinds(division: string, chemicalTrader: boolean): SafetyLicenceKind[] {
  if (division === "06") return [SafetyLicenceKind.COAL_MINE];
  if (["07", "08", "09", "10"].includes(division)) return [SafetyLicenceKind.NON_COAL_MINE];
  if (division === "25") return [SafetyLicenceKind.HAZARDOUS_CHEMICALS_PRODUCTION];
  if (division === "26")
    return chemicalTrader
      ? [SafetyLicenceKind.HAZARDOUS_CHEMICALS_PRODUCTION, SafetyLicenceKind.HAZARDOUS_CHEMICALS_OPERATION]
      : [SafetyLicenceKind.HAZARDOUS_CHEMICALS_PRODUCTION];
  return [];
}

const licencePrefix: Record<SafetyLicenceKind, string> = {
  [SafetyLicenceKind.COAL_MINE]: "(鲁)MK安许证字",
  [SafetyLicenceKind.NON_COAL_MINE]: "(鲁)FM安许证字",
  [SafetyLicenceKind.HAZARDOUS_CHEMICALS_PRODUCTION]: "(鲁)WH安许证字",
  [SafetyLicenceKind.HAZARDOUS_CHEMICALS_OPERATION]: "(鲁)WJ安许证字",
};

/**
 * Each licensed enterprise's chain of licences, renewed back to back from its first issue; about
 * one in ten stopped renewing at some point, so its last licence has lapsed.
 */
function safetyLicences(city: City): SafetyLicence[] {
  const faker = city.random("emergency-safety-licences");
  const horizon = `${city.years[1] + 1}-12-31`;
  const licences: SafetyLicence[] = [];
  for (const enterprise of city.enterprises) {
    const kinds = licenceKinds(enterprise.industryCode, faker.number.float() < 0.3);
    for (const kind of kinds) {
      const firstIssue = faker.date.between({ from: "2016-01-01T00:00:00Z", to: "2018-12-31T00:00:00Z" }).toISOString().slice(0, 10);
      const lapsesAfter = faker.number.float() < 0.1 ? faker.number.int({ min: 1, max: 3 }) : Number.POSITIVE_INFINITY;
      for (
        let validFrom = firstIssue, issued = 0;
        validFrom <= horizon && issued < lapsesAfter;
        validFrom = addYears(validFrom, 3), issued++
      ) {
        licences.push(
          Object.assign(new SafetyLicence(), {
            licenceNo: `${licencePrefix[kind]}[${validFrom.slice(0, 4)}]0303${String(licences.length + 1).padStart(4, "0")}`,
            creditCode: enterprise.creditCode,
            kind,
            validFrom,
            validUntil: licenceValidUntil(validFrom),
            version: 1,
          }),
        );
      }
    }
  }
  return licences;
}

/** 应急's share of the synthetic city: accidents as reported, graded by 493号, inspections and licences. */
export function emergencyDemo(city: City): DemoRows {
  const [accidents, reports] = accidentsAndReports(city);
  return [
    demoRows(Accident, accidents),
    demoRows(AccidentReport, reports),
    demoRows(HazardInspection, hazardInspections(city)),
    demoRows(SafetyLicence, safetyLicences(city)),
  ];
}
