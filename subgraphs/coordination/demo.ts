import { demoRows, type DemoRows } from "../../kernel/seeding";
import { accidentCategories } from "../../reference/accident-categories";
import type { City } from "../../synthetic/city";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";
import { TypicalCaseBulletin } from "./typical-case.entity";

/** Each campaign: who leads, who joins, and which industries (GB/T 4754 divisions) it targets. */
const campaigns = [
  {
    title: "危险化学品企业工伤预防联合检查",
    leadAgency: "emergency",
    agencies: ["emergency", "hrss", "health", "unions"],
    divisions: ["25", "26"],
  },
  {
    title: "建筑施工领域联合执法检查",
    leadAgency: "housing",
    agencies: ["housing", "hrss", "emergency", "unions"],
    divisions: ["47", "48", "50"],
  },
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
          rectifiedOn: null,
        });
      }
    }
  }
  confirmRectifications(city, targets);
  return [demoRows(JointInspection, inspections), demoRows(InspectionTarget, targets), demoRows(TypicalCaseBulletin, typicalCases(city))];
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Most rectifications are confirmed within three weeks either side of the deadline; the rest are overdue. */
function confirmRectifications(city: City, targets: InspectionTarget[]): void {
  const faker = city.random("coordination-rectification");
  for (const target of targets) {
    if (!target.rectificationDueOn || faker.number.float() >= 0.85) continue;
    const due = new Date(target.rectificationDueOn).getTime();
    target.rectifiedOn = isoDate(new Date(due + faker.number.int({ min: -21, max: 21 }) * day));
  }
}

/** Each year the office publishes the year's deadliest accidents as typical cases, a month or two after. */
function typicalCases(city: City): TypicalCaseBulletin[] {
  const faker = city.random("coordination-bulletins");
  const names = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, enterprise.name]));
  const bulletins: TypicalCaseBulletin[] = [];
  for (let year = city.years[0]; year <= city.years[1]; year++) {
    const deadliest = city.accidents
      .filter((accident) => accident.occurredAt.getUTCFullYear() === year && accident.deaths > 0)
      .sort((a, b) => b.deaths - a.deaths || (a.id < b.id ? -1 : 1))
      .slice(0, 2);
    for (const accident of deadliest) {
      const category = accidentCategories[accident.category];
      bulletins.push({
        id: `TC-${accident.id}`,
        title: `${names.get(accident.creditCode)}“${isoDate(accident.occurredAt)}”${category}事故`,
        publishedOn: isoDate(new Date(accident.occurredAt.getTime() + faker.number.int({ min: 30, max: 75 }) * day)),
        accidentId: accident.id,
        summary: `${isoDate(accident.occurredAt)}，该企业发生一起${category}事故，造成${accident.deaths}人死亡、${accident.seriousInjuries}人重伤。`,
        lessons: faker.helpers.arrayElement([
          "企业安全生产主体责任不落实，隐患排查治理不到位。",
          "作业人员未经安全培训上岗，违章作业。",
          "现场安全管理缺失，未落实作业审批和监护制度。",
        ]),
      });
    }
  }
  return bulletins;
}
