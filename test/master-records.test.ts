import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { personPid } from "../kernel/identifiers/pseudonym";
import { reclassifiedEmployers, restampAllRecognitions, restampRecognitions } from "../subgraphs/hrss/employer-division";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { InjuryRecognition, RecognitionApplicant, RecognitionStatus } from "../subgraphs/hrss/injury-recognition.entity";
import { InsuredCohort } from "../subgraphs/hrss/insured-cohort.entity";
import { recountInsuredCohorts, tallyEnrolments, tallyReclassified } from "../subgraphs/hrss/insured-cohort.tally";
import { Person } from "../subgraphs/hrss/person.entity";
import { startFederation, type Federation } from "./support/federation";

const creditCode = (serial: string) => {
  const first17 = `91370303MA${serial.padStart(7, "0")}`;
  return first17 + creditCodeCheckCharacter(first17);
};
const idNumber = (serial: string) => {
  const first17 = `37030319900101${serial.padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
};

const enterpriseFields = "creditCode name industryCode regionCode riskClass insuredHeadcount registeredOn version";
const saveEnterprise = `mutation Save($input: EnterpriseInput!) { saveEnterprise(input: $input) { ${enterpriseFields} } }`;
const saveEnterprises = `mutation Save($rows: [EnterpriseInput!]!) { saveEnterprises(rows: $rows) { inserted updated unchanged refused rows { index key outcome version problems { field reason } } } }`;
const savePersons = `mutation Save($rows: [PersonInput!]!) { savePersons(rows: $rows) { inserted updated unchanged refused rows { index key outcome version problems { field reason } } } }`;
const history = `query History($creditCode: String!) { enterprise(creditCode: $creditCode) { history { resource recordKey version agency userId correctionRef fields { field from to } } } }`;

describe("master records: 人社 registers and corrects enterprises and insured persons, with history and versions", () => {
  let hub: Federation;
  const as = async (agency: string, roles: string[] = ["admin"], purpose = "DATA_MAINTENANCE") => ({
    authorization: `Bearer ${await hub.keys.token({ agency, roles: roles as never, user: `${agency}-clerk` })}`,
    "x-lianfang-purpose": purpose,
  });
  const post = async (query: string, variables: Record<string, unknown>, agency = "hrss", roles = ["admin"], purpose?: string) =>
    hub.post({ query, variables }, await as(agency, roles, purpose));

  beforeAll(async () => {
    hub = await startFederation();
  });
  afterAll(() => hub.stop());

  const enterprise = (serial: string, change: Record<string, unknown> = {}) => ({
    creditCode: creditCode(serial),
    name: `淄博测试化工有限公司${serial}`,
    industryCode: "C2614",
    regionCode: "370303",
    registeredOn: "2020-03-01",
    ...change,
  });

  it("registers an employer with its risk class from the industry, and another department reads it", async () => {
    const created = await post(saveEnterprise, { input: enterprise("1") });
    const expected = {
      creditCode: creditCode("1"),
      name: "淄博测试化工有限公司1",
      industryCode: "2614",
      regionCode: "370303",
      riskClass: 6,
      insuredHeadcount: 0,
      registeredOn: "2020-03-01",
      version: 1,
    };
    expect(created.body).toEqual({ data: { saveEnterprise: expected } });
    const read = await post(
      `query One($creditCode: String!) { enterprise(creditCode: $creditCode) { ${enterpriseFields} } }`,
      { creditCode: creditCode("1") },
      "emergency",
      ["viewer"],
      "JOINT_INSPECTION",
    );
    expect(read.body).toEqual({ data: { enterprise: expected } });
  });

  it("corrects with the version last read, keeps who changed which field, and refuses a stale version", async () => {
    await post(saveEnterprise, { input: enterprise("2") });
    const corrected = await post(saveEnterprise, {
      input: enterprise("2", { name: "淄博测试化工股份有限公司", regionCode: "370304", version: 1 }),
    });
    expect(corrected.body.data.saveEnterprise).toMatchObject({ name: "淄博测试化工股份有限公司", regionCode: "370304", version: 2 });

    const stale = await post(saveEnterprise, { input: enterprise("2", { name: "另一位办事员的名称", version: 1 }) });
    const reason = "记录已被他人修改: 当前版本 2, 提交的版本 1; 请重新读取后再修改";
    expect(stale.body.errors).toEqual([
      expect.objectContaining({
        message: `版本: ${reason}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "input.version", reason, currentVersion: 2 }),
      }),
    ]);
    const again = await post(saveEnterprise, { input: enterprise("2") });
    expect(again.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.version" });

    const changes = await post(history, { creditCode: creditCode("2") });
    expect(changes.body).toEqual({
      data: {
        enterprise: {
          history: [
            {
              resource: "Enterprise",
              recordKey: creditCode("2"),
              version: 2,
              agency: "hrss",
              userId: "hrss-clerk",
              correctionRef: null,
              fields: [
                { field: "name", from: "淄博测试化工有限公司2", to: "淄博测试化工股份有限公司" },
                { field: "regionCode", from: "370303", to: "370304" },
              ],
            },
            expect.objectContaining({
              version: 1,
              fields: expect.arrayContaining([{ field: "name", from: null, to: "淄博测试化工有限公司2" }]),
            }),
          ],
        },
      },
    });
  });

  it("shows the history to auditors of any department, and to no other reader", async () => {
    const auditor = await post(history, { creditCode: creditCode("2") }, "emergency", ["auditor"], "SUPERVISION");
    expect(auditor.body.data.enterprise.history).toHaveLength(2);
    const viewer = await post(history, { creditCode: creditCode("2") }, "emergency", ["viewer"], "SUPERVISION");
    expect(viewer.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN", owner: "hrss" }) }),
    ]);
    expect(viewer.body.data).toEqual({ enterprise: null });
  });

  it("lets no other department, and no hrss viewer, register an employer", async () => {
    for (const [agency, roles] of [
      ["emergency", ["admin"]],
      ["hrss", ["viewer"]],
    ] as const) {
      const refused = await post(saveEnterprise, { input: enterprise("3") }, agency, [...roles]);
      expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    }
    const read = await post(`query One($creditCode: String!) { enterprise(creditCode: $creditCode) { creditCode } }`, {
      creditCode: creditCode("3"),
    });
    expect(read.body.data).toEqual({ enterprise: null });
  });

  it("saves a batch by credit code: new rows insert, changed rows update, identical rows change nothing, bad rows are named", async () => {
    const rows = [
      enterprise("10"),
      enterprise("11"),
      enterprise("12", { creditCode: "913703", industryCode: "Z99", registeredOn: "2099-01-01" }),
      enterprise("10", { name: "重复" }),
    ];
    const first = await post(saveEnterprises, { rows });
    expect(first.body.data.saveEnterprises).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      refused: 2,
      rows: [
        { index: 0, key: creditCode("10"), outcome: "INSERTED", version: 1, problems: [] },
        { index: 1, key: creditCode("11"), outcome: "INSERTED", version: 1, problems: [] },
        {
          index: 2,
          key: null,
          outcome: "REFUSED",
          version: null,
          problems: [
            { field: "creditCode", reason: "应为 18 位, 实为 6 位" },
            { field: "industryCode", reason: "Z 不是 GB/T 4754-2017 的门类字母" },
            { field: "registeredOn", reason: "不能晚于今天 (2026-06-15)" },
          ],
        },
        {
          index: 3,
          key: creditCode("10"),
          outcome: "REFUSED",
          version: null,
          problems: [{ field: "creditCode", reason: `与本批第 1 行的 ${creditCode("10")} 重复` }],
        },
      ],
    });
    const second = await post(saveEnterprises, { rows: [enterprise("10"), enterprise("11", { name: "改名" })] });
    expect(second.body.data.saveEnterprises).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, refused: 0 });
    const third = await post(saveEnterprises, { rows: [enterprise("10"), enterprise("11", { name: "改名" })] });
    expect(third.body.data.saveEnterprises).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, refused: 0 });
    const changes = await post(history, { creditCode: creditCode("11") });
    expect(changes.body.data.enterprise.history.map((change: { version: number }) => change.version)).toEqual([2, 1]);
  });

  it("leaves each row of a batch either written or reported when two batches race for one new key", async () => {
    const [first, second] = await Promise.all([
      post(saveEnterprises, { rows: [enterprise("30"), enterprise("31")] }),
      post(saveEnterprises, { rows: [enterprise("30"), enterprise("32")] }),
    ]);
    for (const [report, own] of [
      [first.body.data.saveEnterprises, "31"],
      [second.body.data.saveEnterprises, "32"],
    ] as const) {
      const stored = await post(`{ enterprise(creditCode: "${creditCode(own)}") { creditCode } }`, {});
      // A batch that lost the race on the shared key is refused whole: its other row is not stored either.
      if (report.refused) expect([report.refused, stored.body.data.enterprise]).toEqual([2, null]);
      else expect([report.inserted + report.unchanged, stored.body.data.enterprise]).toEqual([2, { creditCode: creditCode(own) }]);
    }
    const shared = await post(`{ enterprise(creditCode: "${creditCode("30")}") { version } }`, {});
    expect(shared.body.data.enterprise).toEqual({ version: 1 });
  });

  const person = (serial: string, employer: string, change: Record<string, unknown> = {}) => ({
    idNumber: idNumber(serial),
    name: `张${serial}`,
    phone: "13800001111",
    employerCreditCode: creditCode(employer),
    insuredSince: "2021-05-01",
    ...change,
  });

  /** Each registered employer's industry division, read from its table here rather than through the code under test; "" when unregistered. */
  const registeredDivisions = async () => {
    const employers = await hub.databases.hrss.getRepository(Enterprise).find();
    const divisions = new Map(employers.map((employer) => [employer.creditCode, employer.industryCode.slice(0, 2)]));
    return (creditCode: string) => divisions.get(creditCode) ?? "";
  };
  /** Every person counted afresh by employer region, industry division and start year. */
  const countedCohorts = async () => {
    const divisionOf = await registeredDivisions();
    const counted = new Map<string, number>();
    for (const { employerCreditCode, insuredSince } of await hub.databases.hrss.getRepository(Person).find()) {
      if (!employerCreditCode || !insuredSince) continue;
      const key = `${employerCreditCode.slice(2, 8)}|${divisionOf(employerCreditCode)}|${insuredSince.slice(0, 4)}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    return counted;
  };
  const storedCohorts = async () =>
    new Map(
      (await hub.databases.hrss.getRepository(InsuredCohort).find())
        .filter((cohort) => cohort.headcount !== 0)
        .map((cohort) => [`${cohort.employerRegionCode}|${cohort.division}|${cohort.insuredYear}`, cohort.headcount]),
    );

  it("enrols insured persons with an employer, following the headcount as they move", async () => {
    await post(saveEnterprises, { rows: [enterprise("20"), enterprise("21")] });
    const saved = await post(savePersons, {
      rows: [
        person("1", "20"),
        person("2", "20"),
        person("3", "20", { employerCreditCode: creditCode("99"), phone: "12345" }),
        person("4", "20", { insuredSince: null }),
      ],
    });
    expect(saved.body.data.savePersons).toMatchObject({ inserted: 2, refused: 2 });
    expect(saved.body.data.savePersons.rows.slice(2).map((row: { problems: unknown }) => row.problems)).toEqual([
      [
        { field: "phone", reason: '"12345" 不是 11 位手机号码' },
        { field: "employerCreditCode", reason: `统一社会信用代码 ${creditCode("99")} 的单位尚未参保登记` },
      ],
      [{ field: "insuredSince", reason: "有参保单位时必须填写参保日期" }],
    ]);
    await post(savePersons, { rows: [person("2", "21", { insuredSince: "2024-01-01" })] });
    const headcounts = await post(
      `{ a: enterprise(creditCode: "${creditCode("20")}") { insuredHeadcount } b: enterprise(creditCode: "${creditCode("21")}") { insuredHeadcount } }`,
      {},
    );
    expect(headcounts.body.data).toEqual({ a: { insuredHeadcount: 1 }, b: { insuredHeadcount: 1 } });
  });

  it("counts the insured by region, industry division and start year as they enrol and move and as employers change industry", async () => {
    const insuredByDivision = async (): Promise<Record<string, number[]>> => {
      const response = await hub.post(
        {
          query: `{ industryAnalysis(regionCode: "370303", fromYear: 2021, toYear: 2025) { divisions { code years { insuredHeadcount } } } }`,
        },
        { authorization: `Bearer ${await hub.keys.token({ agency: "coordination" })}`, "x-lianfang-purpose": "STATISTICS" },
      );
      const divisions: { code: string; years: { insuredHeadcount: number }[] }[] = response.body.data.industryAnalysis.divisions;
      return Object.fromEntries(divisions.map((division) => [division.code, division.years.map((year) => year.insuredHeadcount)]));
    };
    const before = await insuredByDivision();
    // A person enrolled with an employer not yet registered, as older data may hold, counted by the migration's recount.
    const db = hub.databases.hrss;
    const earlier = { ...person("43", "43", { insuredSince: "2023-06-01" }), pid: "p-insured-before-registration" };
    await db.getRepository(Person).insert({ ...earlier, gender: "MALE", birthDate: "1990-01-01" });
    const recount = async () => {
      const runner = db.createQueryRunner();
      await recountInsuredCohorts(runner).finally(() => runner.release());
    };
    await recount();

    await post(saveEnterprises, {
      rows: [
        enterprise("40", { industryCode: "C2614" }),
        enterprise("41", { industryCode: "B0610" }),
        enterprise("43", { industryCode: "B0610" }),
      ],
    });
    await post(savePersons, {
      rows: [
        person("40", "40", { insuredSince: "2022-03-01" }),
        person("41", "40", { insuredSince: "2019-07-01" }),
        person("42", "41", { insuredSince: "2024-01-01" }),
      ],
    });
    await post(savePersons, { rows: [person("41", "41", { insuredSince: "2023-02-01" })] });
    await post(saveEnterprises, { rows: [enterprise("40", { industryCode: "C1311" })] });

    const after = await insuredByDivision();
    const change = (division: string) => after[division].map((count, index) => count - (before[division]?.[index] ?? 0));
    expect({ "26": change("26"), "13": change("13"), "06": change("06") }).toEqual({
      "26": [0, 0, 0, 0, 0],
      "13": [0, 1, 1, 1, 1],
      "06": [0, 0, 2, 3, 3],
    });

    // What is stored is what counting every person afresh gives, and what the migration's recount stores.
    const counted = await countedCohorts();
    expect(await storedCohorts()).toEqual(counted);
    await recount();
    expect(await storedCohorts()).toEqual(counted);
  });

  it("lands two batches that enrol and move persons among the same employers at once, and counts each once", async () => {
    await post(saveEnterprises, { rows: [enterprise("60"), enterprise("61", { industryCode: "C1311" }), enterprise("62")] });
    await post(savePersons, { rows: ["60", "61", "62", "63"].map((serial) => person(serial, "60")) });
    const [first, second] = await Promise.all([
      post(savePersons, { rows: [person("60", "61"), person("61", "60", { insuredSince: "2023-01-01" }), person("64", "62")] }),
      post(savePersons, { rows: [person("62", "62"), person("63", "60", { insuredSince: "2022-01-01" }), person("65", "61")] }),
    ]);

    expect([first.body.data.savePersons, second.body.data.savePersons]).toEqual([
      expect.objectContaining({ inserted: 1, updated: 2, refused: 0 }),
      expect.objectContaining({ inserted: 1, updated: 2, refused: 0 }),
    ]);
    expect(await storedCohorts()).toEqual(await countedCohorts());
  });

  (process.env.LIANFANG_MYSQL_URL ? it : it.skip)(
    "moves a person enrolled while their employer changes industry to the new division (MySQL: the two transactions at once)",
    async () => {
      await post(saveEnterprises, { rows: [enterprise("50", { industryCode: "C2614" })] });
      const db = hub.databases.hrss;
      const [enrolling, reclassifying] = [db.createQueryRunner(), db.createQueryRunner()];
      try {
        await enrolling.startTransaction();
        const enrolled = Object.assign(new Person(), {
          ...person("50", "50", { insuredSince: "2022-03-01" }),
          pid: "p-enrolled-while-reclassified",
          gender: "MALE",
          birthDate: "1990-01-01",
          version: 1,
        });
        await enrolling.manager.insert(Person, enrolled);
        await tallyEnrolments(enrolling.manager, [{ before: null, after: enrolled }]);

        await reclassifying.startTransaction();
        const employer = await reclassifying.manager.findOneByOrFail(Enterprise, { creditCode: creditCode("50") });
        const reclassified = (async () => {
          await reclassifying.manager.update(Enterprise, { creditCode: employer.creditCode }, { industryCode: "1311" });
          await tallyReclassified(
            reclassifying.manager,
            reclassifiedEmployers([{ before: employer, after: { ...employer, industryCode: "1311" } }]),
          );
          await reclassifying.commitTransaction();
        })();
        await enrolling.commitTransaction();
        await reclassified;
      } finally {
        await enrolling.release();
        await reclassifying.release();
      }

      expect(await storedCohorts()).toEqual(await countedCohorts());
    },
  );

  const applyForRecognition = `mutation Apply($input: ApplyForInjuryRecognitionInput!) { applyForInjuryRecognition(input: $input) { id } }`;
  /** Applied for, accepted and recognised by 人社, as a clerk would record it; returns the case's id. */
  const recognisedInjury = async (worker: string, employer: string) => {
    const applied = await post(applyForRecognition, {
      input: {
        idNumber: idNumber(worker),
        creditCode: creditCode(employer),
        injuredOn: "2026-05-04",
        appliedOn: "2026-05-08",
        applicant: "EMPLOYER",
      },
    });
    const id: string = applied.body.data.applyForInjuryRecognition.id;
    await post(`mutation Accept($input: AcceptInjuryRecognitionInput!) { acceptInjuryRecognition(input: $input) { id } }`, {
      input: { id, acceptedOn: "2026-05-11" },
    });
    await post(`mutation Decide($input: DecideInjuryRecognitionInput!) { decideInjuryRecognition(input: $input) { status } }`, {
      input: { id, decidedOn: "2026-06-01", recognised: true },
    });
    return id;
  };
  const recognisedByDivision = async (): Promise<Record<string, number>> => {
    const response = await hub.post(
      {
        query: `{ industryAnalysis(regionCode: "370303", fromYear: 2026, toYear: 2026) { divisions { code years { recognisedInjuries } } } }`,
      },
      { authorization: `Bearer ${await hub.keys.token({ agency: "coordination" })}`, "x-lianfang-purpose": "STATISTICS" },
    );
    const divisions: { code: string; years: { recognisedInjuries: number }[] }[] = response.body.data.industryAnalysis.divisions;
    return Object.fromEntries(divisions.map((division) => [division.code, division.years[0].recognisedInjuries]));
  };
  /** Each recognition's stamped division against its employer's registered one, where they differ. */
  const misstampedRecognitions = async () => {
    const divisionOf = await registeredDivisions();
    return (await hub.databases.hrss.getRepository(InjuryRecognition).find())
      .map((recognition) => [recognition.id, recognition.employerDivision, divisionOf(recognition.creditCode)])
      .filter(([, stamped, registered]) => stamped !== registered);
  };

  it("counts a recognised injury in its employer's division now: stamped when applied for, restamped when the employer changes industry", async () => {
    const before = await recognisedByDivision();
    // A recognition of an employer not yet registered, as older data may hold: unstamped until the employer registers.
    const db = hub.databases.hrss;
    await db.getRepository(InjuryRecognition).insert({
      id: "IR-before-registration",
      pid: "p-injured-before-registration",
      creditCode: creditCode("73"),
      employerDivision: "",
      accidentId: null,
      injuredOn: "2026-03-02",
      appliedOn: "2026-03-05",
      applicant: RecognitionApplicant.EMPLOYER,
      status: RecognitionStatus.RECOGNISED,
      acceptedOn: "2026-03-06",
      decidedOn: "2026-04-01",
      disabilityGrade: null,
    });
    const backfill = async () => {
      const runner = db.createQueryRunner();
      await restampAllRecognitions(runner).finally(() => runner.release());
    };
    await backfill();

    await post(saveEnterprises, { rows: [enterprise("70", { industryCode: "C2614" }), enterprise("71", { industryCode: "B0610" })] });
    const moving = await recognisedInjury("70", "70");
    await recognisedInjury("71", "71");
    await recognisedInjury("72", "71");
    await post(saveEnterprises, {
      rows: [enterprise("70", { industryCode: "C1311" }), enterprise("73", { industryCode: "B0610" })],
    });

    const after = await recognisedByDivision();
    const change = (division: string) => (after[division] ?? 0) - (before[division] ?? 0);
    expect({ "26": change("26"), "13": change("13"), "06": change("06") }).toEqual({ "26": 0, "13": 1, "06": 3 });
    expect((await db.getRepository(InjuryRecognition).findOneByOrFail({ id: moving })).employerDivision).toBe("13");
    // What is stored is what each employer's registration gives, and what the migration's backfill stores.
    expect(await misstampedRecognitions()).toEqual([]);
    await backfill();
    expect(await misstampedRecognitions()).toEqual([]);
  });

  (process.env.LIANFANG_MYSQL_URL ? it : it.skip)(
    "stamps an injury applied for while its employer changes industry with the new division (MySQL: the application waits for the change)",
    async () => {
      await post(saveEnterprises, { rows: [enterprise("75", { industryCode: "C2614" })] });
      const db = hub.databases.hrss;
      const reclassifying = db.createQueryRunner();
      let applying: ReturnType<typeof post> | undefined;
      try {
        await reclassifying.startTransaction();
        const employer = await reclassifying.manager.findOneByOrFail(Enterprise, { creditCode: creditCode("75") });
        await reclassifying.manager.update(Enterprise, { creditCode: employer.creditCode }, { industryCode: "1311" });
        await restampRecognitions(
          reclassifying.manager,
          reclassifiedEmployers([{ before: employer, after: { ...employer, industryCode: "1311" } }]),
        );
        applying = post(applyForRecognition, {
          input: {
            idNumber: idNumber("75"),
            creditCode: creditCode("75"),
            injuredOn: "2026-05-04",
            appliedOn: "2026-05-08",
            applicant: "EMPLOYER",
          },
        });
        // Commit only once the application is reading the employer for update, which waits for the change's lock.
        for (let waited = 0; ; waited += 20) {
          const [{ reading }] = await db.query(
            "SELECT COUNT(*) AS reading FROM information_schema.PROCESSLIST WHERE id <> CONNECTION_ID() AND info LIKE 'SELECT%FROM `enterprise`%FOR UPDATE'",
          );
          if (Number(reading) > 0) break;
          if (waited > 30_000) throw new Error("the application never read its employer for update");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await reclassifying.commitTransaction();
      } finally {
        await reclassifying.release();
      }
      const applied = await applying;

      const id: string = applied.body.data.applyForInjuryRecognition.id;
      expect((await db.getRepository(InjuryRecognition).findOneByOrFail({ id })).employerDivision).toBe("13");
    },
  );

  it("finds a person by ID number for another department: the hub computes the pid, and the audit keeps the pid alone", async () => {
    const number = idNumber("1");
    const pid = personPid(number, hub.keys.linkingSecret);
    const found = await post(
      `query Find($idNumber: String!) { personByIdNumber(idNumber: $idNumber) { pid } }`,
      { idNumber: number },
      "emergency",
      ["viewer"],
      "ACCIDENT_INVESTIGATION",
    );
    expect(found.body).toEqual({ data: { personByIdNumber: { pid } } });
    const audited = (await hub.governance.audit.store.trail("person", pid)).at(-1)!;
    expect([audited.seq, audited.pids]).toEqual([(await hub.governance.audit.store.head()).seq, [pid]]);
    expect(JSON.stringify(audited)).not.toContain(number);

    const unknown = await post(
      `{ personByIdNumber(idNumber: "${idNumber("999")}") { pid } }`,
      {},
      "emergency",
      ["viewer"],
      "ACCIDENT_INVESTIGATION",
    );
    expect(unknown.body).toEqual({ data: { personByIdNumber: null } });
    const malformed = await post(`{ personByIdNumber(idNumber: "370303") { pid } }`, {}, "emergency", ["viewer"], "ACCIDENT_INVESTIGATION");
    expect(malformed.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "idNumber" });
    const ungranted = await post(
      `query Find($idNumber: String!) { personByIdNumber(idNumber: $idNumber) { name } }`,
      { idNumber: number },
      "emergency",
      ["viewer"],
      "ACCIDENT_INVESTIGATION",
    );
    expect(ungranted.status).toBe(403);
  });

  describe.each([
    {
      owner: "housing",
      type: "ConstructionProject",
      single: "saveConstructionProject",
      batch: "saveConstructionProjects",
      fields: "permitNo name status contractValueYuan version",
      read: () => `{ constructionProjects(first: 5, creditCode: "${creditCode("1")}") { nodes { permitNo name status } } }`,
      key: "permitNo",
      row: {
        permitNo: "370303202401150001",
        name: "测试综合楼",
        creditCode: creditCode("1"),
        regionCode: "370303",
        permitIssuedOn: "2024-01-15",
        status: "UNDER_CONSTRUCTION",
        contractValueYuan: "123456789.12",
      },
      stored: {
        permitNo: "370303202401150001",
        name: "测试综合楼",
        status: "UNDER_CONSTRUCTION",
        contractValueYuan: 123456789.12,
        version: 1,
      },
      correction: { name: "测试综合楼二期" },
      bad: { contractValueYuan: "10.005", regionCode: "999999" },
      problems: ["regionCode", "contractValueYuan"],
    },
    {
      owner: "transport",
      type: "OperatingLicence",
      single: "saveOperatingLicence",
      batch: "saveOperatingLicences",
      fields: "licenceNo scopes validUntil version",
      read: () => `{ enterprise(creditCode: "${creditCode("1")}") { operatingLicence { licenceNo scopes } } }`,
      key: "licenceNo",
      row: {
        licenceNo: "鲁交运管许可淄字370303000001号",
        creditCode: creditCode("1"),
        scopes: ["HAZARDOUS_GOODS", "FREIGHT"],
        validUntil: "2028-12-31",
      },
      stored: { licenceNo: "鲁交运管许可淄字370303000001号", scopes: ["FREIGHT", "HAZARDOUS_GOODS"], validUntil: "2028-12-31", version: 1 },
      correction: { validUntil: "2029-12-31" },
      bad: { licenceNo: "鲁交 运管", scopes: [] },
      problems: ["licenceNo", "scopes"],
    },
    {
      owner: "emergency",
      type: "SafetyLicence",
      single: "saveSafetyLicence",
      batch: "saveSafetyLicences",
      fields: "licenceNo kind validFrom validUntil version",
      read: () => `{ safetyLicences(first: 5, creditCode: "${creditCode("1")}") { nodes { licenceNo kind validUntil } } }`,
      key: "licenceNo",
      row: {
        licenceNo: "(鲁)WH安许证字[2024]030399",
        creditCode: creditCode("1"),
        kind: "HAZARDOUS_CHEMICALS_PRODUCTION",
        validFrom: "2024-03-01",
      },
      stored: {
        licenceNo: "(鲁)WH安许证字[2024]030399",
        kind: "HAZARDOUS_CHEMICALS_PRODUCTION",
        validFrom: "2024-03-01",
        validUntil: "2027-02-28",
        version: 1,
      },
      correction: { validFrom: "2024-04-01" },
      bad: { validFrom: "2003-01-01", creditCode: "123" },
      problems: ["creditCode", "validFrom"],
    },
    {
      owner: "health",
      type: "HealthExamination",
      single: "saveHealthExamination",
      batch: "saveHealthExaminations",
      fields: "id creditCode examinedOn kind result version",
      read: () => `{ enterprise(creditCode: "${creditCode("1")}") { healthExaminationSummary { total suspectedDisease } } }`,
      key: "id",
      row: {
        reportNo: "ZJ-2024-000123",
        idNumber: idNumber("1"),
        creditCode: creditCode("1"),
        examinedOn: "2024-06-01",
        kind: "ON_DUTY",
        result: "SUSPECTED_DISEASE",
      },
      stored: {
        id: "ZJ-2024-000123",
        creditCode: creditCode("1"),
        examinedOn: "2024-06-01",
        kind: "ON_DUTY",
        result: "SUSPECTED_DISEASE",
        version: 1,
      },
      correction: { result: "RECHECK" },
      bad: { idNumber: "370303199001010000", examinedOn: "2024-02-30" },
      problems: ["idNumber", "examinedOn"],
    },
    {
      owner: "unions",
      type: "TrainingSession",
      single: "saveTrainingSession",
      batch: "saveTrainingSessions",
      fields: "id heldOn topic attendees hours version",
      read: () => `{ trainingSessions(first: 5, heldFrom: "2024-05-20", heldTo: "2024-05-20") { nodes { id topic } } }`,
      key: "id",
      row: { sessionNo: "GH-2024-0520", heldOn: "2024-05-20", topic: "工伤预防进企业", attendees: 80, hours: 4 },
      stored: { id: "GH-2024-0520", heldOn: "2024-05-20", topic: "工伤预防进企业", attendees: 80, hours: 4, version: 1 },
      correction: { attendees: 85 },
      bad: { topic: " ", hours: 0 },
      problems: ["topic", "hours"],
    },
  ])(
    "$owner registers and corrects its $type records",
    ({ owner, type, single, batch, fields, read, key, row, stored, correction, bad, problems }) => {
      const saveOneQuery = `mutation Save($input: ${type}Input!) { ${single}(input: $input) { ${fields} } }`;
      const saveBatchQuery = `mutation Save($rows: [${type}Input!]!) { ${batch}(rows: $rows) { inserted updated unchanged refused rows { outcome problems { field } } } }`;

      it("registers a record another department then reads", async () => {
        expect((await post(saveOneQuery, { input: row }, owner)).body).toEqual({ data: { [single]: stored } });
        const seen = await post(read(), {}, "coordination", ["viewer"], "JOINT_INSPECTION");
        expect(seen.body.errors).toBeUndefined();
        expect(JSON.stringify(seen.body.data)).toContain(
          owner === "health" ? '"suspectedDisease":1' : String(stored[key as keyof typeof stored]),
        );
      });

      it("corrects it with the version, refuses a stale one, and keeps the history", async () => {
        const corrected = await post(saveOneQuery, { input: { ...row, ...correction, version: 1 } }, owner);
        expect(corrected.body.data[single].version).toBe(2);
        const stale = await post(saveOneQuery, { input: { ...row, version: 1 } }, owner);
        expect(stale.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.version", currentVersion: 2 });
        const [changes] = await hub.databases[owner].query("SELECT COUNT(*) AS n FROM record_change WHERE resource = ?", [type]);
        expect(Number(changes.n)).toBe(2);
      });

      it("saves a batch: identical rows change nothing, bad rows are refused field by field", async () => {
        const saved = await post(
          saveBatchQuery,
          {
            rows: [
              { ...row, ...correction },
              { ...row, ...bad },
            ],
          },
          owner,
        );
        expect(saved.body.data[batch]).toEqual({
          inserted: 0,
          updated: 0,
          unchanged: 1,
          refused: 1,
          rows: [
            { outcome: "UNCHANGED", problems: [] },
            { outcome: "REFUSED", problems: problems.map((field) => ({ field })) },
          ],
        });
      });

      it("is refused to any other department", async () => {
        const refused = await post(saveOneQuery, { input: row }, "hrss");
        expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
      });
    },
  );
});
