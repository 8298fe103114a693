import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { ConstructionProject, ProjectStatus } from "./construction-project.entity";
import { ageOn, constructionTrades, minimumAgeOn } from "./housing.rules";
import { ConstructionSafetyInspection } from "./safety-inspection.entity";
import { SiteWorkerRegistration } from "./site-worker.entity";

const constructionDivisions = new Set(["47", "48", "49", "50"]);
const buildings = ["住宅小区", "综合楼", "厂房", "道路改造工程", "污水处理厂", "学校教学楼", "医院门诊楼", "物流园"];

/** 住建's share of the synthetic city: projects of the construction enterprises, their workers and inspections. */
export function housingDemo(city: City): DemoRows {
  const projects = constructionProjects(city);
  return [
    demoRows(ConstructionProject, projects),
    demoRows(SiteWorkerRegistration, siteWorkers(city, projects)),
    demoRows(ConstructionSafetyInspection, safetyInspections(city, projects)),
  ];
}

function constructionProjects(city: City): ConstructionProject[] {
  const faker = city.random("housing");
  const projects: ConstructionProject[] = [];
  for (const enterprise of city.enterprises) {
    if (!constructionDivisions.has(enterprise.industryCode)) continue;
    const count = faker.number.int({ min: 1, max: 5 });
    for (let index = 0; index < count; index++) {
      const issued = faker.date.between({ from: `${city.years[0]}-01-01`, to: `${city.years[1]}-12-31` });
      const issuedOn = issued.toISOString().slice(0, 10);
      projects.push(
        Object.assign(new ConstructionProject(), {
          permitNo: `${enterprise.regionCode}${issuedOn.replaceAll("-", "")}${String(projects.length + 1).padStart(4, "0")}`,
          name: `${faker.location.street()}${faker.helpers.arrayElement(buildings)}`,
          creditCode: enterprise.creditCode,
          regionCode: enterprise.regionCode,
          permitIssuedOn: issuedOn,
          status:
            issued.getUTCFullYear() < city.years[1] - 1
              ? ProjectStatus.COMPLETED
              : faker.helpers.arrayElement([ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.SUSPENDED]),
          contractValueFen: faker.number.int({ min: 500, max: 50_000 }) * 1_000_000,
          version: 1,
        }),
      );
    }
  }
  return projects;
}

const day = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => isoDate(new Date(new Date(date).getTime() + days * day));
const trades = Object.keys(constructionTrades);

/** Each contractor's insured staff register on one or two of its sites; completed sites have been left. */
function siteWorkers(city: City, projects: ConstructionProject[]): SiteWorkerRegistration[] {
  const faker = city.random("housing-workers");
  const lastDay = `${city.years[1]}-12-31`;
  const projectsOf = new Map<string, ConstructionProject[]>();
  for (const project of projects) {
    const ofContractor = projectsOf.get(project.creditCode);
    if (ofContractor) ofContractor.push(project);
    else projectsOf.set(project.creditCode, [project]);
  }
  const registrations: SiteWorkerRegistration[] = [];
  for (const person of city.persons) {
    const sites = projectsOf.get(person.employerCreditCode);
    if (!sites) continue;
    const birthDate = `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`;
    for (const project of faker.helpers.arrayElements(sites, { min: 1, max: Math.min(2, sites.length) })) {
      const enteredOn = addDays(project.permitIssuedOn, faker.number.int({ min: 0, max: 120 }));
      if (enteredOn > lastDay || ageOn(birthDate, enteredOn) < (minimumAgeOn(enteredOn) ?? 0)) continue;
      const stays = project.status !== ProjectStatus.COMPLETED && faker.number.float() < 0.8;
      const leftOn = stays ? null : addDays(enteredOn, faker.number.int({ min: 20, max: 600 }));
      registrations.push({
        id: `SW-${project.permitNo}-${String(registrations.length + 1).padStart(5, "0")}`,
        pid: person.pid,
        projectPermitNo: project.permitNo,
        trade: faker.helpers.arrayElement(trades),
        enteredOn,
        leftOn: leftOn && leftOn > lastDay ? null : leftOn,
      });
    }
  }
  return registrations;
}

/** Up to four inspections per project; about one in three finds hazards, and a serious few stop the work. */
function safetyInspections(city: City, projects: ConstructionProject[]): ConstructionSafetyInspection[] {
  const faker = city.random("housing-inspections");
  const inspections: ConstructionSafetyInspection[] = [];
  for (const project of projects) {
    for (let index = faker.number.int({ min: 0, max: 4 }); index > 0; index--) {
      const inspectedOn = addDays(project.permitIssuedOn, faker.number.int({ min: 10, max: 700 }));
      if (inspectedOn > `${city.years[1]}-12-31`) continue;
      const hazards = faker.helpers.weightedArrayElement([
        { value: 0, weight: 6 },
        { value: faker.number.int({ min: 1, max: 4 }), weight: 3 },
        { value: faker.number.int({ min: 5, max: 15 }), weight: 1 },
      ]);
      inspections.push({
        id: `CSI-${project.permitNo}-${String(inspections.length + 1).padStart(5, "0")}`,
        projectPermitNo: project.permitNo,
        inspectedOn,
        hazards,
        stopWorkOrdered: hazards >= 5,
        rectificationDueOn: hazards ? addDays(inspectedOn, hazards >= 5 ? 30 : 15) : null,
      });
    }
  }
  return inspections;
}
