import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chinaToday } from "../kernel/calendar";
import { employerRegionRule } from "../kernel/employer-region";
import { fetchReport } from "../report/fetch";
import { buildModel } from "../report/figures";
import { renderHtml } from "../report/html";
import { chromiumPath, pictureOfSummary, printPdf } from "../report/pdf";
import { parsePeriod, parseRegion, ReportProblem } from "../report/period";
import { writeReport } from "../report/run";
import { xlsxOf } from "../report/xlsx";
import { InspectionStatus, InspectionTarget, JointInspection } from "../subgraphs/coordination/joint-inspection.entity";
import { TypicalCaseBulletin } from "../subgraphs/coordination/typical-case.entity";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { InjuryRecognition, RecognitionStatus } from "../subgraphs/hrss/injury-recognition.entity";
import { seeded } from "./support/expected";
import { expectedSections } from "./support/report-sections";
import { startFederation, testClock, type Federation } from "./support/federation";

const gradeNames: [string, string][] = [
  ["ESPECIALLY_MAJOR", "特别重大"],
  ["MAJOR", "重大"],
  ["LARGER", "较大"],
  ["ORDINARY", "一般"],
];

const vehicleClassNames: Record<string, string> = { FREIGHT: "普通货运", PASSENGER: "旅客运输", HAZARDOUS_GOODS: "危险货物运输" };
const complaintCategoryNames: Record<string, string> = {
  SAFETY_HAZARD: "安全隐患",
  PROTECTIVE_EQUIPMENT: "劳动防护用品",
  OCCUPATIONAL_HEALTH: "职业病危害",
  INJURY_INSURANCE: "工伤保险",
  WORKING_HOURS: "工作时间",
  OTHER: "其他",
};

type Figures = Record<string, number | null>;

/** Every figure the document marks (data-figure="key"), as numbers; 暂缺 as null. */
function figuresIn(html: string, attribute = "data-figure"): Figures {
  const pattern = new RegExp(`${attribute}="([^"]+)">([^<]*)<`, "g");
  return Object.fromEntries(
    [...html.matchAll(pattern)].map(([, key, text]) => [key, text === "暂缺" || text === "—" ? null : Number(text.replace(/,|%$/g, ""))]),
  );
}

// Chromium and the command's own processes start slowly on a shared two-core machine: generous ceilings.
jest.setTimeout(240_000);

const hasChromium = chromiumPath() !== undefined;
if (!hasChromium) {
  process.stderr.write(
    "report PDF test skipped: no Chromium here; install it with `apt-get install chromium fonts-noto-cjk` (or set LIANFANG_CHROMIUM)\n",
  );
}

/** Where the PDF is kept for a person to look at (git-ignored), like the console's screenshots. */
const outputs = path.join(__dirname, "..", "test-results", "report");

/** The figures of the departments' sections, without the key-industry analysis's tables. */
const departmentFigures = (figures: Figures): Figures =>
  Object.fromEntries(
    Object.entries(figures).filter(
      ([key]) => !/^(keyIndustries|divisions|targets|fees|feeCategories)\./.test(key) && key !== "targets" && key !== "targetsAchieved",
    ),
  );

