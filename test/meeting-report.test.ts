import { chinaDayStart, chinaToday } from "../kernel/calendar";
import { InspectionStatus, InspectionTarget, JointInspection } from "../subgraphs/coordination/joint-inspection.entity";
import { AccidentGrade } from "../subgraphs/emergency/accident-grade";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { InjuryRecognition, RecognitionStatus } from "../subgraphs/hrss/injury-recognition.entity";
import { seeded } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const reportQuery = `query MeetingReport($regionCode: String!, $period: String!) {
  meetingReport(regionCode: $regionCode, period: $period) {
    regionCode period regionName
    jointWork { inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered }
    accidentStatistics { accidents deaths seriousInjuries byGrade { grade accidents deaths } byMonth { month accidents deaths } }
    occupationalDiseaseStatistics { newCases byCategory { categoryName cases } }
    injuryStatistics { applications recognised severelyDisabled }
  }
}`;

const severity = [AccidentGrade.ESPECIALLY_MAJOR, AccidentGrade.MAJOR, AccidentGrade.LARGER, AccidentGrade.ORDINARY];

describe("the leading group's meeting report, each department answering its own section", () => {
  let hub: Federation;
  let authorization: string;

  beforeAll(async () => {
    hub = await startFederation();
    authorization = `Bearer ${await hub.keys.token({ agency: "coordination" })}`;
  });
  afterAll(() => hub.stop());

  /** The report computed straight from what each department seeded. */
  function expectedReport(regionCode: string, regionName: string, year: number) {
    const prefix = regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;
    const inRegion = (creditCode: string) => creditCode.slice(2, 2 + prefix.length) === prefix;
    const inYear = (date: string) => date >= `${year}-01-01` && date < `${year + 1}-01-01`;
    const accidents = seeded(hub.city, "emergency", Accident).filter(
      (a) =>
        a.regionCode.startsWith(prefix) &&
        a.occurredAt >= chinaDayStart(`${year}-01-01`) &&
        a.occurredAt < chinaDayStart(`${year + 1}-01-01`),
    );
    const grades = severity.filter((grade) => accidents.some((a) => a.grade === grade));
    const cases = seeded(hub.city, "health", OccupationalDiseaseCase).filter((c) => inRegion(c.creditCode) && inYear(c.diagnosedOn));
    const categories = [...new Set(cases.map((c) => c.categoryName))]
      .map((categoryName) => ({ categoryName, cases: cases.filter((c) => c.categoryName === categoryName).length }))
      .sort((a, b) => b.cases - a.cases || a.categoryName.localeCompare(b.categoryName));
    const injuries = seeded(hub.city, "hrss", InjuryRecognition).filter((r) => inRegion(r.creditCode) && inYear(r.injuredOn));
    const inspections = seeded(hub.city, "coordination", JointInspection).filter((i) => inYear(i.plannedOn));
    const targets = seeded(hub.city, "coordination", InspectionTarget).filter(
      (t) => inRegion(t.creditCode) && inspections.some((i) => i.id === t.inspectionId),
    );
    return {
      regionCode,
      period: String(year),
      regionName,
      jointWork: {
        inspectionsPlanned: inspections.length,
        inspectionsClosed: inspections.filter((i) => i.status === InspectionStatus.CLOSED).length,
        enterprisesInspected: targets.length,
        rectificationsOrdered: targets.filter((t) => t.rectificationDueOn !== null).length,
      },
      accidentStatistics: {
        accidents: accidents.length,
        deaths: accidents.reduce((sum, a) => sum + a.deaths, 0),
        seriousInjuries: accidents.reduce((sum, a) => sum + a.seriousInjuries, 0),
        byGrade: grades.map((grade) => {
          const ofGrade = accidents.filter((a) => a.grade === grade);
          return { grade, accidents: ofGrade.length, deaths: ofGrade.reduce((sum, a) => sum + a.deaths, 0) };
        }),
        byMonth: Array.from({ length: 12 }, (_, index) => {
          const month = `${year}-${String(index + 1).padStart(2, "0")}`;
          const ofMonth = accidents.filter((a) => chinaToday(a.occurredAt).startsWith(month));
          return { month, accidents: ofMonth.length, deaths: ofMonth.reduce((sum, a) => sum + a.deaths, 0) };
        }),
      },
      occupationalDiseaseStatistics: { newCases: cases.length, byCategory: categories },
      injuryStatistics: {
        applications: injuries.length,
        recognised: injuries.filter((r) => r.status === RecognitionStatus.RECOGNISED).length,
        severelyDisabled: injuries.filter((r) => r.disabilityGrade !== null && r.disabilityGrade <= 4).length,
      },
    };
  }

  it.each([
    ["the whole city", "370300", "淄博市", 2024],
    ["one district", "370303", "张店区", 2023],
  ])("answers for %s from four departments' own figures", async (_case, regionCode, regionName, year) => {
    const response = await hub.post(
      { query: reportQuery, variables: { regionCode, period: String(year) } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );
    const expected = expectedReport(regionCode, regionName, year);

    expect(response).toEqual({ status: 200, body: { data: { meetingReport: expected } } });
    expect(
      expected.accidentStatistics.accidents + expected.occupationalDiseaseStatistics.newCases + expected.injuryStatistics.applications,
    ).toBeGreaterThan(0);
  });

  it.each([
    ["an unknown region", "370399", "2024", "regionCode", "370399 is not a known GB/T 2260 region"],
    ["a period that is not a year", "370300", "2024-13", "period", '"2024-13" is not a calendar year written YYYY'],
  ])("rejects %s, naming the argument", async (_case, regionCode, period, field, reason) => {
    const response = await hub.post(
      { query: reportQuery, variables: { regionCode, period } },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );

    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `${field}: ${reason}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field, reason }),
      }),
    ]);
  });
});
