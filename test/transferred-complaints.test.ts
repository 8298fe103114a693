import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { personPid } from "../kernel/identifiers/pseudonym";
import { Complaint } from "../subgraphs/unions/complaint.entity";
import { rejectedBy } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const rejected = rejectedBy("unions");
const outcome = "id status transferredTo acceptedOn answer answeredOn handledBy resolvedOn resolution";
const accept = `mutation($input: AcceptTransferredComplaintInput!) { acceptTransferredComplaint(input: $input) { ${outcome} } }`;
const answer = `mutation($input: AnswerTransferredComplaintInput!) { answerTransferredComplaint(input: $input) { ${outcome} } }`;
const close = `mutation($input: CloseTransferredComplaintInput!) { closeTransferredComplaint(input: $input) { ${outcome} } }`;

describe("a complaint the union transferred, acted on by the receiving department", () => {
  let hub: Federation;
  let id: string;
  const as = async (agency: string, roles: ("admin" | "viewer")[] = ["admin"]) => ({
    authorization: `Bearer ${await hub.keys.token({ agency, roles })}`,
  });
  const first17 = "370303198805061234";
  const complainantIdNumber = first17.slice(0, 17) + idNumberCheckCharacter(first17.slice(0, 17));
  const stored = async () => hub.databases.unions.getRepository(Complaint).findOneByOrFail({ id });

  beforeAll(async () => {
    hub = await startFederation();
    const received = await hub.post(
      {
        query: `mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) { id status transferredTo } }`,
        variables: {
          input: {
            receivedOn: "2026-06-01",
            creditCode: hub.city.enterprises[5].creditCode,
            category: "SAFETY_HAZARD",
            summary: "车间消防通道被堵",
            complainantIdNumber,
            transferredTo: "emergency",
          },
        },
      },
      await as("unions"),
    );
    ({ id } = received.body.data.receiveComplaint);
  });
  afterAll(() => hub.stop());

  it("refuses another department, a viewer, an answer before acceptance and days out of order, changing nothing", async () => {
    const before = await stored();
    const byHealth = await hub.post({ query: accept, variables: { input: { id, acceptedOn: "2026-06-02" } } }, await as("health"));
    expect(byHealth.body.errors[0]).toEqual(
      expect.objectContaining({
        message: "这件投诉未转办给 health",
        extensions: { code: "FORBIDDEN", agency: "health", transferredTo: "emergency", serviceName: "unions" },
      }),
    );
    const byViewer = await hub.post(
      { query: accept, variables: { input: { id, acceptedOn: "2026-06-02" } } },
      await as("emergency", ["viewer"]),
    );
    expect(byViewer.body.errors[0].extensions).toEqual({ code: "FORBIDDEN", requiredRole: "admin", serviceName: "unions" });
    expect(
      await hub.post(
        { query: answer, variables: { input: { id, answer: "已责令整改", answeredOn: "2026-06-03" } } },
        await as("emergency"),
      ),
    ).toEqual(rejected("answerTransferredComplaint", "input.id", "须先受理才能答复"));
    expect(await hub.post({ query: accept, variables: { input: { id, acceptedOn: "2026-05-31" } } }, await as("emergency"))).toEqual(
      rejected("acceptTransferredComplaint", "input.acceptedOn", "不能早于工会收到投诉之日 2026-06-01"),
    );
    expect(await hub.post({ query: close, variables: { input: { id, closedOn: "2026-06-04" } } }, await as("emergency"))).toEqual(
      rejected("closeTransferredComplaint", "input.id", "须先答复才能办结"),
    );
    expect(await stored()).toEqual(before);
  });

  it("is accepted, answered and closed by the receiving department; the union sees the outcome, the complainant by pid only", async () => {
    const emergency = await as("emergency");
    await hub.post({ query: accept, variables: { input: { id, acceptedOn: "2026-06-02" } } }, emergency);
    expect(
      await hub.post(
        { query: answer, variables: { input: { id, answer: "已现场检查，责令清理消防通道", answeredOn: "2026-06-01" } } },
        emergency,
      ),
    ).toEqual(rejected("answerTransferredComplaint", "input.answeredOn", "不能早于受理之日 2026-06-02"));
    await hub.post(
      { query: answer, variables: { input: { id, answer: "已现场检查，责令清理消防通道", answeredOn: "2026-06-05" } } },
      emergency,
    );
    const closed = await hub.post({ query: close, variables: { input: { id, closedOn: "2026-06-09" } } }, emergency);
    const expected = {
      id,
      status: "RESOLVED",
      transferredTo: "emergency",
      acceptedOn: "2026-06-02",
      answer: "已现场检查，责令清理消防通道",
      answeredOn: "2026-06-05",
      handledBy: "emergency/tester",
      resolvedOn: "2026-06-09",
      resolution: "已现场检查，责令清理消防通道",
    };
    expect(closed).toEqual({ status: 200, body: { data: { closeTransferredComplaint: expected } } });
    expect(await hub.post({ query: close, variables: { input: { id, closedOn: "2026-06-10" } } }, emergency)).toEqual(
      rejected("closeTransferredComplaint", "input.id", "这件投诉已于 2026-06-09 办结"),
    );

    const byUnion = await hub.post(
      {
        query: `query($code: String!) { enterprise(creditCode: $code) { complaints { ${outcome} complainant { pid } } } }`,
        variables: { code: hub.city.enterprises[5].creditCode },
      },
      await as("unions", ["viewer"]),
    );
    expect(byUnion.body.data.enterprise.complaints).toContainEqual({
      ...expected,
      complainant: { pid: personPid(complainantIdNumber, hub.keys.linkingSecret) },
    });
    const byEmergency = await hub.post(
      {
        query: `query($code: String!) { enterprise(creditCode: $code) { complaints { id complainant { pid } } } }`,
        variables: { code: hub.city.enterprises[5].creditCode },
      },
      await as("emergency", ["viewer"]),
    );
    expect(byEmergency.status).toBe(403);
  });
});
