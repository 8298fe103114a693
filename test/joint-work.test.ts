import { DepartmentFinding } from "../subgraphs/coordination/department-finding.entity";
import { Rectification } from "../subgraphs/coordination/rectification.entity";
import { startFederation, type Federation } from "./support/federation";
import { fieldLabel } from "../kernel/field-labels";

const forbidden = (message: string, extensions: Record<string, unknown>) => ({
  status: 200,
  body: {
    errors: [{ message, path: [expect.any(String)], extensions: { code: "FORBIDDEN", serviceName: "coordination", ...extensions } }],
    data: null,
  },
});
const refused = (operation: string, field: string, reason: string) => ({
  status: 200,
  body: {
    errors: [
      {
        message: `${fieldLabel(field)}: ${reason}`,
        path: [operation],
        extensions: { code: "BAD_USER_INPUT", field, reason, serviceName: "coordination" },
      },
    ],
    data: null,
  },
});

const plan = `mutation($input: PlanJointInspectionInput!) { planJointInspection(input: $input) { id } }`;
const add = `mutation($input: AddInspectionTargetInput!) { addInspectionTarget(input: $input) { id } }`;
const recordFindings = `mutation($input: RecordDepartmentFindingsInput!) {
  recordDepartmentFindings(input: $input) { id agency hazards legalBasis rectificationDemanded rectificationDueOn noFindingsReason recordedBy }
}`;
const close = `mutation($input: CloseJointInspectionInput!) { closeJointInspection(input: $input) { id status } }`;
const demand = `mutation($input: DemandRectificationInput!) { demandRectification(input: $input) { id source demandingAgency dueOn state } }`;
const review = `mutation($input: ReviewRectificationInput!) {
  reviewRectification(input: $input) { id state evidence rejectionReason reviewedBy reviewedOn }
}`;
const tracker = `query($asOf: String) {
  rectifications(first: 50, overdue: true, asOf: $asOf) {
    nodes { id source sourceRecordId demandingAgency requirement dueOn state enterprise { creditCode } escalations(asOf: $asOf) { stage escalatedOn } }
  }
}`;

