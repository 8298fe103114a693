import { ExpertAssignment, ExpertDraw } from "../subgraphs/coordination/expert.entity";
import { rejectedBy } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const rejected = rejectedBy("coordination");
const register = `mutation($input: RegisterExpertInput!) { registerExpert(input: $input) { id available } }`;
const draw = `mutation($input: DrawExpertsInput!) {
  drawExperts(input: $input) { id purpose subjectRef seed pool excluded drawnBy experts { designated expert { id employer } } }
}`;
const opinion = `mutation($input: RecordExpertOpinionInput!) { recordExpertOpinion(input: $input) { id conclusion opinion opinionOn } }`;

describe("the expert database and recorded, reproducible draws", () => {
  let hub: Federation;
  const as = async (agency: string) => ({ authorization: `Bearer ${await hub.keys.token({ agency, roles: ["admin"] })}` });
  const company = (index: number) => hub.city.enterprises[index].creditCode;
  const ids: Record<string, string> = {};
  let inspectionId: string;
  const stored = async () => ({
    draws: await hub.databases.coordination.getRepository(ExpertDraw).count(),
    assignments: await hub.databases.coordination.getRepository(ExpertAssignment).count(),
  });
  const drawnIds = (answer: { body: { data: { drawExperts: { experts: { expert: { id: string } }[] } } } }) =>
    answer.body.data.drawExperts.experts.map((assignment) => assignment.expert.id).sort();

  beforeAll(async () => {
    hub = await startFederation();
    const office = await as("coordination");
    const experts = {
      atTarget: { employer: "目标化工公司", employerCreditCode: company(20) },
      atEmergency: { employer: "市应急管理局", employerAgency: "emergency" },
      atApplicant: { employer: "申报企业", employerCreditCode: company(21) },
      independent1: { employer: "山东理工大学" },
      independent2: { employer: "淄博职业学院" },
      independent3: { employer: "市安全生产协会" },
      independent4: { employer: "某设计院" },
      away: { employer: "外出专家单位" },
    };
    for (const [key, employment] of Object.entries(experts)) {
      const input = { name: `专家${key}`, fields: ["危险化学品", "职业卫生"], title: "高级工程师", regionCode: "370303", ...employment };
      ids[key] = (await hub.post({ query: register, variables: { input } }, office)).body.data.registerExpert.id;
    }
    await hub.post({ query: `mutation { setExpertAvailability(input: { id: "${ids.away}", available: false }) { id } }` }, office);
    const planned = await hub.post(
      {
        query: `mutation { planJointInspection(input: { title: "危化联合检查", leadAgency: "emergency", agencies: ["emergency", "hrss"], plannedOn: "2025-09-15" }) { id } }`,
      },
      office,
    );
    inspectionId = planned.body.data.planJointInspection.id;
    await hub.post(
      { query: `mutation { addInspectionTarget(input: { inspectionId: "${inspectionId}", creditCode: "${company(20)}" }) { id } }` },
      office,
    );
  });
  afterAll(() => hub.stop());

  it("draws for a joint inspection without the experts of the target or a member department, recorded and reproducible", async () => {
    const input = { purpose: "JOINT_INSPECTION", subjectRef: inspectionId, field: "危险化学品", count: 2, seed: "2025-lianfang" };
    const first = await hub.post({ query: draw, variables: { input } }, await as("coordination"));
    const recorded = first.body.data.drawExperts;
    expect(recorded).toEqual(
      expect.objectContaining({
        purpose: "JOINT_INSPECTION",
        subjectRef: inspectionId,
        seed: "2025-lianfang",
        pool: [ids.atApplicant, ids.independent1, ids.independent2, ids.independent3, ids.independent4],
        excluded: [`${ids.atTarget}: 受聘于相关企业，须回避`, `${ids.atEmergency}: 受聘于相关部门，须回避`],
        drawnBy: "coordination/tester",
      }),
    );
    expect(recorded.experts).toHaveLength(2);
    for (const assignment of recorded.experts) expect(recorded.pool).toContain(assignment.expert.id);

    // The same seed over the same pool, for another subject, draws the same experts.
    const again = await hub.post(
      {
        query: draw,
        variables: { input: { ...input, purpose: "PROJECT_REVIEW", subjectRef: "GSYF-2025-099", conflictingCreditCodes: [company(20)] } },
      },
      await as("hrss"),
    );
    expect(drawnIds(again)).toEqual(drawnIds(first));
  });

  it("refuses an expert drawn twice for one project, a draw with too few qualified experts, and stores nothing", async () => {
    const hrss = await as("hrss");
    const input = {
      purpose: "PROJECT_ACCEPTANCE",
      subjectRef: "GSYF-2025-001",
      field: "危险化学品",
      count: 3,
      conflictingCreditCodes: [company(21)],
    };
    const first = await hub.post({ query: draw, variables: { input } }, hrss);
    expect(first.body.data.drawExperts.excluded).toEqual([`${ids.atApplicant}: 受聘于相关企业，须回避`]);
    const [already] = drawnIds(first);
    const before = await stored();

    expect(await hub.post({ query: draw, variables: { input: { ...input, count: 1, designatedExpertIds: [already] } } }, hrss)).toEqual(
      rejected("drawExperts", "input.designatedExpertIds[0]", `专家 ${already} 已为该事项抽取，不能重复抽取`),
    );
    // Eight registered, one away, one employed by the applicant, three already drawn: three remain.
    expect(await hub.post({ query: draw, variables: { input: { ...input, count: 4 } } }, hrss)).toEqual(
      rejected("drawExperts", "input.count", "合格且无利益冲突的专家不足：需要 4 名，只有 3 名"),
    );
    expect(await hub.post({ query: draw, variables: { input: { ...input, conflictingCreditCodes: [] } } }, hrss)).toEqual(
      rejected("drawExperts", "input.conflictingCreditCodes", "须填写项目的申报单位和服务机构，以便回避"),
    );
    expect(
      (await hub.post({ query: draw, variables: { input: { ...input, purpose: "JOINT_INSPECTION", subjectRef: inspectionId } } }, hrss))
        .body.errors[0].extensions,
    ).toEqual({ code: "FORBIDDEN", owner: "coordination", agency: "hrss", serviceName: "coordination" });
    expect(await stored()).toEqual(before);
  });

  it("records the drawn experts' opinions on a project's acceptance, by 人社 alone", async () => {
    const drawn = await hub.post(
      { query: `{ expertDraws(first: 5, subjectRef: "GSYF-2025-001") { nodes { id experts { expert { id } } } } }` },
      await as("hrss"),
    );
    const [{ id: drawId, experts }] = drawn.body.data.expertDraws.nodes;
    const input = {
      drawId,
      expertId: experts[0].expert.id,
      conclusion: "PASS",
      opinion: "培训课时与考核记录齐全，同意验收",
      opinionOn: "2025-12-01",
    };

    expect((await hub.post({ query: opinion, variables: { input } }, await as("coordination"))).body.errors[0].extensions).toEqual(
      expect.objectContaining({ code: "FORBIDDEN", owner: "hrss" }),
    );
    expect(await hub.post({ query: opinion, variables: { input: { ...input, expertId: ids.away } } }, await as("hrss"))).toEqual(
      rejected("recordExpertOpinion", "input.expertId", `专家 ${ids.away} 不是这次抽取的专家`),
    );
    expect(await hub.post({ query: opinion, variables: { input } }, await as("hrss"))).toEqual({
      status: 200,
      body: {
        data: {
          recordExpertOpinion: { id: `${drawId}/${input.expertId}`, conclusion: "PASS", opinion: input.opinion, opinionOn: "2025-12-01" },
        },
      },
    });
    expect(await hub.post({ query: opinion, variables: { input } }, await as("hrss"))).toEqual(
      rejected("recordExpertOpinion", "input.expertId", `专家 ${input.expertId} 的意见已于 2025-12-01 记录`),
    );
  });

  it("lists experts by field of expertise", async () => {
    const answer = await hub.post({ query: `{ experts(first: 20, field: "职业卫生") { nodes { id available } } }` }, await as("health"));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...answer.body.data.experts.nodes].sort(byId)).toEqual(
      Object.entries(ids)
        .map(([key, id]) => ({ id, available: key !== "away" }))
        .sort(byId),
    );
    expect(
      (await hub.post({ query: `{ experts(first: 20, field: "卫生") { nodes { id } } }` }, await as("health"))).body.data.experts.nodes,
    ).toEqual([]);
  });

  it("matches a field of expertise literally: wildcards in it match nothing", async () => {
    const listed = async (field: string) =>
      (await hub.post({ query: `{ experts(first: 20, field: "${field}") { nodes { id } } }` }, await as("health"))).body.data.experts.nodes;

    expect(await listed("%")).toEqual([]);
    expect(await listed("危险化学_")).toEqual([]);
    expect((await listed("危险化学品")).length).toBeGreaterThan(0);
  });
});
