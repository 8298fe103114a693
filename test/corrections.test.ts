import { chinaToday } from "../kernel/calendar";
import { fenToYuanText } from "../kernel/money";
import { ConstructionProject } from "../subgraphs/housing/construction-project.entity";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { seeded } from "./support/expected";
import { startFederation, testClock, type Federation } from "./support/federation";

const raise = `mutation Raise($input: RaiseCorrectionInput!) { raiseCorrection(input: $input) { id requester raisedBy owner resource recordKey proposedValue status answerDueOn overdue } }`;
const accept = `mutation Accept($input: AcceptCorrectionInput!) { acceptCorrection(input: $input) { status appliedVersion answeredBy } }`;
const reject = `mutation Reject($input: RejectCorrectionInput!) { rejectCorrection(input: $input) { status reason } }`;
const list = `query List($status: CorrectionStatus, $overdue: Boolean) { correctionRequests(first: 50, status: $status, overdue: $overdue) { nodes { id status overdue } } }`;
const verified = `query Verified($status: CorrectionStatus) { correctionRequests(first: 50, status: $status) { nodes { id status appliedVersion appliedChange { requestId applied version changedAt changedBy finding } } } }`;
const saveEnterprise = `mutation Fix($input: EnterpriseInput!, $ref: String) { saveEnterprise(input: $input, correctionRef: $ref) { name version } }`;

