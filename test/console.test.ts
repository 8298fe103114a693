import zlib from "node:zlib";
import http from "node:http";
import ExcelJS from "exceljs";
import { TrustedKeys } from "../kernel/trusted-keys";
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLFormattedError } from "graphql";
import * as catalogueDocuments from "../console/src/api/catalogue";
import * as enterpriseDocuments from "../console/src/api/enterprise";
import * as inspectionDocuments from "../console/src/api/inspections";
import * as personDocuments from "../console/src/api/person";
import * as reportDocuments from "../console/src/api/report";
import * as sharingDocuments from "../console/src/api/sharing";
import { problemOf, type Problem } from "../console/src/explain";
import { withoutExcludedFields } from "../console/src/prune";
import { consoleDistDir, consoleRoutes, devSignInWanted } from "../gateway/console";
import { startGateway } from "../gateway/server";
import { readSupergraph, schemaDirectory } from "../kernel/compose";
import type { RouteHandler } from "../kernel/http";
import { createLogger } from "../kernel/logger";
import { purposes } from "../kernel/purposes";
import { subgraphs } from "../subgraphs";
import { startFederation, type Federation } from "./support/federation";
import { testKeys } from "./support/keys";

const agencies = subgraphs.map((subgraph) => subgraph.name);

describe("the console's operations", () => {
  const supergraph = readSupergraph(path.join(schemaDirectory, "supergraph.graphql"));
  const schema = buildSchema(supergraph);
  const documents = Object.entries({
    ...catalogueDocuments,
    ...enterpriseDocuments,
    ...inspectionDocuments,
    ...personDocuments,
    ...reportDocuments,
    ...sharingDocuments,
  }).filter((entry): entry is [string, DocumentNode] => (entry[1] as { kind?: string }).kind === "Document");
  it.each(documents)("%s is valid against the composed supergraph", (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it("sends no field marked @include(if: false), and no switch variable, which the gateway would refuse as unused", () => {
    const document = parse(`query Q($code: String!, $withGrade: Boolean!, $withValue: Boolean!) {
      enterprise(creditCode: $code) { name injuryRecognitions { id disabilityGrade @include(if: $withGrade) } constructionProjects { permitNo contractValueYuan @include(if: $withValue) } }
    }`);

    const pruned = withoutExcludedFields(document, { code: "X", withGrade: true, withValue: false });

    expect({ query: print(pruned.document), variables: pruned.variables }).toEqual({
      query: print(
        parse(`query Q($code: String!) {
          enterprise(creditCode: $code) { name injuryRecognitions { id disabilityGrade } constructionProjects { permitNo } }
        }`),
      ),
      variables: { code: "X" },
    });
  });
});

describe("the console explains every refusal the gateway makes, in Chinese, naming the field", () => {
  const purposeList = Object.values(purposes).join("、");
  it.each<[GraphQLFormattedError, Problem]>([
    [
      { message: "Not authenticated: token expired", extensions: { code: "UNAUTHENTICATED", reason: "token expired" } },
      { code: "UNAUTHENTICATED", title: "身份验证未通过，请重新登录", detail: "令牌已过期，请重新登录" },
    ],
    [
      { message: "changing these records needs the admin role", extensions: { code: "FORBIDDEN", requiredRole: "admin" } },
      { code: "FORBIDDEN", title: "无权进行此操作", detail: "此操作需要管理员角色" },
    ],
    [
      {
        message: "only hrss may change these records; emergency may not",
        extensions: { code: "FORBIDDEN", owner: "hrss", agency: "emergency" },
      },
      { code: "FORBIDDEN", title: "无权进行此操作", detail: "只有人社可以修改这些记录" },
    ],
    [
      { message: "every request states its purpose in the x-lianfang-purpose header", extensions: { code: "PURPOSE_REQUIRED" } },
      { code: "PURPOSE_REQUIRED", title: "请求未说明用途：请在页面顶部选择用途", detail: `可选用途：${purposeList}` },
    ],
    [
      {
        message: "统一社会信用代码: 应为 18 位, 实为 16 位",
        extensions: { code: "BAD_USER_INPUT", field: "input.creditCode", reason: "应为 18 位, 实为 16 位" },
      },
      { code: "BAD_USER_INPUT", title: "输入有误：统一社会信用代码", field: "input.creditCode", detail: "应为 18 位, 实为 16 位" },
    ],
    [
      {
        message: "案件编号: 案件编号最多 100 个可打印字符, 不能含控制字符",
        extensions: { code: "BAD_USER_INPUT", field: "caseRef", reason: "案件编号最多 100 个可打印字符, 不能含控制字符" },
      },
      { code: "BAD_USER_INPUT", title: "输入有误：案件编号", field: "caseRef", detail: "案件编号最多 100 个可打印字符, 不能含控制字符" },
    ],
    [
      {
        message: "每页条数: 应为 1 至 200 之间的整数, 填写的是 500",
        extensions: { code: "BAD_USER_INPUT", field: "first", reason: "应为 1 至 200 之间的整数, 填写的是 500" },
      },
      { code: "BAD_USER_INPUT", title: "输入有误：每页条数", field: "first", detail: "应为 1 至 200 之间的整数, 填写的是 500" },
    ],
    [
      { message: "hrss is sending requests faster than its rate limit; retry shortly", extensions: { code: "RATE_LIMITED" } },
      { code: "RATE_LIMITED", title: "请求过于频繁，请稍后再试", detail: "本部门的请求超过每秒限额，请稍候片刻再试" },
    ],
    [
      { message: "operation depth 12 exceeds 10", extensions: { code: "DEPTH_LIMIT_EXCEEDED", depth: 12, limit: 10 } },
      { code: "DEPTH_LIMIT_EXCEEDED", title: "查询范围过大，请缩小条件或减少每页条数", detail: "查询嵌套 12 层，超过上限 10 层" },
    ],
    [
      { message: "operation uses 40 aliases, more than 30", extensions: { code: "ALIAS_LIMIT_EXCEEDED", aliases: 40, limit: 30 } },
      { code: "ALIAS_LIMIT_EXCEEDED", title: "查询范围过大，请缩小条件或减少每页条数", detail: "查询使用别名 40 个，超过上限 30 个" },
    ],
    [
      {
        message: "operation cost 9000 exceeds 5000; ask for smaller pages",
        extensions: { code: "COST_LIMIT_EXCEEDED", cost: 9000, limit: 5000 },
      },
      {
        code: "COST_LIMIT_EXCEEDED",
        title: "查询范围过大，请缩小条件或减少每页条数",
        detail: "查询成本 9000，超过上限 5000；请减少每页条数",
      },
    ],
    [
      { message: "the audit log cannot be written; no data is released unaudited", extensions: { code: "AUDIT_UNAVAILABLE" } },
      {
        code: "AUDIT_UNAVAILABLE",
        title: "审计日志暂时无法写入，平台暂停提供数据",
        detail: "每次访问都须记入审计日志：日志恢复前平台不提供数据，也不执行修改，请稍后再试",
      },
    ],
    [
      {
        message: "The health department is unreachable; its part of the answer is missing",
        extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "health" },
      },
      {
        code: "SUBGRAPH_UNAVAILABLE",
        title: "卫健暂时无法访问，其数据暂缺",
        subgraph: "health",
        detail: "其他部门的数据不受影响，该部门恢复后重新查询即可",
      },
    ],
    [
      {
        message: "The health department's answer is not used: bad report",
        extensions: { code: "SUBGRAPH_UNATTESTED", subgraph: "health" },
      },
      {
        code: "SUBGRAPH_UNATTESTED",
        title: "卫健的答复未通过核验，其数据暂缺",
        subgraph: "health",
        detail: "平台无法核实该部门答复中报告的数据主体，答复未被采用；请联系平台运维",
      },
    ],
    [
      { message: "request body exceeds 100000 bytes", extensions: { code: "PAYLOAD_TOO_LARGE", limit: 100000 } },
      { code: "PAYLOAD_TOO_LARGE", title: "请求内容过大", detail: "请求超过 100000 字节的上限" },
    ],
    ...["BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE", "METHOD_NOT_ALLOWED", "GRAPHQL_PARSE_FAILED"].map(
      (code): [GraphQLFormattedError, Problem] => [
        { message: "request body is not valid JSON", extensions: { code } },
        { code, title: "请求格式不被平台接受", detail: "工作台与平台的版本可能不一致，请刷新页面后重试" },
      ],
    ),
    [
      { message: "internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      { code: "INTERNAL_SERVER_ERROR", title: "平台内部出错", detail: "请稍后再试；如反复出现，请联系平台运维" },
    ],
    [
      {
        message: "没有2027年的节假日安排（国务院办公厅部分节假日安排的通知），无法计算工作日期限",
        extensions: { code: "HOLIDAY_DATA_MISSING" },
      },
      {
        code: "HOLIDAY_DATA_MISSING",
        title: "缺少节假日安排，无法计算期限",
        detail: "没有2027年的节假日安排（国务院办公厅部分节假日安排的通知），无法计算工作日期限",
      },
    ],
    [
      { message: 'Cannot query field "personByIdNumber" on type "Query".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
      {
        code: "GRAPHQL_VALIDATION_FAILED",
        title: "平台暂不支持此查询：相关部门的接口尚未上线",
        detail: "工作台所用的查询与平台当前的接口不一致",
      },
    ],
  ])("%j", (error, problem) => {
    expect(problemOf(error)).toEqual(problem);
  });
});

describe("development sign-in is for development alone", () => {
  it.each([
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", LIANFANG_DEV_SIGNIN: "true" }, true],
    [{ LIANFANG_DEV_SIGNIN: "false" }, false],
    [{}, true],
  ])("with %j it is %s", (env, wanted) => {
    expect(devSignInWanted(env)).toBe(wanted);
  });

  it("is refused, and not offered, when turned off, though dev keys exist", async () => {
    const keys = await testKeys();
    const trustedKeys = new TrustedKeys(keys.trustedAgencyKeys);
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: readSupergraph(path.join(schemaDirectory, "supergraph.graphql")),
      subgraphUrls: {},
      trustedKeys,
      trustedSubgraphKeys: new TrustedKeys(keys.trustedSubgraphKeys),
      signingKey: keys.gatewaySigningKey,
      maxBodyBytes: 100_000,
      rateLimitPerSecond: 10,
      introspection: false,
      logger: createLogger("test", "silent"),
      routes: await consoleRoutes({ keyDir: keys.keyDir, agencies, devSignIn: false, trustedKeys }),
    });
    try {
      const signIn = await fetch(new URL("/console/dev-sign-in?agency=hrss&user=wang&roles=admin", gateway.url));
      const config = await (await fetch(new URL("/console/config", gateway.url))).json();

      expect({ status: signIn.status, body: await signIn.json() }).toEqual({
        status: 403,
        body: {
          errors: [{ message: "development sign-in is off here: present a token from your department", extensions: { code: "FORBIDDEN" } }],
        },
      });
      expect(config).toEqual(expect.objectContaining({ devSignIn: false, devAgencies: [], agencies }));
    } finally {
      await gateway.stop();
      keys.remove();
    }
  });

  it("is not offered where no department's private key is kept", async () => {
    const keys = await testKeys();
    fs.rmSync(path.join(keys.keyDir, "agencies"), { recursive: true });
    const routes = await consoleRoutes({
      keyDir: keys.keyDir,
      agencies,
      devSignIn: true,
      trustedKeys: new TrustedKeys(keys.trustedAgencyKeys),
    });
    keys.remove();

    expect(JSON.parse(String((await (routes["/console/config"] as RouteHandler)({} as never)).body))).toEqual(
      expect.objectContaining({ devSignIn: false, devAgencies: [] }),
    );
  });
});

describe("the gateway serving the console", () => {
  let hub: Federation;

  beforeAll(async () => {
    hub = await startFederation({ console: { devSignIn: true } });
  }, 300_000);
  afterAll(() => hub?.stop());

  const at = (route: string) => new URL(route, hub.gatewayUrl);

  it("serves the built console at / and every file of it, from this machine alone", async () => {
    const page = await fetch(at("/"));
    const html = await page.text();
    const files = fs.readdirSync(path.join(consoleDistDir, "assets"));
    const served = await Promise.all(files.map(async (file) => (await fetch(at(`/assets/${file}`))).status));

    expect({ status: page.status, type: page.headers.get("content-type") }).toEqual({ status: 200, type: "text/html; charset=utf-8" });
    expect(html).toContain("<title>联防工作台</title>");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(served).toEqual(files.map(() => 200));
  });

  it("sends each file gzipped to a browser that takes it and as built to one that does not, and lets it keep the hashed assets", async () => {
    const raw = (route: string, acceptEncoding?: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(at(route), { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const asset = fs.readdirSync(path.join(consoleDistDir, "assets")).find((file) => file.endsWith(".js"))!;
    const built = fs.readFileSync(path.join(consoleDistDir, "assets", asset));
    const pick = ({ headers, body }: { headers: http.IncomingHttpHeaders; body: Buffer }, decoded: Buffer, file = built) => ({
      encoding: headers["content-encoding"],
      caching: headers["cache-control"],
      vary: headers.vary,
      intact: decoded.equals(file),
      smaller: body.length < decoded.length,
    });

    const gzipped = await raw(`/assets/${asset}`, "gzip, deflate, br");
    const plain = await raw(`/assets/${asset}`);
    const refused = await raw(`/assets/${asset}`, "gzip;q=0, br");
    const page = await raw("/", "gzip");

    expect(pick(gzipped, zlib.gunzipSync(gzipped.body))).toEqual({
      encoding: "gzip",
      caching: "public, max-age=31536000, immutable",
      vary: "accept-encoding",
      intact: true,
      smaller: true,
    });
    expect(pick(plain, plain.body)).toEqual({
      encoding: undefined,
      caching: "public, max-age=31536000, immutable",
      vary: "accept-encoding",
      intact: true,
      smaller: false,
    });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(pick(page, zlib.gunzipSync(page.body), fs.readFileSync(path.join(consoleDistDir, "index.html")))).toEqual({
      encoding: "gzip",
      caching: "no-cache",
      vary: "accept-encoding",
      intact: true,
      smaller: true,
    });
  });

  it("signs a development token the gateway accepts, for the department, user and roles chosen", async () => {
    const signIn = await fetch(at("/console/dev-sign-in?agency=emergency&user=wang&roles=viewer,auditor"));
    const { token } = (await signIn.json()) as { token: string };
    const answer = await hub.post({ query: "{ sharingCatalogue { resource } }" }, { authorization: `Bearer ${token}` });
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());

    expect(signIn.status).toBe(200);
    expect(claims).toEqual(expect.objectContaining({ agency: "emergency", sub: "wang", roles: ["viewer", "auditor"], aud: "lianfang" }));
    expect(answer.status).toBe(200);
  });

  it.each([
    ["an unknown department", "agency=police&user=wang", "agency", `must be one of ${agencies.join(", ")}`],
    ["no user", "agency=hrss&user=", "user", "must be 1 to 64 letters, digits or . _ @ -"],
    ["an unknown role", "agency=hrss&user=wang&roles=viewer,root", "roles", "must be a comma list drawn from viewer, admin, auditor"],
    ["a region that is no code", "agency=hrss&user=wang&region=zibo", "region", "must be a 6-digit GB/T 2260 code"],
  ])("refuses %s, naming the field", async (_case, query, field, reason) => {
    const response = await fetch(at(`/console/dev-sign-in?${query}`));

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { errors: [{ message: `${field}: ${reason}`, extensions: { code: "BAD_USER_INPUT", field, reason } }] },
    });
  });

  it("answers a GET query that states its purpose, and refuses one that could come from another site", async () => {
    const authorization = `Bearer ${await hub.keys.token({ agency: "hrss" })}`;
    const url = at(`/graphql?query=${encodeURIComponent("{ sharingCatalogue { resource } }")}`);

    const stated = await fetch(url, { headers: { authorization, "x-lianfang-purpose": "STATISTICS" } });
    const simple = await fetch(url, { headers: { authorization } });

    expect(stated.status).toBe(200);
    expect(((await stated.json()) as { data: { sharingCatalogue: unknown[] } }).data.sharingCatalogue.length).toBeGreaterThan(0);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });

  it("hands the meeting report over as a workbook, read through the gateway with the caller's own token and case", async () => {
    const token = await hub.keys.token({ agency: "coordination" });
    const response = await fetch(at("/console/report?regionCode=370300&period=2024&format=xlsx"), {
      headers: { authorization: `Bearer ${token}`, "x-lianfang-case": encodeURIComponent("联席会议 2025-1") },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const reads = Object.values(hub.received)
      .flat()
      .filter((call) => call.identity.caseRef === "联席会议 2025-1");

    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition"),
      missing: response.headers.get("x-lianfang-missing"),
    }).toEqual({
      status: 200,
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      disposition: `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent("淄博市2024年工伤预防联防联控工作报告.xlsx")}`,
      missing: "",
    });
    expect(workbook.worksheets[0].name).toBe("报告说明");
    expect(new Set(reads.map((call) => `${call.identity.agency}/${call.identity.purpose}`))).toEqual(
      new Set(["coordination/MEETING_REPORT"]),
    );
    expect(reads.some((call) => call.body.operationName?.startsWith("MeetingReportDocument"))).toBe(true);
  });

  it.each([
    ["no token", {}, "period=2024&format=pdf", 401, "UNAUTHENTICATED", "请先登录: 请求缺少部门令牌"],
    [
      "a token the hub does not trust",
      { authorization: "Bearer a.b.c" },
      "period=2024&format=pdf",
      401,
      "UNAUTHENTICATED",
      /身份未通过验证/,
    ],
    ["a quarter that does not exist", "token", "period=2024-Q5&format=pdf", 400, "BAD_USER_INPUT", /2024-Q5/],
    ["an unknown format", "token", "period=2024&format=docx", 400, "BAD_USER_INPUT", "格式「docx」不支持: 应为 html、pdf、xlsx、png 之一"],
  ])("refuses a report with %s, in Chinese", async (_case, headers, query, status, code, message) => {
    const authorization = headers === "token" ? { authorization: `Bearer ${await hub.keys.token({ agency: "coordination" })}` } : headers;
    const response = await fetch(at(`/console/report?regionCode=370300&${query}`), { headers: authorization });

    expect({ status: response.status, body: await response.json() }).toEqual({
      status,
      body: { errors: [{ message: typeof message === "string" ? message : expect.stringMatching(message), extensions: { code } }] },
    });
  });

  it("explains in Chinese, naming the field, each refusal the hub makes to what the console sends", async () => {
    const viewer = `Bearer ${await hub.keys.token({ agency: "hrss" })}`;
    const search = (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
      hub.post({ query: print(enterpriseDocuments.EnterpriseSearchQuery), variables }, { authorization: viewer, ...headers });
    const answers = await Promise.all([
      search({ first: 10 }, { authorization: "Bearer a.b.c" }),
      search({ first: 10 }, { "x-lianfang-purpose": "" }),
      search({ first: 10 }, { "x-lianfang-case": "x".repeat(101) }),
      search({ first: 500 }),
      search({ first: 10, regionCode: "37030" }),
      search({ first: 10, industryCode: "Z99" }),
      hub.post(
        { query: "mutation { saveEnterprises(rows: []) { inserted } }" },
        { authorization: `Bearer ${await hub.keys.token({ agency: "hrss", roles: ["viewer"] })}` },
      ),
    ]);

    expect(answers.map((answer) => answer.body.errors.map(problemOf))).toEqual([
      [{ code: "UNAUTHENTICATED", title: "身份验证未通过，请重新登录", detail: "令牌内容不符合平台要求" }],
      [{ code: "PURPOSE_REQUIRED", title: "请求未说明用途：请在页面顶部选择用途", detail: expect.stringMatching(/^可选用途：联合检查、/) }],
      [{ code: "BAD_USER_INPUT", title: "输入有误：案件编号", field: "caseRef", detail: "案件编号最多 100 个可打印字符, 不能含控制字符" }],
      [{ code: "BAD_USER_INPUT", title: "输入有误：每页条数", field: "first", detail: "应为 1 至 200 之间的整数, 填写的是 500" }],
      [{ code: "BAD_USER_INPUT", title: "输入有误：行政区划代码", field: "regionCode", detail: '"37030" 不是 6 位数字的行政区划代码' }],
      [{ code: "BAD_USER_INPUT", title: "输入有误：行业代码", field: "industryCode", detail: "Z 不是 GB/T 4754-2017 的门类字母" }],
      [{ code: "FORBIDDEN", title: "无权进行此操作", detail: "此操作需要管理员角色" }],
    ]);
  });

  it("shows no landing page that loads from a CDN", async () => {
    const response = await fetch(at("/graphql"), { headers: { accept: "text/html" } });

    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/apollographql\.com|cdn\./);
  });
});
