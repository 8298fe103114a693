import { creditCodeCheckCharacter } from "../../kernel/identifiers/credit-code";
import { demoRows, type DemoRows } from "../../kernel/seeding";
import { riskClassOf2017Division, riskClassTable2015 } from "../../reference/risk-classes";
import type { City } from "../../synthetic/city";
import { FeeBudget, FeeBudgetItem, FeeCategory } from "./fee-budget.entity";
import { BaseRate, FloatFactor } from "./insurance-rate.entity";
import { allowedFloatFactors, defaultPoolingAreaCode } from "./insurance-rates.rules";
import { PreventionProject, PreventionProjectStep, ProjectStatus, ServiceAgency } from "./prevention-project.entity";
import { barredUntil, prepaymentFen, projectStepId } from "./prevention-project.rules";
import { KeyPost, TrainingMode, TrainingRecord } from "./training-record.entity";
import { TrainingRosterEntry, rosterEntryId } from "./training-roster.entity";
import { projectMoneyOn } from "./fee-budget.figures";
import { keyIndustryOf } from "../../reference/key-industries";

const yuan = 100;
const wan = 10_000 * yuan;

/** Zibo's base rates: the national 71号 rates, adopted from 2015-10-01. */
function baseRates(): BaseRate[] {
  return riskClassTable2015.classes.map((entry) => ({
    id: `${defaultPoolingAreaCode}-${entry.riskClass}-${riskClassTable2015.effectiveFrom}`,
    poolingAreaCode: defaultPoolingAreaCode,
    riskClass: entry.riskClass,
    basisPoints: entry.baseRateBasisPoints,
    effectiveFrom: riskClassTable2015.effectiveFrom,
    document: riskClassTable2015.document,
  }));
}

/**
 * Floats every two years on the two preceding years' accidents (71号: every one to three years, by
 * injury rate): none lowers the rate, one keeps it, more raise it; about 40% of employers have floated.
 */
function floatFactors(city: City): FloatFactor[] {
  const faker = city.random("hrss-rates");
  const accidentsByEmployerYear = new Map<string, number>();
  for (const accident of city.accidents) {
    const key = `${accident.creditCode}:${accident.occurredAt.getUTCFullYear()}`;
    accidentsByEmployerYear.set(key, (accidentsByEmployerYear.get(key) ?? 0) + 1);
  }
  const factors: FloatFactor[] = [];
  for (const enterprise of city.enterprises) {
    const riskClass = riskClassOf2017Division(enterprise.industryCode);
    if (riskClass === undefined || faker.number.float() >= 0.4) continue;
    for (const [effectiveFrom, fromYear] of [
      ["2023-01-01", 2021],
      ["2025-01-01", 2023],
    ] as const) {
      const accidents = [fromYear, fromYear + 1].reduce(
        (sum, year) => sum + (accidentsByEmployerYear.get(`${enterprise.creditCode}:${year}`) ?? 0),
        0,
      );
      const allowed = allowedFloatFactors(riskClass, effectiveFrom);
      const wanted = accidents === 0 ? faker.helpers.arrayElement([50, 80]) : accidents === 1 ? 100 : accidents === 2 ? 120 : 150;
      const factorPercent = allowed.includes(wanted) ? wanted : Math.min(...allowed);
      factors.push({ id: `${enterprise.creditCode}-${effectiveFrom}`, creditCode: enterprise.creditCode, factorPercent, effectiveFrom });
    }
  }
  return factors;
}

const agencyNames = [
  "淄博鲁安安全技术服务有限公司",
  "淄博市安培职业培训学校",
  "山东齐安应急管理咨询有限公司",
  "淄博博信安全生产技术服务中心",
  "山东泰和职业健康评价有限公司",
];

/** Prevention service agencies registered in Zibo, with valid credit codes. */
function serviceAgencies(city: City): ServiceAgency[] {
  const faker = city.random("hrss-agencies");
  return agencyNames.map((name) => {
    const first17 = `91${defaultPoolingAreaCode}${faker.string.fromCharacters("0123456789ABCDEFGH", 9)}`;
    return { creditCode: first17 + creditCodeCheckCharacter(first17), creditCodeNeedsReview: false, name, barredUntil: null };
  });
}

