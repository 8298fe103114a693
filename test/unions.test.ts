import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { personPid } from "../kernel/identifiers/pseudonym";
import { Complaint, ComplaintStatus } from "../subgraphs/unions/complaint.entity";
import { SupervisionCheck } from "../subgraphs/unions/supervision-check.entity";
import { TrainingSession } from "../subgraphs/unions/training-session.entity";
import { notRealDate, rejectedBy, seeded, whereEquals } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : 1;
const idNumber = (birth: string, sequence = "123") => {
  const first17 = `370303${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
};
const rejected = rejectedBy("unions");

describe("unions through the gateway", () => {
  let hub: Federation;
  let admin: Record<string, string>;

  beforeAll(async () => {
    hub = await startFederation();
    admin = { authorization: `Bearer ${await hub.keys.token({ agency: "unions", roles: ["admin"] })}` };
  });
  afterAll(() => hub.stop());

  const complaints = () => seeded(hub.city, "unions", Complaint);
  const complaintView = (complaint: Complaint) => ({
    id: complaint.id,
    receivedOn: complaint.receivedOn,
    category: complaint.category,
    status: complaint.status,
    transferredTo: complaint.transferredTo,
    resolvedOn: complaint.resolvedOn,
    complainant: complaint.complainantPid ? { pid: complaint.complainantPid } : null,
  });
  const complaintFields = "id receivedOn category status transferredTo resolvedOn complainant { pid }";

  it("lists complaints still with the department they were transferred to", async () => {
    const expected = complaints()
      .filter((complaint) => complaint.status === ComplaintStatus.TRANSFERRED)
      .sort(byKey((complaint) => complaint.id));
    const response = await hub.post(
      { query: `{ complaints(first: 200, status: TRANSFERRED) { nodes { ${complaintFields} } pageInfo { hasNextPage } } }` },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: { data: { complaints: { nodes: expected.map(complaintView), pageInfo: { hasNextPage: false } } } },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  it("adds complaints to the enterprise record", async () => {
    const creditCode = complaints()[0].creditCode;
    const response = await hub.post(
      {
        query: `query($code: String!) { enterprise(creditCode: $code) { creditCode complaints { ${complaintFields} } } }`,
        variables: { code: creditCode },
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: { enterprise: { creditCode, complaints: whereEquals(complaints(), "creditCode", creditCode, "id").map(complaintView) } },
      },
    });
  });

  it("lists training sessions held in a window, both ends included", async () => {
    const sessions = seeded(hub.city, "unions", TrainingSession).sort(byKey((session) => session.id));
    const [from, to] = [sessions[2].heldOn, sessions[8].heldOn];
    const expected = sessions.filter((session) => session.heldOn >= from && session.heldOn <= to);
    const response = await hub.post(
      {
        query: `query($from: String, $to: String) { trainingSessions(first: 200, heldFrom: $from, heldTo: $to) { nodes { id heldOn topic attendees hours version } } }`,
        variables: { from, to },
      },
      admin,
    );

    expect(response).toEqual({ status: 200, body: { data: { trainingSessions: { nodes: expected } } } });
    expect(expected.map((session) => session.id)).toEqual(sessions.slice(2, 9).map((session) => session.id));
  });

  it("rejects an impossible day in the training filter", async () => {
    expect(await hub.post({ query: `{ trainingSessions(heldTo: "2024-06-31") { nodes { id } } }` }, admin)).toEqual(
      rejected("trainingSessions", "heldTo", notRealDate("2024-06-31")),
    );
  });

  describe("recordSupervisionCheck", () => {
    const mutation = `mutation($input: RecordSupervisionCheckInput!) { recordSupervisionCheck(input: $input) { checkedOn hazardsFound rectificationDueOn status enterprise { creditCode } } }`;
    // Every stored check, whatever its status: a wrongly saved check without hazards would be RECTIFIED, not OPEN.
    const checkCount = () => hub.databases.unions.getRepository(SupervisionCheck).count();
    const creditCode = () => hub.city.enterprises[0].creditCode;

    it.each([
      [{ hazardsFound: 3, rectificationDueOn: "2025-05-06" }, "OPEN"],
      [{ hazardsFound: 0, rectificationDueOn: null }, "RECTIFIED"],
    ])("records %p as %s, a deadline on the check day allowed", async (change, status) => {
      const response = await hub.post(
        { query: mutation, variables: { input: { creditCode: creditCode(), checkedOn: "2025-05-06", ...change } } },
        admin,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            recordSupervisionCheck: {
              checkedOn: "2025-05-06",
              hazardsFound: change.hazardsFound,
              rectificationDueOn: change.rectificationDueOn,
              status,
              enterprise: { creditCode: creditCode() },
            },
          },
        },
      });
    });

    it.each([
      [
        "a deadline the day before the check",
        { rectificationDueOn: "2025-05-05" },
        "input.rectificationDueOn",
        "不能早于检查日期 2025-05-06, 填写的是 2025-05-05",
      ],
      ["hazards without a deadline", { rectificationDueOn: null }, "input.rectificationDueOn", "发现隐患时必须填写整改期限"],
      ["a deadline without hazards", { hazardsFound: 0 }, "input.rectificationDueOn", "未发现隐患时不填写整改期限"],
      ["an invalid credit code", { creditCode: "91370303MA3C1234" }, "input.creditCode", "应为 18 位, 实为 16 位"],
      ["an impossible check day", { checkedOn: "2025-02-29" }, "input.checkedOn", notRealDate("2025-02-29")],
      [
        "a check in the future",
        { checkedOn: "2099-05-06", rectificationDueOn: "2099-06-06" },
        "input.checkedOn",
        "不能晚于今天 (2026-06-15)",
      ],
      ["a negative hazard count", { hazardsFound: -1 }, "input.hazardsFound", "应为 0 至 999 之间的整数, 填写的是 -1"],
    ])("rejects %s and writes nothing", async (_case, change, field, reason) => {
      const before = await checkCount();
      const input = { creditCode: creditCode(), checkedOn: "2025-05-06", hazardsFound: 2, rectificationDueOn: "2025-06-06", ...change };

      expect(await hub.post({ query: mutation, variables: { input } }, admin)).toEqual(rejected("recordSupervisionCheck", field, reason));
      expect(await checkCount()).toBe(before);
    });
  });

  describe("receiveComplaint and resolveComplaint", () => {
    const receive = `mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) { id receivedOn category summary status transferredTo resolvedOn resolution complainant { pid } enterprise { creditCode } } }`;
    const resolve = `mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { id status transferredTo resolvedOn resolution } }`;
    const complaintCount = async () =>
      (await hub.post({ query: "{ complaints(first: 200) { nodes { id } } }" }, admin)).body.data.complaints.nodes.length;
    const complainant = idNumber("19881120", "562");
    const input = () => ({
      receivedOn: "2025-09-01",
      creditCode: hub.city.enterprises[1].creditCode,
      category: "OCCUPATIONAL_HEALTH",
      summary: "  车间粉尘大，未发防尘口罩  ",
    });

    it("receives an anonymous complaint, then resolves it the same day", async () => {
      const received = await hub.post({ query: receive, variables: { input: input() } }, admin);
      const id = received.body.data.receiveComplaint.id;
      const resolved = await hub.post(
        { query: resolve, variables: { input: { id, resolvedOn: "2025-09-01", resolution: "企业已补发防尘口罩" } } },
        admin,
      );

      expect(received).toEqual({
        status: 200,
        body: {
          data: {
            receiveComplaint: {
              id: expect.stringMatching(/^CP-[0-9a-f-]{36}$/),
              receivedOn: "2025-09-01",
              category: "OCCUPATIONAL_HEALTH",
              summary: "车间粉尘大，未发防尘口罩",
              status: "RECEIVED",
              transferredTo: null,
              resolvedOn: null,
              resolution: null,
              complainant: null,
              enterprise: { creditCode: hub.city.enterprises[1].creditCode },
            },
          },
        },
      });
      expect(resolved).toEqual({
        status: 200,
        body: {
          data: {
            resolveComplaint: { id, status: "RESOLVED", transferredTo: null, resolvedOn: "2025-09-01", resolution: "企业已补发防尘口罩" },
          },
        },
      });
    });

    it("receives a named complaint transferred to health, keeping only the complainant's pid", async () => {
      const response = await hub.post(
        { query: receive, variables: { input: { ...input(), complainantIdNumber: complainant, transferredTo: "Health" } } },
        admin,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            receiveComplaint: {
              id: expect.stringMatching(/^CP-[0-9a-f-]{36}$/),
              receivedOn: "2025-09-01",
              category: "OCCUPATIONAL_HEALTH",
              summary: "车间粉尘大，未发防尘口罩",
              status: "TRANSFERRED",
              transferredTo: "health",
              resolvedOn: null,
              resolution: null,
              complainant: { pid: personPid(complainant, hub.keys.linkingSecret) },
              enterprise: { creditCode: hub.city.enterprises[1].creditCode },
            },
          },
        },
      });
    });

    it.each([
      [
        "an unknown department",
        { transferredTo: "police" },
        "input.transferredTo",
        '"police" 不是可转办投诉的部门, 可转办: hrss、emergency、health、transport、housing、coordination',
      ],
      [
        "an invalid complainant ID number",
        { complainantIdNumber: "37030319881131562X" },
        "input.complainantIdNumber",
        "其中的出生日期 19881131 不是 1900 年至今的真实日期",
      ],
      [
        "an invalid credit code",
        { creditCode: "91370303MA3C1234IO" },
        "input.creditCode",
        '第 17 位 "I" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)',
      ],
      ["an empty summary", { summary: "   " }, "input.summary", "不能为空"],
      ["an impossible day", { receivedOn: "2025-11-31" }, "input.receivedOn", notRealDate("2025-11-31")],
      ["a day in the future", { receivedOn: "2099-01-01" }, "input.receivedOn", "不能晚于今天 (2026-06-15)"],
    ])("rejects a complaint with %s and writes nothing", async (_case, change, field, reason) => {
      const before = await complaintCount();

      expect(await hub.post({ query: receive, variables: { input: { ...input(), ...change } } }, admin)).toEqual(
        rejected("receiveComplaint", field, reason),
      );
      expect(await complaintCount()).toBe(before);
    });

    it("rejects resolving before receipt, twice, an unknown complaint, or without a resolution, changing nothing", async () => {
      const open = complaints().find((complaint) => complaint.status !== ComplaintStatus.RESOLVED)!;
      const settled = complaints().find((complaint) => complaint.status === ComplaintStatus.RESOLVED)!;
      const dayBefore = new Date(new Date(open.receivedOn).getTime() - 86_400_000).toISOString().slice(0, 10);
      const attempt = (change: object) =>
        hub.post(
          { query: resolve, variables: { input: { id: open.id, resolvedOn: "2025-12-31", resolution: "已办结", ...change } } },
          admin,
        );

      expect(await attempt({ resolvedOn: dayBefore })).toEqual(
        rejected("resolveComplaint", "input.resolvedOn", `不能早于受理日期 ${open.receivedOn}, 填写的是 ${dayBefore}`),
      );
      expect(await attempt({ id: settled.id })).toEqual(rejected("resolveComplaint", "input.id", `投诉已于 ${settled.resolvedOn} 办结`));
      expect(await attempt({ id: "CP-0000-000000" })).toEqual(rejected("resolveComplaint", "input.id", "没有编号为 CP-0000-000000 的投诉"));
      expect(await attempt({ resolution: "" })).toEqual(rejected("resolveComplaint", "input.resolution", "不能为空"));
      expect(await attempt({ resolvedOn: "2025-13-01" })).toEqual(
        rejected("resolveComplaint", "input.resolvedOn", notRealDate("2025-13-01")),
      );
      const stored = await hub.post({ query: `{ complaints(first: 200, status: ${open.status}) { nodes { id status } } }` }, admin);
      expect(stored.body.data.complaints.nodes).toContainEqual({ id: open.id, status: open.status });
    });
  });
});