/** The region rule as the hub states it, as the HTML writes it. */
const escapedRule = employerRegionRule.replace(/"/g, "&quot;");

const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe("the meeting report as a document (npm run report)", () => {
  let hub: Federation;
  let token: string;
  let scratch: string;

  beforeAll(async () => {
    hub = await startFederation();
    token = await hub.keys.token({ agency: "coordination" });
    scratch = mkdtempSync(path.join(os.tmpdir(), "lianfang-report-"));
  });
  afterAll(async () => {
    await hub.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /**
   * The figures of one period (a year or a quarter) computed straight from what each department
   * seeded, without the hub: every event placed by its employer's registered region (credit code
   * characters 3–8), as the report says.
   */
  function expectedPeriod(regionCode: string, period: string) {
    const prefix = regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;
    const employerIn = (creditCode: string) => creditCode.slice(2, 2 + prefix.length) === prefix;
    const year = Number(period.slice(0, 4));
    const quarter = period.length > 4 ? Number(period.slice(6)) : null;
    const months = Array.from(
      { length: quarter ? 3 : 12 },
      (_, index) => `${year}-${String((quarter ? quarter * 3 - 3 : 0) + index + 1).padStart(2, "0")}`,
    );
    const inPeriod = (date: string) => months.includes(date.slice(0, 7));
    const accidents = seeded(hub.city, "emergency", Accident).filter((a) => employerIn(a.creditCode) && inPeriod(chinaToday(a.occurredAt)));
    const cases = seeded(hub.city, "health", OccupationalDiseaseCase).filter((c) => employerIn(c.creditCode) && inPeriod(c.diagnosedOn));
    const injuries = seeded(hub.city, "hrss", InjuryRecognition).filter((r) => employerIn(r.creditCode) && inPeriod(r.injuredOn));
    const inspectionsOfPeriod = seeded(hub.city, "coordination", JointInspection).filter((i) => inPeriod(i.plannedOn));
    const targets = seeded(hub.city, "coordination", InspectionTarget).filter(
      (t) => employerIn(t.creditCode) && inspectionsOfPeriod.some((i) => i.id === t.inspectionId),
    );
    // A joint inspection counts in the region when one of its targets is an enterprise of the region.
    const inspections = inspectionsOfPeriod.filter((i) => targets.some((t) => t.inspectionId === i.id));
    const sum = (rows: Accident[], key: "deaths" | "seriousInjuries") => rows.reduce((total, row) => total + row[key], 0);
    return { accidents, cases, injuries, inspections, targets, employerIn, inPeriod, months, sum };
  }

  /** 交通, 住建 and 总工会's tables, figure by figure as the document marks them, from the seeded rows. */
  function expectedSectionTables(regionCode: string, period: string): Figures {
    const {
      transportStatistics: transport,
      constructionSafetyStatistics: construction,
      unionSupervisionStatistics: unions,
    } = expectedSections(hub.city, regionCode, period);
    const tables: Figures = {
      "transport.持有道路运输经营许可证的经营者 (家, 现有登记).value": transport.licensedOperators,
      "transport.其中经营许可证在本期内到期 (家).value": transport.licencesExpiring,
      "transport.营运车辆 (辆, 现有登记).value": transport.vehicles,
      "transport.其中道路运输证在本期内到期 (辆).value": transport.certificatesExpiring,
      "construction.本期核发施工许可的项目 (个).value": construction.projectsPermitted,
      "construction.施工安全检查 (次).value": construction.inspections,
      "construction.检查的项目 (个).value": construction.projectsInspected,
      "construction.发现隐患 (处).value": construction.hazardsFound,
      "construction.责令限期整改 (次).value": construction.rectificationsOrdered,
      "construction.其中责令停工整改 (次).value": construction.stopWorkOrders,
      "construction.进场实名登记的建筑工人 (人).value": construction.workersEntered,
      "unionSupervision.劳动保护监督检查 (次).value": unions.checks,
      "unionSupervision.被检查的用人单位 (家).value": unions.enterprisesChecked,
      "unionSupervision.发现隐患 (处).value": unions.hazardsFound,
      "unionSupervision.读取时仍待整改的检查 (次).value": unions.checksAwaitingRectification,
      "unionSupervision.受理职工投诉 (件).value": unions.complaintsReceived,
      "unionSupervision.其中转办有关部门 (件).value": unions.complaintsTransferred,
      "unionSupervision.其中已办结 (件).value": unions.complaintsResolved,
    };
    for (const row of transport.byVehicleClass) {
      tables[`vehiclesByClass.${vehicleClassNames[row.vehicleClass]}.vehicles`] = row.vehicles;
      tables[`vehiclesByClass.${vehicleClassNames[row.vehicleClass]}.certificatesExpiring`] = row.certificatesExpiring;
    }
    for (const row of unions.complaintsByCategory) {
      tables[`complaintsByCategory.${complaintCategoryNames[row.category]}.complaints`] = row.complaints;
    }
    return tables;
  }

  function expectedFigures(regionCode: string, period: string): { current: Figures; previous: Figures } {
    const summary = (asked: string): Figures => {
      const { accidents, cases, injuries, inspections, targets, sum } = expectedPeriod(regionCode, asked);
      const sections = expectedSections(hub.city, regionCode, asked);
      return {
        accidents: accidents.length,
        deaths: sum(accidents, "deaths"),
        seriousInjuries: sum(accidents, "seriousInjuries"),
        largerAccidents: accidents.filter((a) => a.grade !== "ORDINARY").length,
        occupationalDiseases: cases.length,
        injuryApplications: injuries.length,
        injuriesRecognised: injuries.filter((r) => r.status === RecognitionStatus.RECOGNISED).length,
        severelyDisabled: injuries.filter((r) => r.disabilityGrade !== null && r.disabilityGrade <= 4).length,
        inspectionsPlanned: inspections.length,
        inspectionsClosed: inspections.filter((i) => i.status === InspectionStatus.CLOSED).length,
        enterprisesInspected: targets.length,
        rectificationsOrdered: targets.filter((t) => t.rectificationDueOn !== null).length,
        certificatesExpiring: sections.transportStatistics.certificatesExpiring,
        constructionInspections: sections.constructionSafetyStatistics.inspections,
        constructionHazards: sections.constructionSafetyStatistics.hazardsFound,
        supervisionChecks: sections.unionSupervisionStatistics.checks,
        complaints: sections.unionSupervisionStatistics.complaintsReceived,
      };
    };
    const current = summary(period);
    const { accidents, cases, injuries, inspections, targets, employerIn, inPeriod, months, sum } = expectedPeriod(regionCode, period);
    const accidentById = new Map(seeded(hub.city, "emergency", Accident).map((a) => [a.id, a]));
    const bulletins = seeded(hub.city, "coordination", TypicalCaseBulletin).filter((b) => {
      const accident = b.accidentId ? accidentById.get(b.accidentId) : undefined;
      return inPeriod(b.publishedOn) && accident !== undefined && employerIn(accident.creditCode);
    });
    const tables: Figures = {};
    for (const [grade, name] of gradeNames) {
      const ofGrade = accidents.filter((a) => a.grade === grade);
      tables[`accidentsByGrade.${name}.accidents`] = ofGrade.length;
      tables[`accidentsByGrade.${name}.deaths`] = sum(ofGrade, "deaths");
    }
    for (const month of months) {
      const ofMonth = accidents.filter((a) => chinaToday(a.occurredAt).startsWith(month));
      tables[`accidentsByMonth.${month}.accidents`] = ofMonth.length;
      tables[`accidentsByMonth.${month}.deaths`] = sum(ofMonth, "deaths");
    }
    for (const category of new Set(cases.map((c) => c.categoryName))) {
      tables[`diseasesByCategory.${category}.cases`] = cases.filter((c) => c.categoryName === category).length;
    }
    Object.assign(tables, {
      "injuries.本期受伤并申请工伤认定 (件).value": injuries.length,
      "injuries.其中认定为工伤 (件).value": injuries.filter((r) => r.status === RecognitionStatus.RECOGNISED).length,
      "injuries.其中一至四级伤残 (人).value": injuries.filter((r) => r.disabilityGrade !== null && r.disabilityGrade <= 4).length,
      "jointWork.本期计划的联合检查 (次).value": inspections.length,
      "jointWork.其中已结束 (次).value": inspections.filter((i) => i.status === InspectionStatus.CLOSED).length,
      "jointWork.检查本区域企业 (家次).value": targets.length,
      "jointWork.发现隐患并责令限期整改 (家次).value": targets.filter((t) => t.rectificationDueOn !== null).length,
      // The seeded city has no rectification demands in the tracker, so none is overdue.
      "overdueRectifications.count": 0,
      overdueRectifications: 0,
      typicalCases: bulletins.length,
    });
    Object.assign(tables, expectedSectionTables(regionCode, period));
    const previous = period.length > 4 ? `${Number(period.slice(0, 4)) - 1}${period.slice(4)}` : String(Number(period) - 1);
    return { current: { ...current, ...tables }, previous: summary(previous) };
  }

  /** The key-industry table as the hub's 数据分析研判 answers it, figure by figure as the document shows them. */
  async function expectedIndustries(regionCode: string, year: number): Promise<Figures> {
    const response = await hub.post(
      {
        query: `query($regionCode: String!, $fromYear: Int!, $toYear: Int!) { industryAnalysis(regionCode: $regionCode, fromYear: $fromYear, toYear: $toYear) {
          keyIndustries { name rank years { year insuredHeadcount accidents deaths recognisedInjuries newOccupationalDiseaseCases injuriesPerThousand deathsPerHundredThousand } } } }`,
        variables: { regionCode, fromYear: year - 4, toYear: year },
      },
      { authorization: `Bearer ${token}`, "x-lianfang-purpose": "STATISTICS" },
    );
    const rows: { name: string; rank: number | null; years: Record<string, number | null>[] }[] =
      response.body.data.industryAnalysis.keyIndustries;
    const rounded = (rate: number | null) => (rate === null ? null : Number(rate.toFixed(2)));
    return Object.fromEntries(
      rows.flatMap((row) => {
        const figures = row.years.find((candidate) => candidate.year === year)!;
        return Object.entries({
          insured: figures.insuredHeadcount,
          accidents: figures.accidents,
          deaths: figures.deaths,
          recognised: figures.recognisedInjuries,
          diseases: figures.newOccupationalDiseaseCases,
          injuryRate: rounded(figures.injuriesPerThousand),
          deathRate: rounded(figures.deathsPerHundredThousand),
          rank: row.rank,
        }).map(([column, value]) => [`keyIndustries.${row.name}.${column}`, value]);
      }),
    );
  }

  /** The targets' progress and the fee figures as the hub answers them, as the document prints them. */
  async function expectedPlans(regionCode: string, period: string, asOf: string): Promise<{ document: Figures; workbook: Figures }> {
    const authorization = `Bearer ${token}`;
    const targets = await hub.post(
      {
        query: `query($regionCode: String!, $period: String!, $asOf: LocalDate!) { preventionTargets(regionCode: $regionCode, period: $period) { id unit progress(asOf: $asOf) { status achievedValue sharePercent } } }`,
        variables: { regionCode, period, asOf },
      },
      { authorization, "x-lianfang-purpose": "STATISTICS" },
    );
    const fees = await hub.post(
      {
        query: `query($regionCode: String!, $period: String!) { preventionFeeFigures(regionCode: $regionCode, period: $period) { poolingAreaName budgetFen committedFen paidFen uncommittedFen committedPercent paidPercent } }`,
        variables: { regionCode, period },
      },
      { authorization, "x-lianfang-purpose": "STATISTICS" },
    );
    const printed = (value: number, unit: string) => Number(value.toFixed(unit === "%" ? 1 : 2));
    const document: Figures = {};
    const workbook: Figures = {};
    const answered: { progress: { status: string } }[] = targets.body.data.preventionTargets;
    document.targets = answered.length;
    document.targetsAchieved = answered.filter((target) => target.progress.status === "ACHIEVED").length;
    for (const target of targets.body.data.preventionTargets as {
      id: string;
      unit: string;
      progress: { achievedValue: number | null; sharePercent: number | null };
    }[]) {
      if (target.progress.achievedValue === null) continue;
      document[`targets.${target.id}.achieved`] = printed(target.progress.achievedValue, target.unit);
      workbook[`targets.${target.id}.achieved`] = target.progress.achievedValue;
      if (target.progress.sharePercent !== null) document[`targets.${target.id}.share`] = Number(target.progress.sharePercent.toFixed(1));
    }
    type FeeEntry = { poolingAreaName: string; committedPercent: number | null; paidPercent: number | null } & Record<string, number>;
    for (const entry of fees.body.data.preventionFeeFigures as FeeEntry[]) {
      for (const [column, field] of Object.entries({
        budget: "budgetFen",
        committed: "committedFen",
        paid: "paidFen",
        uncommitted: "uncommittedFen",
      })) {
        document[`fees.${entry.poolingAreaName}.${column}`] = entry[field] / 100;
        workbook[`fees.${entry.poolingAreaName}.${column}`] = entry[field] / 100;
      }
      document[`fees.${entry.poolingAreaName}.committedShare`] =
        entry.committedPercent === null ? null : Number(entry.committedPercent.toFixed(1));
      document[`fees.${entry.poolingAreaName}.paidShare`] = entry.paidPercent === null ? null : Number(entry.paidPercent.toFixed(1));
    }
    return { document, workbook };
  }

  async function report(regionCode: string, period: string) {
    const data = await fetchReport({
      gatewayUrl: hub.gatewayUrl,
      token,
      region: parseRegion(regionCode),
      period: parsePeriod(period, chinaToday(testClock())),
      caseRef: "联席会议 2025-1",
      clock: testClock,
    });
    return buildModel(data);
  }

  const reportOptions = { regionCode: "370300", period: "2024", format: "html", out: "", gatewayUrl: "", token: "", clock: testClock };

  /** `npm run report -- ...` as a separate process, against the test hub. */
  const runCommand = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["-r", "@swc-node/register", "report/main.ts", ...args],
        { env: { ...process.env, LIANFANG_TOKEN: token, LIANFANG_GATEWAY_URL: hub.gatewayUrl }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it.each([
    ["the whole city", "370300", "淄博市", "2024", "2024年", "2023年"],
    ["one district", "370303", "张店区", "2023", "2023年", "2022年"],
    ["the whole city in one quarter", "370300", "淄博市", "2024-Q2", "2024年第二季度", "2023年第二季度"],
  ])(
    "writes %s's figures, and the same period a year before for comparison, as the departments' seeded data give them",
    async (_case, regionCode, name, period, label, previousLabel) => {
      const year = Number(period.slice(0, 4));
      const model = await report(regionCode, period);
      const html = renderHtml(model);
      await mkdir(outputs, { recursive: true });
      await writeFile(path.join(outputs, `${regionCode}-${period}.html`), html);
      const expected = expectedFigures(regionCode, period);
      const industries = await expectedIndustries(regionCode, year);
      const shown = figuresIn(html);
      const ofTable = (prefix: string) => Object.fromEntries(Object.entries(shown).filter(([key]) => key.startsWith(prefix)));

      const plans = await expectedPlans(regionCode, period, model.data.period.to < "2026-06-15" ? model.data.period.to : "2026-06-15");
      expect(ofTable("keyIndustries.")).toEqual(industries);
      expect({ ...ofTable("targets."), ...ofTable("fees."), targets: shown.targets, targetsAchieved: shown.targetsAchieved }).toEqual(
        plans.document,
      );
      expect(Object.keys(plans.document).some((key) => key.startsWith("targets."))).toBe(true);
      // The demo city has a fee budget for 2024 only: another year says so and prints no 0.
      if (year === 2024) expect(Object.keys(plans.document).some((key) => key.startsWith("fees."))).toBe(true);
      else expect(html).toContain(`本地区所属统筹地区没有 ${year} 年度的工伤预防费预算，不列数字。`);
      expect(Object.keys(industries).length).toBeGreaterThan(0);
      expect(Object.keys(ofTable("divisions.")).length).toBeGreaterThan(0);
      expect(departmentFigures(shown)).toEqual(expected.current);
      expect(figuresIn(html, "data-figure-previous")).toEqual(expected.previous);
      expect(expected.current.accidents! + expected.current.occupationalDiseases! + expected.current.injuryApplications!).toBeGreaterThan(
        0,
      );
      // 交通, 住建 and 总工会 have figures of their own in every case asked here.
      expect([
        shown["transport.营运车辆 (辆, 现有登记).value"],
        shown["construction.施工安全检查 (次).value"],
        shown["unionSupervision.劳动保护监督检查 (次).value"],
        shown["unionSupervision.受理职工投诉 (件).value"],
      ]).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)]);
      expect(expected.current["transport.营运车辆 (辆, 现有登记).value"]).toBeGreaterThan(0);
      expect(
        expected.current.constructionInspections! + expected.current.supervisionChecks! + expected.current.complaints!,
      ).toBeGreaterThan(0);
      expect(html).toContain(`<title>${name}${label}工伤预防联防联控工作报告</title>`);
      expect(html).toContain('data-read-at="2026-06-15T02:00:00.000Z">2026-06-15 10:00:00（北京时间）');
      expect(html).toContain(escapedRule);
      expect(html).not.toMatch(/<script|<link|src="http|href="http/);
      // Grades, months, injuries and key industries always; disease categories where there are cases.
      expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(expected.current.occupationalDiseases ? 5 : 4);
      for (const department of ["coordination", "emergency", "health", "hrss", "transport", "housing", "unions"]) {
        expect(html).toContain(`data-department="${department}" data-status="contributed"`);
      }
      expect(html).not.toContain("data-missing");

      const workbookFile = path.join(scratch, `${regionCode}-${period}.xlsx`);
      await writeFile(workbookFile, await xlsxOf(model));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(workbookFile);
      const sheet = (name: string) => {
        const found = workbook.getWorksheet(name);
        if (!found) throw new Error(`no sheet ${name}`);
        const [header, ...rows] = (found.getSheetValues() as ExcelJS.CellValue[][]).filter(Boolean).map((row) => row.slice(1));
        return rows.map((row) => Object.fromEntries(header.map((column, index) => [String(column), row[index] ?? null])));
      };
      const summary = sheet("主要指标");
      const read: Figures = {};
      const readPrevious: Figures = {};
      for (const row of summary) {
        read[String(row["指标代码"])] = row[`本期 (${label})`] as number | null;
        if (row[`上年同期 (${previousLabel})`] !== null)
          readPrevious[String(row["指标代码"])] = row[`上年同期 (${previousLabel})`] as number;
      }
      expect({ targets: read.targets, targetsAchieved: read.targetsAchieved }).toEqual({
        targets: plans.document.targets,
        targetsAchieved: plans.document.targetsAchieved,
      });
      delete read.targets;
      delete read.targetsAchieved;
      for (const row of sheet("事故按等级")) {
        read[`accidentsByGrade.${row["事故等级"]}.accidents`] = row["事故起数"] as number;
        read[`accidentsByGrade.${row["事故等级"]}.deaths`] = row["死亡人数"] as number;
      }
      for (const row of sheet("事故按月份")) {
        read[`accidentsByMonth.${row["月份"]}.accidents`] = row["事故起数"] as number;
        read[`accidentsByMonth.${row["月份"]}.deaths`] = row["死亡人数"] as number;
      }
      for (const row of sheet("职业病按类别")) read[`diseasesByCategory.${row["职业病类别"]}.cases`] = row["新发病例"] as number;
      for (const row of sheet("工伤认定")) read[`injuries.${row["指标"]}.value`] = row["数值"] as number;
      for (const row of sheet("联合检查")) read[`jointWork.${row["指标"]}.value`] = row["数值"] as number;
      for (const [table, sheetName] of Object.entries({
        transport: "道路运输",
        construction: "施工安全",
        unionSupervision: "工会监督与投诉",
      })) {
        for (const row of sheet(sheetName)) read[`${table}.${row["指标"]}.value`] = row["数值"] as number;
      }
      for (const row of sheet("营运车辆按类别")) {
        read[`vehiclesByClass.${row["车辆类别"]}.vehicles`] = row["营运车辆"] as number;
        read[`vehiclesByClass.${row["车辆类别"]}.certificatesExpiring`] = row["本期到期的道路运输证"] as number;
      }
      for (const row of sheet("职工投诉按类别")) read[`complaintsByCategory.${row["投诉类别"]}.complaints`] = row["投诉 (件)"] as number;
      read["overdueRectifications.count"] = sheet("逾期整改督办").length;
      const readIndustries: Figures = {};
      const columns = {
        insured: "年末参保人数",
        accidents: "事故起数",
        deaths: "死亡人数",
        recognised: "认定工伤",
        diseases: "新发职业病",
        injuryRate: "工伤发生率 (‰)",
        deathRate: "死亡率 (1/10万)",
        rank: "排名",
      };
      for (const row of sheet("重点行业")) {
        for (const [column, header] of Object.entries(columns)) {
          const value = row[header] as number | null;
          readIndustries[`keyIndustries.${row["重点行业"]}.${column}`] =
            typeof value === "number" && column.endsWith("Rate") ? Number(value.toFixed(2)) : value;
        }
      }

      expect(readIndustries).toEqual(industries);
      const readPlans: Figures = {};
      for (const row of sheet("目标进展"))
        if (row["已达到"] !== null) readPlans[`targets.${row["目标编号"]}.achieved`] = row["已达到"] as number;
      for (const row of sheet("工伤预防费")) {
        for (const [column, header] of Object.entries({
          budget: "预算 (元)",
          committed: "已签约 (元)",
          paid: "已支付 (元)",
          uncommitted: "未签约余额 (元)",
        })) {
          readPlans[`fees.${row["统筹地区"]}.${column}`] = row[header] as number;
        }
      }
      expect(readPlans).toEqual(plans.workbook);
      expect(read).toEqual(expected.current);
      expect(readPrevious).toEqual(expected.previous);
      expect(Object.values(read).every((value) => typeof value === "number")).toBe(true);
      expect(sheet("数据来源").map((row) => row["部门代码"])).toEqual([
        "hrss",
        "emergency",
        "health",
        "transport",
        "housing",
        "unions",
        "coordination",
      ]);
    },
  );

  it("reads through the gateway under the caller's identity with the purpose MEETING_REPORT and the meeting named", async () => {
    const before = hub.received.emergency.length;
    await report("370300", "2024");

    const calls = hub.received.emergency.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.identity).toEqual(
        expect.objectContaining({ agency: "coordination", purpose: "MEETING_REPORT", caseRef: "联席会议 2025-1" }),
      );
    }
  });

  (hasChromium ? it : it.skip)("prints a real A4 PDF with its pages numbered, and pictures the summary page", async () => {
    const html = renderHtml(await report("370300", "2024"));
    const pdf = await printPdf(html);
    await writeFile(path.join(outputs, "370300-2024.pdf"), pdf);
    const picture = await pictureOfSummary(html);
    await writeFile(path.join(outputs, "370300-2024-summary.png"), picture);

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(4);
    // A4 is 210 × 297 mm, 595.28 × 841.89 points; Chromium rounds to its own unit.
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBe(pdfPages(pdf));
    for (const [, width, height] of boxes) {
      expect(Math.abs(Number(width) - 595.28)).toBeLessThan(1);
      expect(Math.abs(Number(height) - 841.89)).toBeLessThan(1);
    }
    expect(picture.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("refuses what cannot be reported, in Chinese, before asking the hub", () => {
    const today = chinaToday(testClock());
    const refusal = (check: () => unknown) => {
      try {
        check();
      } catch (error) {
        expect(error).toBeInstanceOf(ReportProblem);
        return (error as Error).message;
      }
      throw new Error("expected a refusal");
    };

    expect(refusal(() => parseRegion("370399"))).toBe("行政区划代码「370399」不是本中心所服务的 GB/T 2260 行政区划");
    expect(refusal(() => parseRegion("zibo"))).toBe("行政区划代码「zibo」应为 6 位 GB/T 2260 行政区划代码 (如 370300)");
    expect(refusal(() => parsePeriod("2024-13", today))).toBe("报告期间「2024-13」格式不对: 应为年份 (如 2024) 或季度 (如 2024-Q2)");
    expect(refusal(() => parsePeriod("2026-Q3", today))).toBe("报告期间 2026年第三季度 尚未开始 (今天是 2026-06-15), 没有可报告的数据");
    expect(parsePeriod("2026-Q2", today)).toEqual({
      code: "2026-Q2",
      year: 2026,
      quarter: 2,
      from: "2026-04-01",
      to: "2026-06-30",
      label: "2026年第二季度",
    });
  });

  it("the command writes the document, and exits non-zero with a Chinese reason on bad input", async () => {
    const out = path.join(scratch, "report.html");

    const written = await runCommand("--region", "370300", "--period", "2024", "--format", "html", "--out", out);
    expect(written).toEqual({ code: 0, stdout: `淄博市2024年工伤预防联防联控工作报告 已保存到 ${out}\n`, stderr: "" });
    expect(departmentFigures(figuresIn(await readFile(out, "utf8")))).toEqual(expectedFigures("370300", "2024").current);

    expect(await runCommand("--region", "370399", "--period", "2024", "--format", "html", "--out", out)).toEqual({
      code: 1,
      stdout: "",
      stderr: "行政区划代码「370399」不是本中心所服务的 GB/T 2260 行政区划\n",
    });
    // The command reads the machine's clock: China's day may turn while it starts, so either day is its today.
    // Two years on, the period has not begun on either.
    const dayBefore = chinaToday();
    const later = Number(dayBefore.slice(0, 4)) + 2;
    const refused = await runCommand("--region", "370300", "--period", `${later}-Q1`, "--format", "pdf", "--out", out);
    const refusedOn = (today: string) => ({
      code: 1,
      stdout: "",
      stderr: `报告期间 ${later}年第一季度 尚未开始 (今天是 ${today}), 没有可报告的数据\n`,
    });
    expect([refusedOn(dayBefore), refusedOn(chinaToday())]).toContainEqual(refused);
    await expect(writeReport({ ...reportOptions, format: "docx", out })).rejects.toThrow(
      new ReportProblem("格式「docx」不支持: 应为 html、pdf、xlsx、png 之一"),
    );
  });

  // Last: it takes a department down for the rest of this file.
  it("names a department that is down as missing, leaves its sections without numbers, and keeps the others", async () => {
    await hub.stopSubgraph("health");
    const out = path.join(scratch, "without-health.xlsx");
    const model = await writeReport({ ...reportOptions, format: "xlsx", out, gatewayUrl: hub.gatewayUrl, token });
    const html = renderHtml(model);
    await writeFile(path.join(scratch, "without-health.html"), html);
    const expected = expectedFigures("370300", "2024");
    const shown = figuresIn(html);

    expect(model.data.missing).toEqual([{ agency: "health", reason: "暂时无法访问, 本部门数据暂缺" }]);
    expect(shown.occupationalDiseases).toBeNull();
    expect(Object.keys(shown).filter((key) => key.startsWith("diseasesByCategory."))).toEqual([]);
    expect(shown.accidents).toBe(expected.current.accidents);
    expect(shown.injuryApplications).toBe(expected.current.injuryApplications);
    expect(html).toContain('data-missing="health"><strong>卫生健康委员会 (卫健)</strong>暂时无法访问, 本部门数据暂缺');
    expect(html).toContain('data-department="health" data-status="missing"');
    // The key-industry analysis joins 卫健's figures too: it says so instead of ranking without them.
    expect(html.match(/data-missing="health"/g)).toHaveLength(2);
    expect(Object.keys(shown).filter((key) => key.startsWith("keyIndustries."))).toEqual([]);
    expect(Object.keys(shown).filter((key) => key.startsWith("targets.")).length).toBeGreaterThan(0);
    expect(html).toContain('data-missing-departments="health"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("职业病按类别")?.getCell("A2").value).toBe(
      "卫生健康委员会 (卫健)暂时无法访问, 本部门数据暂缺; 本表不列任何数字",
    );
  });
  // After the one above: 卫健 stays down, and 总工会 goes down too.
  it("names 总工会 as missing when it is down, its section without numbers, while 交通 and 住建 keep theirs", async () => {
    await hub.stopSubgraph("unions");
    const out = path.join(scratch, "without-unions.xlsx");
    const model = await writeReport({ ...reportOptions, format: "xlsx", out, gatewayUrl: hub.gatewayUrl, token });
    const html = renderHtml(model);
    const shown = figuresIn(html);
    const expected = expectedFigures("370300", "2024").current;

    expect([...model.data.missing].sort((a, b) => a.agency.localeCompare(b.agency))).toEqual([
      { agency: "health", reason: "暂时无法访问, 本部门数据暂缺" },
      { agency: "unions", reason: "暂时无法访问, 本部门数据暂缺" },
    ]);
    expect([shown.supervisionChecks, shown.complaints]).toEqual([null, null]);
    expect(Object.keys(shown).filter((key) => /^(unionSupervision|complaintsByCategory)\./.test(key))).toEqual([]);
    expect(html).toContain('data-missing="unions"><strong>总工会</strong>暂时无法访问, 本部门数据暂缺');
    expect(html).toContain('data-department="unions" data-status="missing"');
    expect(html).toContain(`data-missing-departments="${model.data.missing.map((department) => department.agency).join(" ")}"`);
    expect(shown.constructionInspections).toBe(expected.constructionInspections);
    expect(shown["transport.营运车辆 (辆, 现有登记).value"]).toBe(expected["transport.营运车辆 (辆, 现有登记).value"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("工会监督与投诉")?.getCell("A2").value).toBe("总工会暂时无法访问, 本部门数据暂缺; 本表不列任何数字");
    expect(workbook.getWorksheet("施工安全")?.getCell("B3").value).toBe(expected.constructionInspections);
  });
});