/** The projects of the 2024 plan (淄人社字〔2024〕38号) at every stage; one failed acceptance bars its agency. */
function preventionProjects(agencies: ServiceAgency[]): { projects: PreventionProject[]; steps: PreventionProjectStep[] } {
  const plan: readonly { title: string; category: FeeCategory; amountWan: number; agency: number; reached: ProjectStatus }[] = [
    { title: "危险化学品企业工伤预防能力提升培训", category: FeeCategory.TRAINING, amountWan: 180, agency: 0, reached: ProjectStatus.PAID },
    {
      title: "重点行业“三类人员”工伤预防培训",
      category: FeeCategory.TRAINING,
      amountWan: 150,
      agency: 1,
      reached: ProjectStatus.IN_PROGRESS,
    },
    {
      title: "煤矿企业专项工伤预防培训",
      category: FeeCategory.TRAINING,
      amountWan: 60,
      agency: 2,
      reached: ProjectStatus.ACCEPTANCE_FAILED,
    },
    { title: "工伤预防宣传培训基地常态化宣传", category: FeeCategory.PUBLICITY, amountWan: 70, agency: 3, reached: ProjectStatus.ACCEPTED },
    {
      title: "主流媒体和新媒体工伤预防宣传",
      category: FeeCategory.PUBLICITY,
      amountWan: 40,
      agency: 4,
      reached: ProjectStatus.AGREEMENT_SIGNED,
    },
    { title: "建筑施工企业工伤预防线上培训", category: FeeCategory.TRAINING, amountWan: 35.5, agency: 1, reached: ProjectStatus.APPLIED },
  ];
  const order = [
    ProjectStatus.APPLIED,
    ProjectStatus.APPROVED,
    ProjectStatus.AGREEMENT_SIGNED,
    ProjectStatus.PREPAID,
    ProjectStatus.IN_PROGRESS,
  ];
  const projects: PreventionProject[] = [];
  const steps: PreventionProjectStep[] = [];
  plan.forEach((entry, index) => {
    const id = `PP-2024-${String(index + 1).padStart(3, "0")}`;
    const ending = {
      [ProjectStatus.ACCEPTED]: [ProjectStatus.ACCEPTED],
      [ProjectStatus.PAID]: [ProjectStatus.ACCEPTED, ProjectStatus.PAID],
      [ProjectStatus.ACCEPTANCE_FAILED]: [ProjectStatus.ACCEPTANCE_FAILED],
    } as Partial<Record<ProjectStatus, ProjectStatus[]>>;
    const path = ending[entry.reached] ? [...order, ...ending[entry.reached]!] : order.slice(0, order.indexOf(entry.reached) + 1);
    // A month between steps from the plan's publication.
    const dated = path.map((status, step) => ({
      status,
      on: `${2024 + Math.floor((8 + step) / 12)}-${String(((8 + step) % 12) + 1).padStart(2, "0")}-${String(5 + index).padStart(2, "0")}`,
    }));
    const contractAmountFen = Math.round(entry.amountWan * wan);
    const prepaid = dated.find((step) => step.status === ProjectStatus.PREPAID);
    const last = dated[dated.length - 1];
    projects.push(
      Object.assign(new PreventionProject(), {
        id,
        agencyCreditCode: agencies[entry.agency].creditCode,
        budgetId: `${defaultPoolingAreaCode}-2024`,
        title: entry.title,
        category: entry.category,
        contractAmountFen,
        prepaidFen: prepaid ? prepaymentFen(contractAmountFen, prepaid.on) : null,
        status: last.status,
        appliedOn: dated[0].on,
        statusSince: last.on,
      }),
    );
    for (const step of dated) {
      steps.push({ id: projectStepId(id, step.status), projectId: id, status: step.status, enteredOn: step.on });
    }
    if (last.status === ProjectStatus.ACCEPTANCE_FAILED) agencies[entry.agency].barredUntil = barredUntil(last.on);
  });
  return { projects, steps };
}

/**
 * Zibo's prevention-fee budgets. 2024 draws 500万元 (淄人社字〔2024〕38号); the fund's prior-year
 * contribution income is not published there, so these incomes are synthetic, set so the draw
 * stays within the 3% cap.
 */