describe("纠错: a department reports a wrong shared value, its owner answers and corrects it", () => {
  let hub: Federation;
  const post = async (query: string, variables: Record<string, unknown>, agency: string, roles = ["admin"]) =>
    hub.post(
      { query, variables },
      {
        authorization: `Bearer ${await hub.keys.token({ agency, roles: roles as never, user: `${agency}-clerk` })}`,
        "x-lianfang-purpose": "DATA_MAINTENANCE",
      },
    );
  const enterprise = () => seeded(hub.city, "hrss", Enterprise)[3];
  const request = (change: Record<string, unknown> = {}) => ({
    resource: "Enterprise.name",
    recordKey: enterprise().creditCode,
    proposedValue: "淄博更正后名称有限公司",
    evidence: "营业执照副本 (2025-05-06 变更登记)",
    ...change,
  });

  beforeAll(async () => {
    hub = await startFederation();
  });
  afterAll(() => hub.stop());

  it("应急 raises a correction against an hrss field; 人社 applies it as an ordinary update and accepts", async () => {
    const raised = await post(raise, { input: request() }, "emergency", ["viewer"]);
    const id = raised.body.data.raiseCorrection.id;
    expect(raised.body.data.raiseCorrection).toEqual({
      id: expect.stringMatching(/^CR-[0-9a-f-]{36}$/),
      requester: "emergency",
      raisedBy: "emergency-clerk",
      owner: "hrss",
      resource: "Enterprise.name",
      recordKey: enterprise().creditCode,
      proposedValue: "淄博更正后名称有限公司",
      status: "OPEN",
      // Ten working days from the test clock's 2026-06-15, the 端午 holiday (06-19) skipped.
      answerDueOn: "2026-06-30",
      overdue: false,
    });
    const open = await post(list, { status: "OPEN" }, "hrss");
    expect(open.body.data.correctionRequests.nodes).toEqual([{ id, status: "OPEN", overdue: false }]);
    expect((await post(list, {}, "housing")).body.data.correctionRequests.nodes).toEqual([]);

    expect((await post(accept, { input: { id, appliedVersion: 2 } }, "emergency")).body.errors[0].extensions.code).toBe("FORBIDDEN");

    const { creditCode, industryCode, regionCode, registeredOn } = enterprise();
    const notYet = await post(verified, { status: "OPEN" }, "hrss");
    expect(notYet.body.data.correctionRequests.nodes).toEqual([
      {
        id,
        status: "OPEN",
        appliedVersion: null,
        appliedChange: {
          requestId: id,
          applied: false,
          version: null,
          changedAt: null,
          changedBy: null,
          finding: `hrss 的 Enterprise ${creditCode} 没有指向本申请的变更: 尚未按申请更正`,
        },
      },
    ]);
    const corrected = await post(
      saveEnterprise,
      { input: { creditCode, name: "淄博更正后名称有限公司", industryCode, regionCode, registeredOn, version: 1 }, ref: id },
      "hrss",
    );
    expect(corrected.body.data.saveEnterprise).toEqual({ name: "淄博更正后名称有限公司", version: 2 });
    const accepted = await post(accept, { input: { id, appliedVersion: 2 } }, "hrss");
    expect(accepted.body.data.acceptCorrection).toEqual({ status: "ACCEPTED", appliedVersion: 2, answeredBy: "hrss/hrss-clerk" });

    const history = await post(
      `{ enterprise(creditCode: "${creditCode}") { history { version correctionRef fields { field to } } } }`,
      {},
      "hrss",
    );
    expect(history.body.data.enterprise.history).toEqual([
      { version: 2, correctionRef: id, fields: [{ field: "name", to: "淄博更正后名称有限公司" }] },
    ]);
    const seenByRequester = await post(list, { status: "ACCEPTED" }, "emergency", ["viewer"]);
    expect(seenByRequester.body.data.correctionRequests.nodes).toEqual([{ id, status: "ACCEPTED", overdue: false }]);
    const applied = {
      id,
      status: "ACCEPTED",
      appliedVersion: 2,
      appliedChange: {
        requestId: id,
        applied: true,
        version: 2,
        changedAt: testClock().toISOString(),
        changedBy: "hrss/hrss-clerk",
        finding: `已按本申请更正: Enterprise ${creditCode} 第 2 版 (${chinaToday(testClock())}, hrss/hrss-clerk) 更改了 name`,
      },
    };
    // The requester and an auditor of another department see the change from hrss's own history, not hrss's word.
    expect((await post(verified, { status: "ACCEPTED" }, "emergency", ["viewer"])).body.data.correctionRequests.nodes).toEqual([applied]);
    expect((await post(verified, { status: "ACCEPTED" }, "housing", ["auditor"])).body.data.correctionRequests.nodes).toEqual([applied]);

    const again = await post(reject, { input: { id, reason: "再次答复" } }, "hrss");
    expect(again.body.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.id",
      reason: "纠错申请已答复 (ACCEPTED), 不能再次答复",
    });
  });

  it("rejects with a reason, and refuses a rejection without one", async () => {
    const id = (await post(raise, { input: request({ proposedValue: "另一个名称" }) }, "transport", ["viewer"])).body.data.raiseCorrection
      .id;
    const blank = await post(reject, { input: { id, reason: "  " } }, "hrss");
    expect(blank.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reason", reason: "不能为空" });
    const rejected = await post(reject, { input: { id, reason: "登记信息与营业执照一致" } }, "hrss");
    expect(rejected.body.data.rejectCorrection).toEqual({ status: "REJECTED", reason: "登记信息与营业执照一致" });
  });

  it("shows an acceptance without the correction in the record as not applied, and an update naming the request but not the field too", async () => {
    const { creditCode, name, industryCode, regionCode, registeredOn } = seeded(hub.city, "hrss", Enterprise)[5];
    const id = (await post(raise, { input: request({ recordKey: creditCode, proposedValue: "未更正的名称" }) }, "transport", ["viewer"]))
      .body.data.raiseCorrection.id;
    const accepted = await post(accept, { input: { id, appliedVersion: 2 } }, "hrss");
    expect(accepted.body.data.acceptCorrection).toEqual({ status: "ACCEPTED", appliedVersion: 2, answeredBy: "hrss/hrss-clerk" });
    const shown = async () =>
      (await post(verified, { status: "ACCEPTED" }, "transport", ["viewer"])).body.data.correctionRequests.nodes.find(
        (node: { id: string }) => node.id === id,
      );
    expect(await shown()).toEqual({
      id,
      status: "ACCEPTED",
      appliedVersion: 2,
      appliedChange: {
        requestId: id,
        applied: false,
        version: null,
        changedAt: null,
        changedBy: null,
        finding: `hrss 的 Enterprise ${creditCode} 没有指向本申请的变更: 尚未按申请更正`,
      },
    });

    const otherField = await post(
      saveEnterprise,
      {
        input: { creditCode, name, industryCode: industryCode === "2614" ? "C2611" : "C2614", regionCode, registeredOn, version: 1 },
        ref: id,
      },
      "hrss",
    );
    expect(otherField.body.data.saveEnterprise).toEqual({ name, version: 2 });
    expect((await shown()).appliedChange).toEqual({
      requestId: id,
      applied: false,
      version: null,
      changedAt: null,
      changedBy: null,
      finding: `Enterprise ${creditCode} 第 2 版指向本申请, 但没有更改 name: 尚未按申请更正`,
    });
  });

  it("asks the owning department itself: 住建 answers for a correction of a construction project", async () => {
    const project = seeded(hub.city, "housing", ConstructionProject)[0];
    const id = (
      await post(
        raise,
        { input: request({ resource: "ConstructionProject.name", recordKey: project.permitNo, proposedValue: "更正后的项目名称" }) },
        "emergency",
        ["viewer"],
      )
    ).body.data.raiseCorrection.id;
    const saved = await post(
      `mutation Fix($input: ConstructionProjectInput!, $ref: String) { saveConstructionProject(input: $input, correctionRef: $ref) { name version } }`,
      {
        input: {
          permitNo: project.permitNo,
          name: "更正后的项目名称",
          creditCode: project.creditCode,
          regionCode: project.regionCode,
          permitIssuedOn: project.permitIssuedOn,
          status: project.status,
          contractValueYuan: fenToYuanText(project.contractValueFen),
          version: 1,
        },
        ref: id,
      },
      "housing",
    );
    expect(saved.body.data.saveConstructionProject).toEqual({ name: "更正后的项目名称", version: 2 });
    expect((await post(accept, { input: { id, appliedVersion: 2 } }, "housing")).body.data.acceptCorrection.status).toBe("ACCEPTED");
    const seen = await post(verified, { status: "ACCEPTED" }, "emergency", ["viewer"]);
    expect(seen.body.data.correctionRequests.nodes.find((node: { id: string }) => node.id === id)).toEqual({
      id,
      status: "ACCEPTED",
      appliedVersion: 2,
      appliedChange: {
        requestId: id,
        applied: true,
        version: 2,
        changedAt: testClock().toISOString(),
        changedBy: "housing/housing-clerk",
        finding: `已按本申请更正: ConstructionProject ${project.permitNo} 第 2 版 (${chinaToday(testClock())}, housing/housing-clerk) 更改了 name`,
      },
    });
  });

  it("lists an unanswered request as overdue once its 10 working days have passed", async () => {
    const id = (await post(raise, { input: request({ proposedValue: "逾期测试" }) }, "unions", ["viewer"])).body.data.raiseCorrection.id;
    await hub.databases.coordination.query("UPDATE correction_request SET answer_due_on = ? WHERE id = ?", ["2025-01-02", id]);
    for (const agency of ["unions", "hrss"]) {
      const overdue = await post(list, { overdue: true }, agency, ["viewer"]);
      expect(overdue.body.data.correctionRequests.nodes).toEqual([{ id, status: "OPEN", overdue: true }]);
    }
  });

  it.each([
    ["a field that is not shared", { resource: "Person.phone" }, "input.resource", "Person.phone 未向其他部门共享 (NONE), 不能纠错"],
    [
      "a key every department holds",
      { resource: "Enterprise.creditCode" },
      "input.resource",
      "Enterprise.creditCode 是各部门共同持有的关联键, 不能纠错",
    ],
    [
      "a field not in the catalogue",
      { resource: "Enterprise.secret" },
      "input.resource",
      "Enterprise.secret 不是资源目录中的字段 (写作 类型.字段, 如 Enterprise.name)",
    ],
    [
      "a whole type",
      { resource: "Enterprise.*" },
      "input.resource",
      "Enterprise.* 不是资源目录中的字段 (写作 类型.字段, 如 Enterprise.name)",
    ],
    ["no evidence", { evidence: " " }, "input.evidence", "不能为空"],
  ])("refuses %s, storing nothing", async (_case, change, field, reason) => {
    const before = await post(list, {}, "emergency", ["viewer"]);
    const refused = await post(raise, { input: request(change) }, "emergency", ["viewer"]);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field, reason }) }),
    ]);
    expect((await post(list, {}, "emergency", ["viewer"])).body).toEqual(before.body);
  });

  it("refuses a correction of the department's own field: it corrects it directly", async () => {
    const refused = await post(raise, { input: request() }, "hrss");
    expect(refused.body.errors[0].extensions).toMatchObject({
      field: "input.resource",
      reason: "Enterprise.name 由本部门 hrss 维护, 请直接更正",
    });
  });
});
