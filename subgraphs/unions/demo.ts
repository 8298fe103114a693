import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { CheckStatus, SupervisionCheck } from "./supervision-check.entity";

const day = 86_400_000;

/** 总工会's share of the synthetic city: about a third of enterprises checked each year. */
export function unionsDemo(city: City): DemoRows {
  const faker = city.random("unions");
  const checks: SupervisionCheck[] = [];
  for (let year = city.years[0]; year <= city.years[1]; year++) {
    for (const enterprise of city.enterprises) {
      if (faker.number.float() >= 0.3) continue;
      const checked = faker.date.between({ from: `${year}-01-01`, to: `${year}-12-31` });
      const hazardsFound = faker.helpers.weightedArrayElement([
        { value: 0, weight: 5 },
        { value: faker.number.int({ min: 1, max: 3 }), weight: 4 },
        { value: faker.number.int({ min: 4, max: 12 }), weight: 1 },
      ]);
      checks.push({
        id: `SC-${year}-${String(checks.length + 1).padStart(6, "0")}`,
        creditCode: enterprise.creditCode,
        checkedOn: checked.toISOString().slice(0, 10),
        hazardsFound,
        rectificationDueOn: hazardsFound ? new Date(checked.getTime() + 30 * day).toISOString().slice(0, 10) : null,
        status: hazardsFound && year === city.years[1] && faker.number.float() < 0.5 ? CheckStatus.OPEN : CheckStatus.RECTIFIED,
      });
    }
  }
  return [demoRows(SupervisionCheck, checks)];
}