function feeBudgets(projects: PreventionProject[], steps: PreventionProjectStep[]): { budgets: FeeBudget[]; items: FeeBudgetItem[] } {
  const lines: readonly [year: number, category: FeeCategory, title: string, amountWan: number, approvedOn: string][] = [
    [2024, FeeCategory.TRAINING, "危险化学品企业工伤预防能力提升培训", 180, "2024-08-01"],
    [2024, FeeCategory.TRAINING, "重点行业“三类人员”工伤预防培训", 150, "2024-08-01"],
    [2024, FeeCategory.TRAINING, "煤矿企业专项工伤预防培训", 60, "2024-08-01"],
    [2024, FeeCategory.PUBLICITY, "工伤预防宣传培训基地常态化宣传", 70, "2024-08-01"],
    [2024, FeeCategory.PUBLICITY, "主流媒体和新媒体工伤预防宣传", 40, "2024-08-01"],
    [2025, FeeCategory.TRAINING, "重点行业企业工伤预防能力提升培训", 320, "2025-07-15"],
    [2025, FeeCategory.PUBLICITY, "工伤预防宣传月活动", 55.5, "2025-07-15"],
  ];
  const incomes: readonly [year: number, priorYearIncomeWan: number][] = [
    [2024, 18_000],
    [2025, 18_650],
  ];
  const items = lines.map(([year, category, title, amountWan, approvedOn], index) =>
    Object.assign(new FeeBudgetItem(), {
      id: `FI-${defaultPoolingAreaCode}-${year}-${String(index + 1).padStart(2, "0")}`,
      budgetId: `${defaultPoolingAreaCode}-${year}`,
      category,
      title,
      amountFen: Math.round(amountWan * wan),
      approvedOn,
    }),
  );
  const budgets = incomes.map(([year, incomeWan]) =>
    Object.assign(new FeeBudget(), {
      id: `${defaultPoolingAreaCode}-${year}`,
      poolingAreaCode: defaultPoolingAreaCode,
      year,
      priorYearContributionIncomeFen: incomeWan * wan,
      approvedFen: items
        .filter((item) => item.budgetId === `${defaultPoolingAreaCode}-${year}`)
        .reduce((sum, item) => sum + item.amountFen, 0),
      // What the projects committed by their last step, as advancePreventionProject keeps it.
      committedFen: projects
        .filter((project) => project.budgetId === `${defaultPoolingAreaCode}-${year}`)
        .reduce(
          (sum, project) =>
            sum +
            projectMoneyOn(
              project,
              steps.filter((step) => step.projectId === project.id),
              "9999-12-31",
            ).committed,
          0,
        ),
    }),
  );
  return { budgets, items };
}

/**
 * Key-post training 2023–2025: in about a third of employers the principal, one or two safety
 * managers and up to three team leaders train most years, mostly offline, a few sessions each.
 */
function trainingRecords(city: City, providers: string[]): TrainingRecord[] {
  const faker = city.random("hrss-training");
  const staff = new Map<string, string[]>();
  for (const person of city.persons) {
    const pids = staff.get(person.employerCreditCode) ?? [];
    pids.push(person.pid);
    staff.set(person.employerCreditCode, pids);
  }
  const records: TrainingRecord[] = [];
  for (const enterprise of city.enterprises) {
    const people = staff.get(enterprise.creditCode) ?? [];
    if (people.length < 3 || faker.number.float() >= 0.33) continue;
    const picked = faker.helpers.shuffle([...people]);
    const posts: [string, KeyPost][] = [
      [picked[0], KeyPost.PRINCIPAL],
      ...picked.slice(1, 1 + faker.number.int({ min: 1, max: 2 })).map((pid): [string, KeyPost] => [pid, KeyPost.SAFETY_MANAGER]),
      ...picked.slice(3, 3 + faker.number.int({ min: 0, max: 3 })).map((pid): [string, KeyPost] => [pid, KeyPost.TEAM_LEADER]),
    ];
    for (const year of [2023, 2024, 2025]) {
      for (const [pid, post] of posts) {
        if (faker.number.float() >= 0.7) continue;
        const offlineShare = faker.number.float({ min: 0.4, max: 1 });
        for (let session = faker.number.int({ min: 3, max: 8 }); session > 0; session--) {
          const trainedOn = faker.date
            .between({ from: `${year}-01-01T00:00:00Z`, to: `${year}-12-31T00:00:00Z` })
            .toISOString()
            .slice(0, 10);
          records.push(
            Object.assign(new TrainingRecord(), {
              id: `TR-${year}-${String(records.length + 1).padStart(7, "0")}`,
              pid,
              creditCode: enterprise.creditCode,
              post,
              mode: faker.number.float() < offlineShare ? TrainingMode.OFFLINE : TrainingMode.ONLINE,
              practical: false,
              hoursTenths: faker.helpers.arrayElement([20, 30, 40, 45, 60, 80]),
              trainedOn,
              provider: faker.helpers.arrayElement(providers),
            }),
          );
        }
      }
    }
  }
  return records;
}

