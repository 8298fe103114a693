import { HazardDeclaration } from "../subgraphs/health/hazard-declaration.entity";
import { HealthExamination } from "../subgraphs/health/health-examination.entity";
import { declarationDueOn } from "../subgraphs/health/health.rules";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { badInputErrors, seeded, whereEquals } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const caseFields =
  "id catalogueVersion categoryCode categoryName diseaseCode diseaseName diagnosedOn reportedOn reportedLate institution creditCodeNeedsReview person { pid } enterprise { creditCode }";
const recordDiagnosis = `mutation Diagnose($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { ${caseFields} } }`;
const declareHazardProject = `mutation Declare($input: DeclareHazardProjectInput!) { declareHazardProject(input: $input) { id creditCode kind triggeredOn declaredOn dueOn late } }`;

describe("health: diagnoses, hazard-project declarations and health examinations", () => {
  let hub: Federation;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    hub = await startFederation();
    admin = `Bearer ${await hub.keys.token({ agency: "health", roles: ["admin"] })}`;
    viewer = `Bearer ${await hub.keys.token({ agency: "health" })}`;
  });
  afterAll(() => hub.stop());

  const ask = (query: string, variables: Record<string, unknown> = {}, authorization = admin) =>
    hub.post({ query, variables }, { authorization });

  it("shows seeded diagnoses with their codes and the 15-day filing rule", async () => {
    const diagnoses = seeded(hub.city, "health", OccupationalDiseaseCase);
    const response = await ask(
      `{ occupationalDiseaseCases(first: 200) { nodes { id diseaseCode diseaseName catalogueVersion reportedLate } } }`,
      {},
      viewer,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          occupationalDiseaseCases: {
            nodes: [...diagnoses]
              .sort((a, b) => (a.id < b.id ? -1 : 1))
              .map((c) => ({
                id: c.id,
                diseaseCode: c.diseaseCode,
                diseaseName: c.diseaseName,
                catalogueVersion: c.catalogueVersion,
                reportedLate: (Date.parse(c.reportedOn) - Date.parse(c.diagnosedOn)) / 86_400_000 > 15,
              })),
          },
        },
      },
    });
  });

  describe("recording a diagnosis", () => {
    const person = () => hub.city.persons[3];
    const input = () => ({
      idNumber: person().idNumber.toLowerCase(),
      creditCode: person().employerCreditCode,
      diseaseCode: "5.11",
      diagnosedOn: "2025-07-31",
      reportedOn: "2025-08-16",
      institution: "淄博市职业病防治院",
    });

    it.each([
      ["2025-07-31", "5.11", "2013", "5", "职业性化学中毒", "铀及其化合物中毒", "2025-08-15", false],
      ["2025-08-01", "7.12", "2025", "7", "职业性放射性疾病", "铀及其化合物中毒", "2025-08-17", true],
    ])(
      "on %s codes %s in the %s catalogue, pseudonymising the worker",
      async (diagnosedOn, diseaseCode, version, categoryCode, categoryName, diseaseName, reportedOn, late) => {
        const response = await ask(recordDiagnosis, { input: { ...input(), diagnosedOn, diseaseCode, reportedOn } });
        const id: string = response.body.data.recordDiagnosis.id;
        const onPerson = await ask(
          `query Person($pid: String!) { person(pid: $pid) { occupationalDiseaseCases { id } } }`,
          { pid: person().pid },
          viewer,
        );

        expect(response).toEqual({
          status: 200,
          body: {
            data: {
              recordDiagnosis: {
                id,
                catalogueVersion: version,
                categoryCode,
                categoryName,
                diseaseCode,
                diseaseName,
                diagnosedOn,
                reportedOn,
                reportedLate: late,
                institution: "淄博市职业病防治院",
                creditCodeNeedsReview: false,
                person: { pid: person().pid },
                enterprise: { creditCode: person().employerCreditCode },
              },
            },
          },
        });
        expect(id).toMatch(new RegExp(`^OD-${diagnosedOn.slice(0, 4)}-[0-9a-f]{16}$`));
        expect(onPerson.body.data.person.occupationalDiseaseCases).toContainEqual({ id });
      },
    );

    it("accepts an employer credit code whose check character fails, flagged for review", async () => {
      const first17 = person().employerCreditCode.slice(0, 17);
      const wrong = creditCodeCheckCharacter(first17) === "0" ? "1" : "0";
      const response = await ask(
        `mutation Diagnose($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { creditCodeNeedsReview } }`,
        {
          input: { ...input(), creditCode: first17 + wrong },
        },
      );

      expect(response).toEqual({ status: 200, body: { data: { recordDiagnosis: { creditCodeNeedsReview: true } } } });
    });

    it.each([
      [
        "an ID number with a wrong check character",
        { idNumber: "110105194912310021" },
        "input.idNumber",
        "校验位应为 X, 实为 1 (GB 11643 MOD 11-2)",
      ],
      ["a malformed credit code", { creditCode: "91370303MA3C1234" }, "input.creditCode", "应为 18 位, 实为 16 位"],
      [
        "a code not in the catalogue of the date",
        { diseaseCode: "11.1" },
        "input.diseaseCode",
        `"11.1" 不在诊断日期 2025-07-31 施行的 2013 年版职业病分类和目录中`,
      ],
      [
        "a code dropped from the new catalogue",
        { diseaseCode: "5.60", diagnosedOn: "2025-08-01", reportedOn: "2025-08-02" },
        "input.diseaseCode",
        `"5.60" 不在诊断日期 2025-08-01 施行的 2025 年版职业病分类和目录中`,
      ],
      [
        "an impossible date",
        { diagnosedOn: "2025-06-31" },
        "input.diagnosedOn",
        `2025-06-31 不是真实的日期: 2025 年 6 月只有 30 天, 没有 31 日`,
      ],
      [
        "a date before any catalogue",
        { diagnosedOn: "2013-12-22" },
        "input.diagnosedOn",
        "早于第一部职业病分类和目录的施行日期 2013-12-23",
      ],
      ["a diagnosis in the future", { diagnosedOn: "2999-01-01" }, "input.diagnosedOn", "不能晚于今天 (2026-06-15)"],
      [
        "a report before the diagnosis",
        { reportedOn: "2025-07-30" },
        "input.reportedOn",
        "不能早于诊断日期 2025-07-31, 填写的是 2025-07-30",
      ],
      ["a blank institution", { institution: " " }, "input.institution", "不能为空"],
    ])("rejects %s, naming the field, and writes nothing", async (_case, change, field, reason) => {
      // Every stored case, whoever's: a wrongly saved case might belong to another person (a changed ID number).
      const cases = () => hub.databases.health.getRepository(OccupationalDiseaseCase).count();
      const before = await cases();
      const response = await ask(recordDiagnosis, { input: { ...input(), ...change } });

      expect(response).toEqual({ status: 200, body: { data: null, errors: badInputErrors(field, reason) } });
      expect(await cases()).toBe(before);
    });

    it("lets only health admins record diagnoses", async () => {
      const response = await ask(recordDiagnosis, { input: input() }, viewer);

      expect(response).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [
            expect.objectContaining({
              message: "修改这些记录需要 admin 角色",
              extensions: expect.objectContaining({ code: "FORBIDDEN" }),
            }),
          ],
        },
      });
    });
  });

  describe("hazard-project declarations", () => {
    const enterprise = () => hub.city.enterprises[5];

    it("lists seeded declarations of one kind", async () => {
      const declarations = seeded(hub.city, "health", HazardDeclaration).filter((declaration) => declaration.kind === "CHANGE");
      const response = await ask(
        `{ hazardDeclarations(first: 200, kind: CHANGE) { nodes { id creditCode kind triggeredOn declaredOn dueOn late } pageInfo { hasNextPage } } }`,
        {},
        viewer,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            hazardDeclarations: {
              nodes: [...declarations]
                .sort((a, b) => (a.id < b.id ? -1 : 1))
                .map((d) => ({ ...d, dueOn: declarationDueOn(d), late: d.declaredOn > declarationDueOn(d) })),
              pageInfo: { hasNextPage: false },
            },
          },
        },
      });
      expect(declarations.length).toBeGreaterThan(0);
    });

    it.each([
      ["NEW_PROJECT", "2025-03-01", "2025-03-31", "2025-03-31", false],
      ["NEW_PROJECT", "2025-03-01", "2025-04-01", "2025-03-31", true],
      ["CHANGE", "2025-03-01", "2025-03-16", "2025-03-16", false],
      ["CANCELLATION", "2025-03-01", "2025-03-17", "2025-03-16", true],
    ])("records a %s triggered %s and declared %s, due %s (late: %s)", async (kind, triggeredOn, declaredOn, dueOn, late) => {
      const response = await ask(declareHazardProject, {
        input: { creditCode: enterprise().creditCode.toLowerCase(), kind, triggeredOn, declaredOn },
      });
      const id: string = response.body.data.declareHazardProject.id;

      expect(response).toEqual({
        status: 200,
        body: { data: { declareHazardProject: { id, creditCode: enterprise().creditCode, kind, triggeredOn, declaredOn, dueOn, late } } },
      });
      expect(id).toMatch(/^HD-2025-[0-9a-f]{16}$/);
    });

    it.each([
      [
        "a declaration before its trigger",
        { declaredOn: "2025-02-28" },
        "input.declaredOn",
        "不能早于申报事由发生日期 2025-03-01, 填写的是 2025-02-28",
      ],
      [
        "an impossible date",
        { triggeredOn: "2025-02-29" },
        "input.triggeredOn",
        `2025-02-29 不是真实的日期: 2025 年 2 月只有 28 天, 没有 29 日`,
      ],
      [
        "a trigger before 原安监总局令第48号",
        { triggeredOn: "2012-05-31" },
        "input.triggeredOn",
        "早于原安监总局令第48号的施行日期 2012-06-01",
      ],
      ["a declaration in the future", { declaredOn: "2999-01-01" }, "input.declaredOn", "不能晚于今天 (2026-06-15)"],
      [
        "a malformed credit code",
        { creditCode: "91370303MA3C1234IO" },
        "input.creditCode",
        '第 17 位 "I" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)',
      ],
    ])("rejects %s", async (_case, change, field, reason) => {
      const response = await ask(declareHazardProject, {
        input: { creditCode: enterprise().creditCode, kind: "CHANGE", triggeredOn: "2025-03-01", declaredOn: "2025-03-05", ...change },
      });

      expect(response).toEqual({ status: 200, body: { data: null, errors: badInputErrors(field, reason) } });
    });
  });

  it("adds declarations and examination counts to the enterprise, and examinations to the person", async () => {
    const examinations = seeded(hub.city, "health", HealthExamination);
    // Not the enterprise the declaration tests above add to.
    const examined = examinations.find((examination) => examination.creditCode !== hub.city.enterprises[5].creditCode)!;
    const creditCode = examined.creditCode;
    const ofEnterprise = examinations.filter((examination) => examination.creditCode === creditCode);
    const count = (result: string) => ofEnterprise.filter((examination) => examination.result === result).length;
    const response = await ask(
      `query Record($creditCode: String!, $pid: String!) {
        enterprise(creditCode: $creditCode) { creditCode hazardDeclarations { id kind late } healthExaminationSummary { total normal recheck suspectedDisease contraindication } }
        person(pid: $pid) { pid healthExaminations { id creditCode examinedOn kind result } }
      }`,
      { creditCode, pid: examined.pid },
      viewer,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          enterprise: {
            creditCode,
            hazardDeclarations: whereEquals(seeded(hub.city, "health", HazardDeclaration), "creditCode", creditCode, "id").map((d) => ({
              id: d.id,
              kind: d.kind,
              late: d.declaredOn > declarationDueOn(d),
            })),
            healthExaminationSummary: {
              total: ofEnterprise.length,
              normal: count("NORMAL"),
              recheck: count("RECHECK"),
              suspectedDisease: count("SUSPECTED_DISEASE"),
              contraindication: count("CONTRAINDICATION"),
            },
          },
          person: {
            pid: examined.pid,
            healthExaminations: whereEquals(examinations, "pid", examined.pid, "id").map(
              ({ id, creditCode: employer, examinedOn, kind, result }) => ({ id, creditCode: employer, examinedOn, kind, result }),
            ),
          },
        },
      },
    });
    expect(ofEnterprise.length).toBeGreaterThan(1);
  });
});
