import { Accident } from "../subgraphs/emergency/accident.entity";
import { InspectionTarget, JointInspection } from "../subgraphs/coordination/joint-inspection.entity";
import { TypicalCaseBulletin } from "../subgraphs/coordination/typical-case.entity";
import { notRealDate, rejectedBy, seeded } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : 1;
const rejected = rejectedBy("coordination");
const members = "hrss、emergency、health、transport、housing、unions、coordination";

describe("the joint-prevention office through the gateway", () => {
  let hub: Federation;
  let admin: Record<string, string>;

  beforeAll(async () => {
    hub = await startFederation();
    admin = { authorization: `Bearer ${await hub.keys.token({ agency: "coordination", roles: ["admin"] })}` };
  });
  afterAll(() => hub.stop());

  const targets = () => seeded(hub.city, "coordination", InspectionTarget);
  const inspectionCount = async () =>
    (await hub.post({ query: "{ jointInspections(first: 200) { nodes { id } } }" }, admin)).body.data.jointInspections.nodes.length;

  it("lists rectifications overdue on a day: deadline passed, not confirmed", async () => {
    const expected = targets()
      .filter((target) => target.rectificationDueOn !== null && target.rectificationDueOn < "2025-06-30" && target.rectifiedOn === null)
      .sort(byKey((target) => target.id));
    const response = await hub.post(
      {
        query: `{ overdueRectifications(first: 200, asOf: "2025-06-30") { nodes { id findings rectificationDueOn rectifiedOn inspection { id } enterprise { creditCode } } pageInfo { hasNextPage } } }`,
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          overdueRectifications: {
            nodes: expected.map((target) => ({
              id: target.id,
              findings: target.findings,
              rectificationDueOn: target.rectificationDueOn,
              rectifiedOn: null,
              inspection: { id: target.inspectionId },
              enterprise: { creditCode: target.creditCode },
            })),
            pageInfo: { hasNextPage: false },
          },
        },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  it("rejects an impossible day for overdue rectifications", async () => {
    expect(await hub.post({ query: `{ overdueRectifications(asOf: "2025-09-31") { nodes { id } } }` }, admin)).toEqual(
      rejected("overdueRectifications", "asOf", notRealDate("2025-09-31")),
    );
  });

  it("lists typical-case bulletins with the accident emergency management recorded", async () => {
    const accidents = new Map(seeded(hub.city, "emergency", Accident).map((accident) => [accident.id, accident]));
    const expected = seeded(hub.city, "coordination", TypicalCaseBulletin)
      .filter((bulletin) => bulletin.publishedOn >= "2023-01-01")
      .sort(byKey((bulletin) => bulletin.id));
    const response = await hub.post(
      {
        query: `{ typicalCaseBulletins(first: 200, publishedFrom: "2023-01-01") { nodes { id title publishedOn summary lessons accident { id deaths } } } }`,
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          typicalCaseBulletins: {
            nodes: expected.map((bulletin) => ({
              id: bulletin.id,
              title: bulletin.title,
              publishedOn: bulletin.publishedOn,
              summary: bulletin.summary,
              lessons: bulletin.lessons,
              accident: { id: bulletin.accidentId, deaths: accidents.get(bulletin.accidentId!)!.deaths },
            })),
          },
        },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  describe("a joint inspection from plan to close", () => {
    const plan = `mutation($input: PlanJointInspectionInput!) { planJointInspection(input: $input) { id title leadAgency agencies plannedOn status } }`;
    const add = `mutation($input: AddInspectionTargetInput!) { addInspectionTarget(input: $input) { id findings rectificationDueOn rectifiedOn inspection { id status } enterprise { creditCode } } }`;
    const record = `mutation($input: RecordInspectionFindingsInput!) { recordInspectionFindings(input: $input) { id findings rectificationDueOn rectifiedOn inspection { id status } } }`;
    const confirm = `mutation($input: ConfirmRectificationInput!) { confirmRectification(input: $input) { id rectificationDueOn rectifiedOn } }`;
    const close = `mutation($input: CloseJointInspectionInput!) { closeJointInspection(input: $input) { id status targets { id findings } } }`;
    const recordMember = `mutation($input: RecordDepartmentFindingsInput!) { recordDepartmentFindings(input: $input) { id } }`;
    const noFindings = `mutation($input: RecordNoFindingsReasonInput!) { recordNoFindingsReason(input: $input) { id } }`;
    const planInput = {
      title: "2025年有限空间作业专项联合检查",
      leadAgency: "Emergency",
      agencies: ["emergency", "hrss", "unions"],
      plannedOn: "2025-10-15",
    };
    const [first, second] = [() => hub.city.enterprises[10].creditCode, () => hub.city.enterprises[11].creditCode];

    it("plans, adds targets, records findings, refuses to close early, closes and confirms a rectification", async () => {
      const seededIn2025 = seeded(hub.city, "coordination", JointInspection).filter((inspection) =>
        inspection.id.startsWith("LJ-2025-"),
      ).length;
      const id = `LJ-2025-${String(seededIn2025 + 1).padStart(3, "0")}`;

      expect(await hub.post({ query: plan, variables: { input: planInput } }, admin)).toEqual({
        status: 200,
        body: {
          data: {
            planJointInspection: {
              id,
              title: planInput.title,
              leadAgency: "emergency",
              agencies: ["emergency", "hrss", "unions"],
              plannedOn: "2025-10-15",
              status: "PLANNED",
            },
          },
        },
      });
      expect(await hub.post({ query: add, variables: { input: { inspectionId: id, creditCode: first().toLowerCase() } } }, admin)).toEqual({
        status: 200,
        body: {
          data: {
            addInspectionTarget: {
              id: `${id}-${first()}`,
              findings: null,
              rectificationDueOn: null,
              rectifiedOn: null,
              inspection: { id, status: "PLANNED" },
              enterprise: { creditCode: first() },
            },
          },
        },
      });
      await hub.post({ query: add, variables: { input: { inspectionId: id, creditCode: second() } } }, admin);
      expect(await hub.post({ query: close, variables: { input: { id } } }, admin)).toEqual(
        rejected(
          "closeJointInspection",
          "input.id",
          `尚缺成员单位的检查结果或未记录原因：${[first(), second()]
            .sort()
            .map((code) => `${code}（emergency、hrss、unions）`)
            .join("；")}`,
        ),
      );

      expect(
        await hub.post(
          {
            query: record,
            variables: { input: { targetId: `${id}-${first()}`, findings: "有限空间未设置警示标识", rectificationDueOn: "2025-10-15" } },
          },
          admin,
        ),
      ).toEqual({
        status: 200,
        body: {
          data: {
            recordInspectionFindings: {
              id: `${id}-${first()}`,
              findings: "有限空间未设置警示标识",
              rectificationDueOn: "2025-10-15",
              rectifiedOn: null,
              inspection: { id, status: "IN_PROGRESS" },
            },
          },
        },
      });
      for (const agency of ["emergency", "hrss", "unions"]) {
        const member = { authorization: `Bearer ${await hub.keys.token({ agency, roles: ["admin"] })}` };
        const findings = {
          targetId: `${id}-${first()}`,
          hazards: "有限空间未设置警示标识",
          legalBasis: "《工贸企业有限空间作业安全规定》",
        };
        expect((await hub.post({ query: recordMember, variables: { input: findings } }, member)).body.errors).toBeUndefined();
      }
      expect(await hub.post({ query: close, variables: { input: { id } } }, admin)).toEqual(
        rejected("closeJointInspection", "input.id", `尚缺成员单位的检查结果或未记录原因：${second()}（emergency、hrss、unions）`),
      );
      await hub.post({ query: record, variables: { input: { targetId: `${id}-${second()}`, findings: "未发现问题" } } }, admin);
      for (const agency of ["emergency", "hrss", "unions"]) {
        const reason = { targetId: `${id}-${second()}`, agency, reason: "企业停产，未入场检查" };
        expect((await hub.post({ query: noFindings, variables: { input: reason } }, admin)).body.errors).toBeUndefined();
      }

      expect(await hub.post({ query: close, variables: { input: { id } } }, admin)).toEqual({
        status: 200,
        body: {
          data: {
            closeJointInspection: {
              id,
              status: "CLOSED",
              targets: [
                { id: `${id}-${first()}`, findings: "有限空间未设置警示标识" },
                { id: `${id}-${second()}`, findings: "未发现问题" },
              ].sort(byKey((target) => target.id)),
            },
          },
        },
      });
      expect(
        await hub.post({ query: add, variables: { input: { inspectionId: id, creditCode: hub.city.enterprises[12].creditCode } } }, admin),
      ).toEqual(rejected("addInspectionTarget", "input.inspectionId", `联合检查 ${id} 已结束`));
      expect(await hub.post({ query: close, variables: { input: { id } } }, admin)).toEqual(
        rejected("closeJointInspection", "input.id", `联合检查 ${id} 已结束`),
      );

      expect(
        await hub.post({ query: confirm, variables: { input: { targetId: `${id}-${second()}`, rectifiedOn: "2025-10-20" } } }, admin),
      ).toEqual(rejected("confirmRectification", "input.targetId", "该检查对象没有整改期限, 无需整改"));
      expect(
        await hub.post({ query: confirm, variables: { input: { targetId: `${id}-${first()}`, rectifiedOn: "2025-10-14" } } }, admin),
      ).toEqual(rejected("confirmRectification", "input.rectifiedOn", "不能早于计划检查日期 2025-10-15, 填写的是 2025-10-14"));
      expect(
        await hub.post({ query: confirm, variables: { input: { targetId: `${id}-${first()}`, rectifiedOn: "2025-10-20" } } }, admin),
      ).toEqual({
        status: 200,
        body: { data: { confirmRectification: { id: `${id}-${first()}`, rectificationDueOn: "2025-10-15", rectifiedOn: "2025-10-20" } } },
      });
      expect(
        await hub.post({ query: confirm, variables: { input: { targetId: `${id}-${first()}`, rectifiedOn: "2025-10-21" } } }, admin),
      ).toEqual(rejected("confirmRectification", "input.targetId", "该检查对象的整改已于 2025-10-20 确认"));
    });

    it.each([
      ["an unknown lead agency", { leadAgency: "police" }, "input.leadAgency", `"police" 不是成员单位, 成员单位: ${members}`],
      ["an unknown participant", { agencies: ["emergency", "fire"] }, "input.agencies[1]", `"fire" 不是成员单位, 成员单位: ${members}`],
      ["a participant named twice", { agencies: ["emergency", "hrss", "emergency"] }, "input.agencies", "emergency 列了两次"],
      ["a lead that does not take part", { agencies: ["hrss", "unions"] }, "input.agencies", "应包括牵头部门 emergency"],
      ["an impossible planned day", { plannedOn: "2025-02-29" }, "input.plannedOn", notRealDate("2025-02-29")],
      ["an empty title", { title: " " }, "input.title", "不能为空"],
    ])("rejects a plan with %s and writes nothing", async (_case, change, field, reason) => {
      const before = await inspectionCount();

      expect(await hub.post({ query: plan, variables: { input: { ...planInput, ...change } } }, admin)).toEqual(
        rejected("planJointInspection", field, reason),
      );
      expect(await inspectionCount()).toBe(before);
    });

    it("rejects a bad target, bad findings and closing what cannot be closed", async () => {
      const planned = (await hub.post({ query: plan, variables: { input: { ...planInput, plannedOn: "2026-03-01" } } }, admin)).body.data
        .planJointInspection.id;
      const existing = targets().find((target) => target.inspectionId.startsWith(`LJ-${hub.city.years[1]}-`))!;
      const existingInspection = seeded(hub.city, "coordination", JointInspection).find(
        (inspection) => inspection.id === existing.inspectionId,
      )!;

      expect(
        await hub.post({ query: add, variables: { input: { inspectionId: planned, creditCode: "91370303MA3C1234" } } }, admin),
      ).toEqual(rejected("addInspectionTarget", "input.creditCode", "应为 18 位, 实为 16 位"));
      expect(await hub.post({ query: add, variables: { input: { inspectionId: "LJ-1999-001", creditCode: first() } } }, admin)).toEqual(
        rejected("addInspectionTarget", "input.inspectionId", "没有编号为 LJ-1999-001 的联合检查"),
      );
      expect(
        await hub.post(
          { query: add, variables: { input: { inspectionId: existing.inspectionId, creditCode: existing.creditCode } } },
          admin,
        ),
      ).toEqual(
        rejected("addInspectionTarget", "input.creditCode", `${existing.creditCode} 已是联合检查 ${existing.inspectionId} 的检查对象`),
      );
      expect(await hub.post({ query: record, variables: { input: { targetId: "LJ-1999-001-x", findings: "x" } } }, admin)).toEqual(
        rejected("recordInspectionFindings", "input.targetId", "没有编号为 LJ-1999-001-x 的检查对象"),
      );
      expect(await hub.post({ query: record, variables: { input: { targetId: existing.id, findings: "" } } }, admin)).toEqual(
        rejected("recordInspectionFindings", "input.findings", "不能为空"),
      );
      expect(
        await hub.post(
          { query: record, variables: { input: { targetId: existing.id, findings: "x", rectificationDueOn: "2025-06-31" } } },
          admin,
        ),
      ).toEqual(rejected("recordInspectionFindings", "input.rectificationDueOn", notRealDate("2025-06-31")));
      const dayBeforePlan = new Date(new Date(existingInspection.plannedOn).getTime() - 86_400_000).toISOString().slice(0, 10);
      expect(
        await hub.post(
          { query: record, variables: { input: { targetId: existing.id, findings: "x", rectificationDueOn: dayBeforePlan } } },
          admin,
        ),
      ).toEqual(
        rejected(
          "recordInspectionFindings",
          "input.rectificationDueOn",
          `不能早于计划检查日期 ${existingInspection.plannedOn}, 填写的是 ${dayBeforePlan}`,
        ),
      );
      expect(await hub.post({ query: close, variables: { input: { id: planned } } }, admin)).toEqual(
        rejected("closeJointInspection", "input.id", "联合检查还没有检查对象, 不能结束"),
      );
      expect(await hub.post({ query: close, variables: { input: { id: "LJ-1999-001" } } }, admin)).toEqual(
        rejected("closeJointInspection", "input.id", "没有编号为 LJ-1999-001 的联合检查"),
      );
      const stored = await hub.post(
        {
          query: `query($code: String!) { enterprise(creditCode: $code) { jointInspections { id findings rectificationDueOn } } }`,
          variables: { code: existing.creditCode },
        },
        admin,
      );
      expect(stored.body.data.enterprise.jointInspections).toContainEqual({
        id: existing.id,
        findings: existing.findings,
        rectificationDueOn: existing.rectificationDueOn,
      });
    });
  });

  describe("publishTypicalCase", () => {
    const mutation = `mutation($input: PublishTypicalCaseInput!) { publishTypicalCase(input: $input) { id title publishedOn summary lessons accident { id } } }`;
    const input = {
      title: "某化工企业中毒窒息事故",
      publishedOn: "2025-08-01",
      accidentId: "ac-2024-000001",
      summary: "进入有限空间作业未检测",
      lessons: "先通风、再检测、后作业",
    };
    const bulletinCount = async () =>
      (await hub.post({ query: "{ typicalCaseBulletins(first: 200) { nodes { id } } }" }, admin)).body.data.typicalCaseBulletins.nodes
        .length;

    it("publishes a bulletin pointing at an accident", async () => {
      expect(await hub.post({ query: mutation, variables: { input } }, admin)).toEqual({
        status: 200,
        body: {
          data: {
            publishTypicalCase: {
              id: expect.stringMatching(/^TC-[0-9a-f-]{36}$/),
              title: input.title,
              publishedOn: "2025-08-01",
              summary: input.summary,
              lessons: input.lessons,
              accident: { id: "AC-2024-000001" },
            },
          },
        },
      });
    });

    it.each([
      ["a malformed accident number", { accidentId: "2024-1" }, "input.accidentId", '"2024-1" 不是应急管理部门编发的事故编号 (AC-年份-…)'],
      ["a day in the future", { publishedOn: "2099-08-01" }, "input.publishedOn", "不能晚于今天 (2026-06-15)"],
      ["an impossible day", { publishedOn: "2025-08-32" }, "input.publishedOn", notRealDate("2025-08-32")],
      ["no lessons", { lessons: "" }, "input.lessons", "不能为空"],
    ])("rejects %s and writes nothing", async (_case, change, field, reason) => {
      const before = await bulletinCount();

      expect(await hub.post({ query: mutation, variables: { input: { ...input, ...change } } }, admin)).toEqual(
        rejected("publishTypicalCase", field, reason),
      );
      expect(await bulletinCount()).toBe(before);
    });
  });
});