const staffOf = (city: City): Map<string, string[]> => {
  const staff = new Map<string, string[]>();
  for (const person of city.persons) {
    const pids = staff.get(person.employerCreditCode) ?? [];
    pids.push(person.pid);
    staff.set(person.employerCreditCode, pids);
  }
  return staff;
};

/**
 * 应受训人员摸底 in every key-industry enterprise with at least three insured people: those already
 * training in a key post keep it, and the survey adds a deputy head, perhaps a health manager and
 * team leaders from the rest. Hazardous-chemicals enterprises were surveyed when their three-year
 * programme began (2022), the others for the 2024 plan.
 */
function trainingRoster(city: City, records: TrainingRecord[]): TrainingRosterEntry[] {
  const faker = city.random("hrss-roster");
  const staff = staffOf(city);
  const trainedPost = new Map(records.map((record) => [`${record.creditCode}:${record.pid}`, record.post]));
  const entries: TrainingRosterEntry[] = [];
  for (const enterprise of city.enterprises) {
    const industry = keyIndustryOf(enterprise.industryCode);
    const people = staff.get(enterprise.creditCode) ?? [];
    if (!industry || people.length < 3) continue;
    const surveyedOn =
      industry.code === "HAZARDOUS_CHEMICALS"
        ? `2022-03-${String(faker.number.int({ min: 1, max: 28 })).padStart(2, "0")}`
        : `2024-02-${String(faker.number.int({ min: 1, max: 28 })).padStart(2, "0")}`;
    const posted = people.filter((pid) => trainedPost.has(`${enterprise.creditCode}:${pid}`));
    const rest = faker.helpers.shuffle(people.filter((pid) => !trainedPost.has(`${enterprise.creditCode}:${pid}`)));
    const wanted: KeyPost[] = [
      ...(posted.length === 0 ? [KeyPost.PRINCIPAL, KeyPost.SAFETY_MANAGER] : []),
      KeyPost.DEPUTY_HEAD,
      ...(faker.number.float() < 0.5 ? [KeyPost.HEALTH_MANAGER] : []),
      ...Array.from({ length: faker.number.int({ min: 1, max: 4 }) }, () => KeyPost.TEAM_LEADER),
    ];
    const assigned: [string, KeyPost][] = [
      ...posted.map((pid): [string, KeyPost] => [pid, trainedPost.get(`${enterprise.creditCode}:${pid}`)!]),
      ...rest.slice(0, wanted.length).map((pid, index): [string, KeyPost] => [pid, wanted[index]]),
    ];
    for (const [pid, post] of assigned) {
      entries.push({ id: rosterEntryId(enterprise.creditCode, pid), creditCode: enterprise.creditCode, pid, post, surveyedOn });
    }
  }
  return entries;
}

/**
 * The capability-building programmes (能力提升培训工程) train the rostered people: hazardous
 * chemicals 2022–2024 (team leaders with practical training), the 2024 plan's key lines and coal
 * in 2024, every key industry again in 2025; each year about half of those not yet trained.
 */
