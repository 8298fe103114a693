import { ActionItem, JointMeeting } from "../subgraphs/coordination/joint-meeting.entity";
import { rejectedBy } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const rejected = rejectedBy("coordination");
const record = `mutation($input: RecordJointMeetingInput!) {
  recordJointMeeting(input: $input) {
    id heldOn convenedBy attendingAgencies agenda decisions
    actionItems { id task ownerAgency dueOn doneOn status(asOf: "2025-12-10") }
    report { regionCode period jointWork { inspectionsPlanned } }
  }
}`;
const complete = `mutation($input: CompleteActionItemInput!) { completeActionItem(input: $input) { id doneOn outcome status(asOf: "2026-04-01") } }`;
const tracked = `query($status: ActionItemStatus, $asOf: String) { actionItems(first: 50, status: $status, asOf: $asOf) { nodes { id ownerAgency } } }`;

describe("joint meetings and their action items", () => {
  let hub: Federation;
  const as = async (agency: string) => ({ authorization: `Bearer ${await hub.keys.token({ agency, roles: ["admin"] })}` });
  const meeting = {
    heldOn: "2025-12-10",
    convenedBy: "淄博市工伤预防工作领导小组",
    attendingAgencies: ["hrss", "emergency", "housing", "unions"],
    agenda: ["通报2025年联合检查和限期整改情况", "部署2026年建筑施工领域工伤预防"],
    decisions: ["逾期未整改企业移交依法处理", "2026年一季度开展建筑施工专项检查"],
    actionItems: [
      { task: "将逾期未整改企业名单移交执法", ownerAgency: "emergency", dueOn: "2026-01-31" },
      { task: "制定建筑施工专项检查方案", ownerAgency: "housing", dueOn: "2026-03-31" },
      { task: "组织一线职工工伤预防培训", ownerAgency: "unions", dueOn: "2026-02-15" },
    ],
    report: { regionCode: "370300", period: "2025" },
  };
  const stored = async () => ({
    meetings: await hub.databases.coordination.getRepository(JointMeeting).count(),
    items: await hub.databases.coordination.getRepository(ActionItem).count(),
  });
  let id: string;

  beforeAll(async () => {
    hub = await startFederation();
  });
  afterAll(() => hub.stop());

  it.each([
    [
      "an action item without an owner",
      { actionItems: [{ task: "x", dueOn: "2026-01-31" }] },
      "input.actionItems[0].ownerAgency",
      "行动事项须指定牵头部门",
    ],
    [
      "an action item with a blank owner",
      { actionItems: [{ task: "x", ownerAgency: " ", dueOn: "2026-01-31" }] },
      "input.actionItems[0].ownerAgency",
      "行动事项须指定牵头部门",
    ],
    [
      "an action item due before the meeting",
      { actionItems: [meeting.actionItems[0], { task: "x", ownerAgency: "health", dueOn: "2025-12-09" }] },
      "input.actionItems[1].dueOn",
      "完成期限不能早于会议日 2025-12-10",
    ],
    ["no agenda", { agenda: [] }, "input.agenda", "至少一项议题"],
    [
      "an unknown department",
      { attendingAgencies: ["hrss", "police"] },
      "input.attendingAgencies[1]",
      `"police" 不是成员单位, 成员单位: hrss、emergency、health、transport、housing、unions、coordination`,
    ],
  ])("refuses a meeting with %s, and stores nothing", async (_case, change, field, reason) => {
    const before = await stored();
    expect(await hub.post({ query: record, variables: { input: { ...meeting, ...change } } }, await as("coordination"))).toEqual(
      rejected("recordJointMeeting", field, reason),
    );
    expect(await stored()).toEqual(before);
  });

  it("records a meeting with its decisions, action items and the report it discussed", async () => {
    const answer = await hub.post(
      { query: record, variables: { input: meeting } },
      { ...(await as("coordination")), "x-lianfang-purpose": "MEETING_REPORT" },
    );
    expect(answer.body.errors).toBeUndefined();
    const recorded = answer.body.data.recordJointMeeting;
    id = recorded.id;
    expect(id).toBe("LX-2025-001");
    expect(recorded).toEqual({
      id,
      heldOn: meeting.heldOn,
      convenedBy: meeting.convenedBy,
      attendingAgencies: meeting.attendingAgencies,
      agenda: meeting.agenda,
      decisions: meeting.decisions,
      actionItems: meeting.actionItems.map((item, index) => ({ id: `${id}-0${index + 1}`, ...item, doneOn: null, status: "OPEN" })),
      report: { regionCode: "370300", period: "2025", jointWork: { inspectionsPlanned: expect.any(Number) } },
    });
  });

  it("tracks action items to done or overdue; only the owner reports one done", async () => {
    const item = `${id}-01`;
    const input = { id: item, doneOn: "2026-01-20", outcome: "已移交市应急管理综合行政执法支队" };
    expect((await hub.post({ query: complete, variables: { input } }, await as("housing"))).body.errors[0].extensions).toEqual(
      expect.objectContaining({ code: "FORBIDDEN", owner: "emergency", agency: "housing" }),
    );
    expect(await hub.post({ query: complete, variables: { input: { ...input, doneOn: "2025-12-01" } } }, await as("emergency"))).toEqual(
      rejected("completeActionItem", "input.doneOn", "不能早于会议日 2025-12-10"),
    );
    expect(await hub.post({ query: complete, variables: { input } }, await as("emergency"))).toEqual({
      status: 200,
      body: { data: { completeActionItem: { id: item, doneOn: "2026-01-20", outcome: input.outcome, status: "DONE" } } },
    });
    expect(await hub.post({ query: complete, variables: { input } }, await as("emergency"))).toEqual(
      rejected("completeActionItem", "input.id", "已于 2026-01-20 完成"),
    );

    const list = async (status: string, asOf: string) =>
      (await hub.post({ query: tracked, variables: { status, asOf } }, await as("hrss"))).body.data.actionItems.nodes;
    expect(await list("OVERDUE", "2026-04-01")).toEqual([
      { id: `${id}-02`, ownerAgency: "housing" },
      { id: `${id}-03`, ownerAgency: "unions" },
    ]);
    expect(await list("OVERDUE", "2026-02-20")).toEqual([{ id: `${id}-03`, ownerAgency: "unions" }]);
    expect(await list("DONE", "2026-04-01")).toEqual([{ id: `${id}-01`, ownerAgency: "emergency" }]);
    expect(await list("OPEN", "2026-01-10")).toEqual([
      { id: `${id}-01`, ownerAgency: "emergency" },
      { id: `${id}-02`, ownerAgency: "housing" },
      { id: `${id}-03`, ownerAgency: "unions" },
    ]);
  });
});
