import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { Complaint, ComplaintCategory, ComplaintStatus } from "./complaint.entity";
import { CheckStatus, SupervisionCheck } from "./supervision-check.entity";
import { TrainingSession } from "./training-session.entity";

const day = 86_400_000;

/** 总工会's share of the synthetic city: checks, workers' complaints and prevention training. */
export function unionsDemo(city: City): DemoRows {
  return [
    demoRows(SupervisionCheck, supervisionChecks(city)),
    demoRows(Complaint, complaints(city)),
    demoRows(TrainingSession, trainingSessions(city)),
  ];
}

/** About a third of enterprises checked each year. */
function supervisionChecks(city: City): SupervisionCheck[] {
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
  return checks;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Where a complaint goes when the union transfers it: the department that supervises the matter. */
const transferTargets: Record<ComplaintCategory, string> = {
  [ComplaintCategory.SAFETY_HAZARD]: "emergency",
  [ComplaintCategory.PROTECTIVE_EQUIPMENT]: "emergency",
  [ComplaintCategory.OCCUPATIONAL_HEALTH]: "health",
  [ComplaintCategory.INJURY_INSURANCE]: "hrss",
  [ComplaintCategory.WORKING_HOURS]: "hrss",
  [ComplaintCategory.OTHER]: "coordination",
};
const summaries: Record<ComplaintCategory, string> = {
  [ComplaintCategory.SAFETY_HAZARD]: "车间安全防护设施缺失，存在机械伤害隐患",
  [ComplaintCategory.PROTECTIVE_EQUIPMENT]: "企业未按规定发放劳动防护用品",
  [ComplaintCategory.OCCUPATIONAL_HEALTH]: "粉尘浓度超标，未组织职业健康检查",
  [ComplaintCategory.INJURY_INSURANCE]: "企业未为职工缴纳工伤保险",
  [ComplaintCategory.WORKING_HOURS]: "长期超时加班，疲劳作业",
  [ComplaintCategory.OTHER]: "其他劳动保护问题",
};

/** A few complaints a year, a third anonymous; most are settled, about a third by transfer. */
function complaints(city: City): Complaint[] {
  const faker = city.random("unions-complaints");
  const staff = new Map<string, string[]>();
  for (const person of city.persons) {
    const colleagues = staff.get(person.employerCreditCode);
    if (colleagues) colleagues.push(person.pid);
    else staff.set(person.employerCreditCode, [person.pid]);
  }
  const rows: Complaint[] = [];
  for (let year = city.years[0]; year <= city.years[1]; year++) {
    for (const enterprise of city.enterprises) {
      if (faker.number.float() >= 0.06) continue;
      const received = faker.date.between({ from: `${year}-01-01`, to: `${year}-12-31` });
      const category = faker.helpers.weightedArrayElement([
        { value: ComplaintCategory.SAFETY_HAZARD, weight: 4 },
        { value: ComplaintCategory.PROTECTIVE_EQUIPMENT, weight: 3 },
        { value: ComplaintCategory.OCCUPATIONAL_HEALTH, weight: 2 },
        { value: ComplaintCategory.INJURY_INSURANCE, weight: 2 },
        { value: ComplaintCategory.WORKING_HOURS, weight: 2 },
        { value: ComplaintCategory.OTHER, weight: 1 },
      ]);
      const colleagues = staff.get(enterprise.creditCode) ?? [];
      const transferred = faker.number.float() < 0.35;
      const resolved = year < city.years[1] || faker.number.float() < 0.6;
      rows.push({
        id: `CP-${year}-${String(rows.length + 1).padStart(6, "0")}`,
        receivedOn: isoDate(received),
        creditCode: enterprise.creditCode,
        category,
        summary: summaries[category],
        complainantPid: colleagues.length && faker.number.float() < 0.65 ? faker.helpers.arrayElement(colleagues) : null,
        status: resolved ? ComplaintStatus.RESOLVED : transferred ? ComplaintStatus.TRANSFERRED : ComplaintStatus.RECEIVED,
        transferredTo: transferred ? transferTargets[category] : null,
        resolvedOn: resolved ? isoDate(new Date(received.getTime() + faker.number.int({ min: 3, max: 60 }) * day)) : null,
        resolution: resolved ? (transferred ? "转办部门已查处，企业完成整改" : "经工会协调，企业已整改") : null,
        // Complaints from before the hub recorded the receiving department's handling.
        acceptedOn: null,
        answer: null,
        answeredOn: null,
        handledBy: null,
      });
    }
  }
  return rows;
}

const trainingTopics = [
  "工伤保险政策解读",
  "危险化学品安全操作",
  "有限空间作业安全",
  "职业病防治知识",
  "建筑施工高处坠落预防",
  "道路运输安全驾驶",
  "班组长安全管理能力提升",
];

/** About monthly sessions for key-post staff, of a few 学时 each. */
function trainingSessions(city: City): TrainingSession[] {
  const faker = city.random("unions-training");
  const sessions: TrainingSession[] = [];
  for (let year = city.years[0]; year <= city.years[1]; year++) {
    for (let month = 1; month <= 12; month++) {
      if (faker.number.float() < 0.2) continue;
      const dayOfMonth = faker.number.int({ min: 1, max: 28 });
      sessions.push({
        id: `TR-${year}-${String(month).padStart(2, "0")}`,
        heldOn: `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`,
        topic: faker.helpers.arrayElement(trainingTopics),
        attendees: faker.number.int({ min: 30, max: 200 }),
        hours: faker.helpers.arrayElement([2, 4, 4, 8]),
        version: 1,
      });
    }
  }
  return sessions;
}