function programmeTraining(city: City, roster: TrainingRosterEntry[], provider: string): TrainingRecord[] {
  const faker = city.random("hrss-programme");
  const industryOf = new Map(city.enterprises.map((enterprise) => [enterprise.creditCode, keyIndustryOf(enterprise.industryCode)?.code]));
  const zibo2024Lines = ["NON_COAL_MINING", "BUILDING_MATERIALS", "CONSTRUCTION", "TRANSPORT", "MACHINERY"];
  const yearsFor = (industry: string | undefined): number[] =>
    industry === "HAZARDOUS_CHEMICALS"
      ? [2022, 2023, 2024, 2025]
      : industry === "COAL_MINING" || zibo2024Lines.includes(industry ?? "")
        ? [2024, 2025]
        : [2025];
  const chance = (industry: string | undefined, year: number) =>
    industry === "COAL_MINING" && year === 2024 ? 0.85 : year === 2025 ? 0.4 : 0.5;
  const records: TrainingRecord[] = [];
  for (const entry of roster) {
    const industry = industryOf.get(entry.creditCode);
    for (const year of yearsFor(industry)) {
      if (year < Number(entry.surveyedOn.slice(0, 4)) || faker.number.float() >= chance(industry, year)) continue;
      const firstDay = faker.date.between({ from: `${year}-03-01T00:00:00Z`, to: `${year}-11-20T00:00:00Z` });
      for (let day = 0; day < 3; day++) {
        records.push(
          Object.assign(new TrainingRecord(), {
            id: `TR-P${year}-${String(records.length + 1).padStart(7, "0")}`,
            pid: entry.pid,
            creditCode: entry.creditCode,
            post: entry.post,
            mode: TrainingMode.OFFLINE,
            practical: industry === "HAZARDOUS_CHEMICALS" && entry.post === KeyPost.TEAM_LEADER && day === 2,
            hoursTenths: 80,
            trainedOn: new Date(firstDay.getTime() + day * 86_400_000).toISOString().slice(0, 10),
            provider,
          }),
        );
      }
    }
  }
  return records;
}

/** The 云享 platform's online courses (2024, 2025): about a fifth of the other insured people a year, one or two courses each. */
function onlineTraining(city: City, roster: TrainingRosterEntry[]): TrainingRecord[] {
  const faker = city.random("hrss-online");
  const rostered = new Set(roster.map((entry) => entry.pid));
  const records: TrainingRecord[] = [];
  for (const year of [2024, 2025]) {
    for (const person of city.persons) {
      if (rostered.has(person.pid) || faker.number.float() >= 0.22) continue;
      for (let course = faker.number.int({ min: 1, max: 2 }); course > 0; course--) {
        records.push(
          Object.assign(new TrainingRecord(), {
            id: `TR-O${year}-${String(records.length + 1).padStart(7, "0")}`,
            pid: person.pid,
            creditCode: person.employerCreditCode,
            post: KeyPost.WORKER,
            mode: TrainingMode.ONLINE,
            practical: false,
            hoursTenths: faker.helpers.arrayElement([20, 30, 40]),
            trainedOn: faker.date
              .between({ from: `${year}-01-01T00:00:00Z`, to: `${year}-12-31T00:00:00Z` })
              .toISOString()
              .slice(0, 10),
            provider: "淄博市工伤预防云享培训平台",
          }),
        );
      }
    }
  }
  return records;
}

/** 人社's prevention programmes in the synthetic city: rates, training and rosters, fee budgets and projects. */
export function preventionDemo(city: City): DemoRows {
  const agencies = serviceAgencies(city);
  const { projects, steps } = preventionProjects(agencies);
  const { budgets, items } = feeBudgets(projects, steps);
  const keyPostTraining = trainingRecords(
    city,
    agencies.slice(0, 2).map((agency) => agency.name),
  );
  const roster = trainingRoster(city, keyPostTraining);
  return [
    demoRows(BaseRate, baseRates()),
    demoRows(FloatFactor, floatFactors(city)),
    demoRows(TrainingRecord, [...keyPostTraining, ...programmeTraining(city, roster, agencies[0].name), ...onlineTraining(city, roster)]),
    demoRows(TrainingRosterEntry, roster),
    demoRows(FeeBudget, budgets),
    demoRows(FeeBudgetItem, items),
    demoRows(ServiceAgency, agencies),
    demoRows(PreventionProject, projects),
    demoRows(PreventionProjectStep, steps),
  ];
}