describe("joint work across departments through the gateway", () => {
  let hub: Federation;
  const as = async (agency: string, roles: ("admin" | "viewer")[] = ["admin"]) => ({
    authorization: `Bearer ${await hub.keys.token({ agency, roles })}`,
  });
  const enterprise = (index: number) =>
    hub.city.enterprises.filter((candidate) => candidate.regionCode.startsWith("3703"))[index].creditCode;
  const rows = async () => ({
    findings: await hub.databases.coordination.getRepository(DepartmentFinding).count(),
    rectifications: await hub.databases.coordination.getRepository(Rectification).count(),
  });
  let inspectionId: string;
  let targetId: string;

  beforeAll(async () => {
    hub = await startFederation();
    const planned = await hub.post(
      {
        query: plan,
        variables: {
          input: {
            title: "2025年国庆前危化企业联合检查",
            leadAgency: "emergency",
            agencies: ["emergency", "housing", "unions"],
            plannedOn: "2025-09-15",
          },
        },
      },
      await as("coordination"),
    );
    inspectionId = planned.body.data.planJointInspection.id;
    targetId = (await hub.post({ query: add, variables: { input: { inspectionId, creditCode: enterprise(0) } } }, await as("coordination")))
      .body.data.addInspectionTarget.id;
  });
  afterAll(() => hub.stop());

  describe("a joint inspection with three member departments", () => {
    it("refuses findings from a department that is not a member, and stores nothing", async () => {
      const before = await rows();
      expect(
        await hub.post({ query: recordFindings, variables: { input: { targetId, hazards: "x", legalBasis: "y" } } }, await as("hrss")),
      ).toEqual(
        forbidden(`hrss 不是联合检查 ${inspectionId} 的成员单位（成员：emergency、housing、unions）`, {
          agency: "hrss",
          members: ["emergency", "housing", "unions"],
        }),
      );
      expect(await rows()).toEqual(before);
    });

    it.each([
      [
        "a rectification deadline before the inspection",
        { rectificationDemanded: "补设警示标识", rectificationDueOn: "2025-09-14" },
        "input.rectificationDueOn",
        "整改期限不能早于检查日 2025-09-15",
      ],
      [
        "a demand without a deadline",
        { rectificationDemanded: "补设警示标识" },
        "input.rectificationDueOn",
        "整改要求和整改期限须同时填写",
      ],
      ["a deadline without a demand", { rectificationDueOn: "2025-09-26" }, "input.rectificationDemanded", "整改要求和整改期限须同时填写"],
      ["no legal basis", { legalBasis: " " }, "input.legalBasis", "不能为空"],
    ])("refuses findings with %s, and stores nothing", async (_case, change, field, reason) => {
      const before = await rows();
      const input = { targetId, hazards: "有限空间未设置警示标识", legalBasis: "《安全生产法》第三十五条", ...change };
      expect(await hub.post({ query: recordFindings, variables: { input } }, await as("emergency"))).toEqual(
        refused("recordDepartmentFindings", field, reason),
      );
      expect(await rows()).toEqual(before);
    });

    it("takes each member's findings with its own admin, shows them side by side and closes", async () => {
      const inputs = {
        emergency: {
          hazards: "有限空间未设置警示标识",
          legalBasis: "《安全生产法》第三十五条",
          rectificationDemanded: "补设有限空间警示标识",
          rectificationDueOn: "2025-09-26",
        },
        housing: { hazards: "未发现问题", legalBasis: "《建设工程安全生产管理条例》" },
        unions: { hazards: "劳动防护用品发放不足", legalBasis: "《工会劳动保护监督检查员工作条例》" },
      };
      expect(
        await hub.post({ query: recordFindings, variables: { input: { targetId, ...inputs.housing } } }, await as("housing", ["viewer"])),
      ).toEqual(forbidden("修改这些记录需要 admin 角色", { requiredRole: "admin" }));
      for (const [agency, input] of Object.entries(inputs)) {
        expect(await hub.post({ query: recordFindings, variables: { input: { targetId, ...input } } }, await as(agency))).toEqual({
          status: 200,
          body: {
            data: {
              recordDepartmentFindings: {
                id: `${targetId}/${agency}`,
                agency,
                rectificationDemanded: null,
                rectificationDueOn: null,
                ...input,
                noFindingsReason: null,
                recordedBy: `${agency}/tester`,
              },
            },
          },
        });
      }
      expect(await hub.post({ query: recordFindings, variables: { input: { targetId, ...inputs.unions } } }, await as("unions"))).toEqual(
        refused("recordDepartmentFindings", "input.targetId", "unions 对该检查对象的检查结果已有记录"),
      );

      const sideBySide = await hub.post(
        {
          query: `query { jointInspections(first: 5, status: IN_PROGRESS) { nodes { id targets { id departmentFindings { agency hazards rectificationDueOn } } } } }`,
        },
        await as("coordination", ["viewer"]),
      );
      expect(sideBySide.body.errors).toBeUndefined();
      expect(sideBySide.body.data.jointInspections.nodes).toContainEqual({
        id: inspectionId,
        targets: [
          {
            id: targetId,
            departmentFindings: [
              { agency: "emergency", hazards: inputs.emergency.hazards, rectificationDueOn: "2025-09-26" },
              { agency: "housing", hazards: inputs.housing.hazards, rectificationDueOn: null },
              { agency: "unions", hazards: inputs.unions.hazards, rectificationDueOn: null },
            ],
          },
        ],
      });
      expect(await hub.post({ query: close, variables: { input: { id: inspectionId } } }, await as("coordination"))).toEqual({
        status: 200,
        body: { data: { closeJointInspection: { id: inspectionId, status: "CLOSED" } } },
      });
    });
  });

  describe("one rectification tracker across four sources", () => {
    const demands = () => [
      { agency: "emergency", source: "HAZARD_INSPECTION", sourceRecordId: "HI-2025-0917", creditCode: enterprise(1) },
      { agency: "housing", source: "CONSTRUCTION_SAFETY_INSPECTION", sourceRecordId: "CSI-2025-0917", creditCode: enterprise(2) },
      { agency: "unions", source: "SUPERVISION_CHECK", sourceRecordId: "SC-2025-0917", creditCode: enterprise(3) },
    ];

    beforeAll(async () => {
      for (const { agency, ...input } of demands()) {
        const demanded = await hub.post(
          { query: demand, variables: { input: { ...input, requirement: "限期整改", demandedOn: "2025-09-17", dueOn: "2025-09-26" } } },
          await as(agency),
        );
        expect(demanded.body.data.demandRectification).toEqual({
          id: `${agency}:${input.sourceRecordId}`,
          source: input.source,
          demandingAgency: agency,
          dueOn: "2025-09-26",
          state: "OPEN",
        });
      }
    });

    it.each([
      ["a deadline before the inspection", "emergency", { dueOn: "2025-09-16" }, "input.dueOn", "整改期限不能早于检查日 2025-09-17"],
      [
        "a joint-inspection source",
        "emergency",
        { source: "JOINT_INSPECTION" },
        "input.source",
        "联合检查的整改要求随成员单位的检查结果记录（recordDepartmentFindings）",
      ],
      ["a demand already in the tracker", "emergency", {}, "input.sourceRecordId", "HI-2025-0917 的整改要求已在台账中"],
      [
        "an inspection day in the future",
        "emergency",
        { demandedOn: "2999-01-01", dueOn: "2999-02-01" },
        "input.demandedOn",
        "不能晚于今天 (2026-06-15)",
      ],
    ])("refuses a demand with %s, and stores nothing", async (_case, agency, change, field, reason) => {
      const before = await rows();
      const input = { ...demands()[0], requirement: "限期整改", demandedOn: "2025-09-17", dueOn: "2025-09-26", ...change };
      delete (input as { agency?: string }).agency;
      expect(await hub.post({ query: demand, variables: { input } }, await as(agency))).toEqual(
        refused("demandRectification", field, reason),
      );
      expect(await rows()).toEqual(before);
    });

    it("refuses a demand of a kind the department does not make", async () => {
      const { agency: _emergency, ...input } = demands()[2];
      const answer = await hub.post(
        { query: demand, variables: { input: { ...input, requirement: "x", demandedOn: "2025-09-17", dueOn: "2025-09-26" } } },
        await as("emergency"),
      );
      expect(answer.body.errors[0].extensions).toEqual(
        expect.objectContaining({ code: "FORBIDDEN", owner: "unions", agency: "emergency" }),
      );
    });

    it("lets only the demanding department confirm, with evidence, or reject, with a reason", async () => {
      const housing = `housing:CSI-2025-0917`;
      const confirm = { id: housing, confirmed: true, reviewedOn: "2025-10-09", evidence: "复查照片与整改报告" };
      expect(await hub.post({ query: review, variables: { input: confirm } }, await as("emergency"))).toEqual(
        forbidden("只有提出整改要求的 housing 可以确认或退回；emergency 不可以", { owner: "housing", agency: "emergency" }),
      );
      expect(await hub.post({ query: review, variables: { input: { ...confirm, evidence: null } } }, await as("housing"))).toEqual(
        refused("reviewRectification", "input.evidence", "确认整改须写明整改证据"),
      );
      expect(
        await hub.post(
          { query: review, variables: { input: { id: "unions:SC-2025-0917", confirmed: false, reviewedOn: "2025-10-09" } } },
          await as("unions"),
        ),
      ).toEqual(refused("reviewRectification", "input.reason", "退回整改须写明理由"));
      expect(
        await hub.post({ query: review, variables: { input: { ...confirm, reviewedOn: "2025-09-16" } } }, await as("housing")),
      ).toEqual(refused("reviewRectification", "input.reviewedOn", "不能早于提出整改要求之日 2025-09-17"));
      expect(await hub.post({ query: review, variables: { input: confirm } }, await as("housing"))).toEqual({
        status: 200,
        body: {
          data: {
            reviewRectification: {
              id: housing,
              state: "CONFIRMED",
              evidence: "复查照片与整改报告",
              rejectionReason: null,
              reviewedBy: "housing/tester",
              reviewedOn: "2025-10-09",
            },
          },
        },
      });
      expect(await hub.post({ query: review, variables: { input: confirm } }, await as("housing"))).toEqual(
        refused("reviewRectification", "input.id", "该整改已于 2025-10-09 确认"),
      );
      const rejected = await hub.post(
        {
          query: review,
          variables: { input: { id: "unions:SC-2025-0917", confirmed: false, reviewedOn: "2025-10-09", reason: "防护用品仍未发放" } },
        },
        await as("unions"),
      );
      expect(rejected.body.data.reviewRectification).toEqual(
        expect.objectContaining({ state: "REJECTED", rejectionReason: "防护用品仍未发放", reviewedBy: "unions/tester" }),
      );
    });

    // Deadline Friday 2025-09-26: Sunday 09-28 is worked (调休), 10-01…10-08 are off, Saturday 10-11 is worked.
    const reminder = { stage: "REMINDER", escalatedOn: "2025-09-28" };
    const notice = { stage: "NOTICE", escalatedOn: "2025-10-10" };
    const referral = { stage: "REFERRAL", escalatedOn: "2025-10-16" };

    it("lists overdue rectifications from all four sources in one view, escalated on schedule around 国庆", async () => {
      const answer = await hub.post({ query: tracker, variables: { asOf: "2025-10-20" } }, await as("coordination", ["viewer"]));
      expect(answer.body.data.rectifications.nodes).toEqual([
        {
          id: `emergency:HI-2025-0917`,
          source: "HAZARD_INSPECTION",
          sourceRecordId: "HI-2025-0917",
          demandingAgency: "emergency",
          requirement: "限期整改",
          dueOn: "2025-09-26",
          state: "OPEN",
          enterprise: { creditCode: enterprise(1) },
          escalations: [reminder, notice, referral],
        },
        {
          id: `emergency:${targetId}`,
          source: "JOINT_INSPECTION",
          sourceRecordId: targetId,
          demandingAgency: "emergency",
          requirement: "补设有限空间警示标识",
          dueOn: "2025-09-26",
          state: "OPEN",
          enterprise: { creditCode: enterprise(0) },
          escalations: [reminder, notice, referral],
        },
        {
          id: `unions:SC-2025-0917`,
          source: "SUPERVISION_CHECK",
          sourceRecordId: "SC-2025-0917",
          demandingAgency: "unions",
          requirement: "限期整改",
          dueOn: "2025-09-26",
          state: "REJECTED",
          enterprise: { creditCode: enterprise(3) },
          escalations: [reminder, notice, referral],
        },
      ]);
      const housingAsOfReview = await hub.post(
        { query: `{ rectifications(first: 5, asOf: "2025-10-20") { nodes { id state escalations(asOf: "2025-10-20") { stage } } } }` },
        await as("housing", ["viewer"]),
      );
      expect(housingAsOfReview.body.data.rectifications.nodes).toEqual([
        { id: "housing:CSI-2025-0917", state: "CONFIRMED", escalations: [{ stage: "REMINDER" }] },
      ]);
      const beforeNotice = await hub.post({ query: tracker, variables: { asOf: "2025-10-09" } }, await as("coordination", ["viewer"]));
      expect(beforeNotice.body.data.rectifications.nodes.map((node: { escalations: unknown[] }) => node.escalations)).toEqual([
        [reminder],
        [reminder],
        [reminder],
      ]);
      const emergencyOwn = await hub.post({ query: tracker, variables: { asOf: "2025-10-20" } }, await as("emergency", ["viewer"]));
      expect(emergencyOwn.body.data.rectifications.nodes.map((node: { id: string }) => node.id)).toEqual([
        "emergency:HI-2025-0917",
        `emergency:${targetId}`,
      ]);
    });

    it("lists the period's escalations in the meeting report", async () => {
      const answer = await hub.post(
        {
          query: `{ meetingReport(regionCode: "370300", period: "2025") { rectificationEscalations { stage escalatedOn addressedTo rectification { id } } } }`,
        },
        { ...(await as("coordination", ["viewer"])), "x-lianfang-purpose": "MEETING_REPORT" },
      );
      const ids = [`emergency:HI-2025-0917`, `emergency:${targetId}`, "housing:CSI-2025-0917", "unions:SC-2025-0917"];
      const addressedTo = {
        REMINDER: "被检查企业（催告整改）",
        NOTICE: "企业的行业主管部门（通报）",
        REFERRAL: "有管辖权的执法部门（移交依法处理）",
      };
      const entry = (escalation: { stage: keyof typeof addressedTo; escalatedOn: string }, id: string) => ({
        ...escalation,
        addressedTo: addressedTo[escalation.stage],
        rectification: { id },
      });
      expect(answer.body.data.meetingReport.rectificationEscalations).toEqual([
        ...ids.map((id) => entry(reminder as never, id)),
        ...ids.filter((id) => !id.startsWith("housing")).map((id) => entry(notice as never, id)),
        ...ids.filter((id) => !id.startsWith("housing")).map((id) => entry(referral as never, id)),
      ]);
    });
  });
});
