import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { personPid } from "../kernel/identifiers/pseudonym";
import { ConstructionProject, ProjectStatus } from "../subgraphs/housing/construction-project.entity";
import { constructionTrades } from "../subgraphs/housing/housing.rules";
import { ConstructionSafetyInspection } from "../subgraphs/housing/safety-inspection.entity";
import { SiteWorkerRegistration } from "../subgraphs/housing/site-worker.entity";
import { rejectedBy, seeded, whereEquals } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : 1;
const idNumber = (birth: string, sequence = "123") => {
  const first17 = `370303${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
};
/** The birth date, as YYYYMMDD, of someone who turns `years` old on `date`. */
const birthYearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(5, 7)}${date.slice(8, 10)}`;
const dayBefore = (date: string) => new Date(new Date(date).getTime() - 86_400_000).toISOString().slice(0, 10);
const rejected = rejectedBy("housing");

describe("housing through the gateway", () => {
  let hub: Federation;
  let admin: Record<string, string>;

  beforeAll(async () => {
    hub = await startFederation();
    admin = { authorization: `Bearer ${await hub.keys.token({ agency: "housing", roles: ["admin"] })}` };
  });
  afterAll(() => hub.stop());

  const projects = () => seeded(hub.city, "housing", ConstructionProject);
  const registrations = () => seeded(hub.city, "housing", SiteWorkerRegistration);
  const inspections = () => seeded(hub.city, "housing", ConstructionSafetyInspection);
  const underConstruction = () =>
    projects()
      .filter((project) => project.status === ProjectStatus.UNDER_CONSTRUCTION)
      .sort(byKey((project) => project.permitNo));
  const workerView = (registration: SiteWorkerRegistration) => ({
    id: registration.id,
    trade: registration.trade,
    tradeName: constructionTrades[registration.trade],
    enteredOn: registration.enteredOn,
    leftOn: registration.leftOn,
    person: { pid: registration.pid },
  });

  it("lists a contractor's projects issued in a window, with their workers, count and inspections", async () => {
    const contractor = projects()[0].creditCode;
    const expected = projects()
      .filter(
        (project) => project.creditCode === contractor && project.permitIssuedOn >= "2021-01-01" && project.permitIssuedOn <= "2025-12-31",
      )
      .sort(byKey((project) => project.permitNo));
    const response = await hub.post(
      {
        query: `query($code: String!) { constructionProjects(first: 200, creditCode: $code, permitIssuedFrom: "2021-01-01", permitIssuedTo: "2025-12-31") {
          nodes { permitNo workerCount workers { id trade tradeName enteredOn leftOn person { pid } } safetyInspections { id hazards stopWorkOrdered rectificationDueOn } }
          pageInfo { hasNextPage } } }`,
        variables: { code: contractor },
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          constructionProjects: {
            nodes: expected.map((project) => {
              const workers = whereEquals(registrations(), "projectPermitNo", project.permitNo, "id");
              return {
                permitNo: project.permitNo,
                workerCount: workers.length,
                workers: workers.map(workerView),
                safetyInspections: whereEquals(inspections(), "projectPermitNo", project.permitNo, "id").map((inspection) => ({
                  id: inspection.id,
                  hazards: inspection.hazards,
                  stopWorkOrdered: inspection.stopWorkOrdered,
                  rectificationDueOn: inspection.rectificationDueOn,
                })),
              };
            }),
            pageInfo: { hasNextPage: false },
          },
        },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([
    [`{ constructionProjects(creditCode: "91370303MA3C1234") { nodes { permitNo } } }`, "creditCode", "应为 18 位, 实为 16 位"],
    [
      `{ constructionProjects(permitIssuedFrom: "2024-02-30") { nodes { permitNo } } }`,
      "permitIssuedFrom",
      "2024-02-30 不是真实的日期: 2024 年 2 月只有 29 天, 没有 30 日",
    ],
  ])("rejects a bad project filter %s", async (query, field, reason) => {
    expect(await hub.post({ query }, admin)).toEqual(rejected("constructionProjects", field, reason));
  });

  it("adds a person's site registrations to the person record, keyed by pid", async () => {
    const pid = registrations()[0].pid;
    const response = await hub.post(
      {
        query: `query($pid: String!) { person(pid: $pid) { pid siteRegistrations { id projectPermitNo project { permitNo } } } }`,
        variables: { pid },
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          person: {
            pid,
            siteRegistrations: whereEquals(registrations(), "pid", pid, "id").map((r) => ({
              id: r.id,
              projectPermitNo: r.projectPermitNo,
              project: { permitNo: r.projectPermitNo },
            })),
          },
        },
      },
    });
  });

  it("lists inspections that ordered work to stop", async () => {
    const expected = inspections()
      .filter((inspection) => inspection.stopWorkOrdered)
      .sort(byKey((inspection) => inspection.id));
    const response = await hub.post(
      {
        query: `{ constructionSafetyInspections(first: 200, stopWorkOrdered: true) { nodes { id projectPermitNo inspectedOn hazards } } }`,
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          constructionSafetyInspections: {
            nodes: expected.map((inspection) => ({
              id: inspection.id,
              projectPermitNo: inspection.projectPermitNo,
              inspectedOn: inspection.inspectedOn,
              hazards: inspection.hazards,
            })),
          },
        },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  describe("registerSiteWorker", () => {
    const mutation = `mutation($input: RegisterSiteWorkerInput!) { registerSiteWorker(input: $input) { projectPermitNo trade tradeName enteredOn leftOn person { pid } } }`;
    const workerCount = async (permitNo: string) =>
      (
        await hub.post({ query: `{ constructionProjects(first: 200) { nodes { permitNo workerCount } } }` }, admin)
      ).body.data.constructionProjects.nodes.find((node: { permitNo: string }) => node.permitNo === permitNo).workerCount;

    it("registers a worker who turns 16 on the permit day, and counts them on the project", async () => {
      const project = underConstruction()[0];
      const worker = idNumber(birthYearsBefore(project.permitIssuedOn, 16));
      const before = await workerCount(project.permitNo);
      const response = await hub.post(
        {
          query: mutation,
          variables: { input: { idNumber: worker, projectPermitNo: project.permitNo, trade: "welder", enteredOn: project.permitIssuedOn } },
        },
        admin,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            registerSiteWorker: {
              projectPermitNo: project.permitNo,
              trade: "WELDER",
              tradeName: "焊工",
              enteredOn: project.permitIssuedOn,
              leftOn: null,
              person: { pid: personPid(worker, hub.keys.linkingSecret) },
            },
          },
        },
      });
      expect(await workerCount(project.permitNo)).toBe(before + 1);
    });

    it("records a past stay that ends the day it began", async () => {
      const project = underConstruction()[1];
      const response = await hub.post(
        {
          query: mutation,
          variables: {
            input: {
              idNumber: idNumber("19800101", "777"),
              projectPermitNo: project.permitNo,
              trade: "MASON",
              enteredOn: project.permitIssuedOn,
              leftOn: project.permitIssuedOn,
            },
          },
        },
        admin,
      );

      expect(response.body).toEqual({
        data: {
          registerSiteWorker: {
            projectPermitNo: project.permitNo,
            trade: "MASON",
            tradeName: "砌筑工",
            enteredOn: project.permitIssuedOn,
            leftOn: project.permitIssuedOn,
            person: { pid: personPid(idNumber("19800101", "777"), hub.keys.linkingSecret) },
          },
        },
      });
    });

    it("rejects each bad registration naming the field, and writes nothing", async () => {
      const project = underConstruction()[2];
      const adult = idNumber("19750505", "333");
      const onSite = registrations().find((registration) => registration.leftOn === null)!;
      const onSiteProject = projects().find((candidate) => candidate.permitNo === onSite.projectPermitNo)!;
      const onSiteIdNumber = hub.city.persons.find((person) => person.pid === onSite.pid)!.idNumber;
      const tooYoungEntry = dayBefore("2025-06-02");
      const before = await workerCount(project.permitNo);
      const attempt = (change: object) =>
        hub.post(
          {
            query: mutation,
            variables: {
              input: {
                idNumber: adult,
                projectPermitNo: project.permitNo,
                trade: "CARPENTER",
                enteredOn: project.permitIssuedOn,
                ...change,
              },
            },
          },
          admin,
        );
      const trades = Object.keys(constructionTrades).join("、");

      expect(await attempt({ idNumber: `${adult.slice(0, 17)}${adult[17] === "1" ? "2" : "1"}` })).toEqual(
        rejected(
          "registerSiteWorker",
          "input.idNumber",
          `校验位应为 ${adult[17]}, 实为 ${adult[17] === "1" ? "2" : "1"} (GB 11643 MOD 11-2)`,
        ),
      );
      expect(await attempt({ trade: "ASTRONAUT" })).toEqual(
        rejected("registerSiteWorker", "input.trade", `"ASTRONAUT" 不是工种目录中的工种, 可填: ${trades}`),
      );
      expect(await attempt({ enteredOn: "2023-02-29" })).toEqual(
        rejected("registerSiteWorker", "input.enteredOn", "2023-02-29 不是真实的日期: 2023 年 2 月只有 28 天, 没有 29 日"),
      );
      expect(await attempt({ enteredOn: "2099-01-01" })).toEqual(
        rejected("registerSiteWorker", "input.enteredOn", "不能晚于今天 (2026-06-15)"),
      );
      expect(await attempt({ leftOn: dayBefore(project.permitIssuedOn) })).toEqual(
        rejected(
          "registerSiteWorker",
          "input.leftOn",
          `不能早于进场日期 ${project.permitIssuedOn}, 填写的是 ${dayBefore(project.permitIssuedOn)}`,
        ),
      );
      expect(await attempt({ enteredOn: dayBefore(project.permitIssuedOn) })).toEqual(
        rejected(
          "registerSiteWorker",
          "input.enteredOn",
          `不能早于施工许可发证日期 ${project.permitIssuedOn}, 填写的是 ${dayBefore(project.permitIssuedOn)}`,
        ),
      );
      expect(await attempt({ projectPermitNo: "370303209901010000" })).toEqual(
        rejected("registerSiteWorker", "input.projectPermitNo", "没有施工许可证编号为 370303209901010000 的建设工程项目"),
      );
      expect(await attempt({ idNumber: idNumber(birthYearsBefore("2025-06-02", 16), "444"), enteredOn: tooYoungEntry })).toEqual(
        rejected("registerSiteWorker", "input.idNumber", `该工人在进场日期 ${tooYoungEntry} 未满 16 周岁`),
      );
      expect(
        await attempt({ idNumber: onSiteIdNumber, projectPermitNo: onSite.projectPermitNo, enteredOn: onSiteProject.permitIssuedOn }),
      ).toEqual(rejected("registerSiteWorker", "input.idNumber", "该工人已在本工地登记, 请先登记上一次的离场日期"));
      expect(await workerCount(project.permitNo)).toBe(before);
    });
  });

  describe("recordConstructionSafetyInspection", () => {
    const mutation = `mutation($input: RecordConstructionSafetyInspectionInput!) { recordConstructionSafetyInspection(input: $input) { projectPermitNo inspectedOn hazards stopWorkOrdered rectificationDueOn project { permitNo status } } }`;
    const inspectionCount = async () =>
      (await hub.post({ query: "{ constructionSafetyInspections(first: 200) { nodes { id } } }" }, admin)).body.data
        .constructionSafetyInspections.nodes.length;

    it("records hazards with a stop-work order due the same day, and suspends the project", async () => {
      const project = underConstruction()[3];
      const response = await hub.post(
        {
          query: mutation,
          variables: {
            input: {
              projectPermitNo: project.permitNo,
              inspectedOn: project.permitIssuedOn,
              hazards: 6,
              stopWorkOrdered: true,
              rectificationDueOn: project.permitIssuedOn,
            },
          },
        },
        admin,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            recordConstructionSafetyInspection: {
              projectPermitNo: project.permitNo,
              inspectedOn: project.permitIssuedOn,
              hazards: 6,
              stopWorkOrdered: true,
              rectificationDueOn: project.permitIssuedOn,
              project: { permitNo: project.permitNo, status: "SUSPENDED" },
            },
          },
        },
      });
    });

    it.each([
      [
        "a stop order without hazards",
        { hazards: 0, stopWorkOrdered: true, rectificationDueOn: null },
        "input.stopWorkOrdered",
        "未发现隐患时不能责令停工",
      ],
      ["hazards without a deadline", { rectificationDueOn: null }, "input.rectificationDueOn", "发现隐患时必须填写整改期限"],
      ["a deadline without hazards", { hazards: 0 }, "input.rectificationDueOn", "未发现隐患时不填写整改期限"],
      [
        "a deadline before the inspection",
        { rectificationDueOn: "2025-03-09" },
        "input.rectificationDueOn",
        "不能早于检查日期 2025-03-10, 填写的是 2025-03-09",
      ],
      [
        "an impossible inspection day",
        { inspectedOn: "2025-04-31" },
        "input.inspectedOn",
        "2025-04-31 不是真实的日期: 2025 年 4 月只有 30 天, 没有 31 日",
      ],
      ["an inspection in the future", { inspectedOn: "2099-03-10" }, "input.inspectedOn", "不能晚于今天 (2026-06-15)"],
      ["too many hazards", { hazards: 1000 }, "input.hazards", "应为 0 至 999 之间的整数, 填写的是 1000"],
      [
        "an unknown project",
        { projectPermitNo: "370303209901010000" },
        "input.projectPermitNo",
        "没有施工许可证编号为 370303209901010000 的建设工程项目",
      ],
    ])("rejects %s and writes nothing", async (_case, change, field, reason) => {
      const project = underConstruction()[4];
      const before = await inspectionCount();
      const input = {
        projectPermitNo: project.permitNo,
        inspectedOn: "2025-03-10",
        hazards: 2,
        stopWorkOrdered: false,
        rectificationDueOn: "2025-04-10",
        ...change,
      };

      expect(await hub.post({ query: mutation, variables: { input } }, admin)).toEqual(
        rejected("recordConstructionSafetyInspection", field, reason),
      );
      expect(await inspectionCount()).toBe(before);
    });

    it("rejects an inspection before the permit was issued", async () => {
      const project = underConstruction()[4];
      const input = {
        projectPermitNo: project.permitNo,
        inspectedOn: dayBefore(project.permitIssuedOn),
        hazards: 0,
        stopWorkOrdered: false,
      };

      expect(await hub.post({ query: mutation, variables: { input } }, admin)).toEqual(
        rejected(
          "recordConstructionSafetyInspection",
          "input.inspectedOn",
          `不能早于施工许可发证日期 ${project.permitIssuedOn}, 填写的是 ${dayBefore(project.permitIssuedOn)}`,
        ),
      );
    });
  });
});
