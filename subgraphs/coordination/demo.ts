import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";

/** Each campaign: who leads, who joins, and which industries (GB/T 4754 divisions) it targets. */
const campaigns = [
  { title: "危险化学品企业工伤预防联合检查", leadAgency: "emergency", agencies: ["emergency", "hrss", "health", "unions"], divisions: ["25", "26"] },
  { title: "建筑施工领域联合执法检查", leadAgency: "housing", agencies: ["housing", "hrss", "emergency", "unions"], divisions: ["47", "48", "50"] },
  { title: "道路运输企业安全生产联合检查", leadAgency: "transport", agencies: ["transport", "emergency", "hrss"], divisions: ["54"] },
  { title: "非煤矿山粉尘危害专项治理", leadAgency: "health", agencies: ["health", "emergency", "hrss", "unions"], divisions: ["08", "10"] },
  { title: "机械制造企业工伤预防联合检查", leadAgency: "hrss", agencies: ["hrss", "emergency", "unions"], divisions: ["33", "34", "35"] },
];
const day = 86_400_000;

/** 联席会议办公室's share of the synthetic city: a few joint inspections a year, each of several enterprises. */
export function coordinationDemo(city: City): DemoRows {
  const faker = city.random("coordination");
  const inspections: JointInspection[] = [];
  const targets: InspectionTarget[] = [];
  for (let year = city.years[0]; year <= city.years[1]; year++) {
    for (const [index, campaign] of campaigns.entries()) {
      const id = `LJ-${year}-${String(index + 1).padStart(3, "0")}`;
      const planned = faker.date.between({ from: `${year}-03-01`, to: `${year}-11-30` });
      inspections.push({
        id,
        title: `${year}年${campaign.title}`,
        leadAgency: campaign.leadAgency,
        agencies: campaign.agencies,
        plannedOn: planned.toISOString().slice(0, 10),
        status: year < city.years[1] ? InspectionStatus.CLOSED : InspectionStatus.PLANNED,
      });
      const candidates = city.enterprises.filter((enterprise) => campaign.divisions.includes(enterprise.industryCode));
      for (const enterprise of faker.helpers.arrayElements(candidates, Math.min(candidates.length, 8))) {
        const hazards = faker.number.int({ min: 0, max: 5 });
        targets.push({
          id: `${id}-${enterprise.creditCode}`,
          inspectionId: id,
          creditCode: enterprise.creditCode,
          findings: hazards ? `发现隐患${hazards}处` : null,
          rectificationDueOn: hazards ? new Date(planned.getTime() + 30 * day).toISOString().slice(0, 10) : null,
        });
      }
    }
  }
  return [demoRows(JointInspection, inspections), demoRows(InspectionTarget, targets)];
}
