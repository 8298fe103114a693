import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { ConstructionProject, ProjectStatus } from "./construction-project.entity";

const constructionDivisions = new Set(["47", "48", "49", "50"]);
const buildings = ["住宅小区", "综合楼", "厂房", "道路改造工程", "污水处理厂", "学校教学楼", "医院门诊楼", "物流园"];

/** 住建's share of the synthetic city: projects of the construction enterprises. */
export function housingDemo(city: City): DemoRows {
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
          status: issued.getUTCFullYear() < city.years[1] - 1 ? ProjectStatus.COMPLETED : faker.helpers.arrayElement([ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.SUSPENDED]),
          contractValueFen: faker.number.int({ min: 500, max: 50_000 }) * 1_000_000,
        }),
      );
    }
  }
  return [demoRows(ConstructionProject, projects)];
}
