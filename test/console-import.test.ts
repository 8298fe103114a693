import ExcelJS from "exceljs";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { maxUploadBytes } from "../gateway/console-import";
import { startFederation, type Federation } from "./support/federation";

const creditCode = (serial: number) => {
  const first17 = `91370303MB${String(serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckCharacter(first17);
};

const enterpriseHeaders = ["统一社会信用代码", "单位名称", "行业代码", "所在地区", "参保登记日期"];
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every sheet of a workbook, its cells as text. */
async function sheetsOf(bytes: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value == null ? "" : String(value)))));
      return [sheet.name, rows];
    }),
  );
}

describe("the console's 数据导入 routes, against the hub", () => {
  let hub: Federation;
  const at = (route: string) => new URL(route, hub.gatewayUrl);
  const admin = (agency = "hrss") => hub.keys.token({ agency, user: "wang", roles: ["admin"] });
  const upload = async (query: string, body: Buffer | string, headers: Record<string, string> = {}, token?: Promise<string>) =>
    fetch(at(`/console/import?${query}`), {
      method: "POST",
      headers: { authorization: `Bearer ${await (token ?? admin())}`, "content-type": "application/octet-stream", ...headers },
      body,
    });
  const enterpriseCount = async () => Number((await hub.databases.hrss.query("SELECT COUNT(*) AS n FROM enterprise"))[0].n);
  const enterpriseName = async (code: string) => {
    const answer = await hub.post(
      { query: `{ enterprise(creditCode: "${code}") { name } }` },
      { authorization: `Bearer ${await hub.keys.token({ agency: "hrss" })}` },
    );
    return answer.body.data.enterprise?.name ?? null;
  };

  beforeAll(async () => {
    hub = await startFederation({ console: { devSignIn: true } });
  }, 300_000);
  afterAll(() => hub?.stop());

  it("hands out a kind's template, with its Chinese headers and a Chinese file name", async () => {
    const response = await fetch(at("/console/import/template?kind=enterprise"), { headers: { authorization: `Bearer ${await admin()}` } });
    const sheets = await sheetsOf(Buffer.from(await response.arrayBuffer()));

    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition"),
    }).toEqual({
      status: 200,
      type: xlsxType,
      disposition: `attachment; filename="enterprise-template.xlsx"; filename*=UTF-8''${encodeURIComponent("参保单位导入模板.xlsx")}`,
    });
    expect(Object.keys(sheets)).toEqual(["参保单位", "填写说明"]);
    expect(sheets["参保单位"][0]).toEqual(enterpriseHeaders);
  });

  const headers = [...enterpriseHeaders, "备注"];
  const good = (serial: number) => [creditCode(serial), `淄博控制台导入有限公司${serial}`, "C2614", "370303", "2019-07-01", "无"];
  const rows = [
    headers,
    good(1),
    [creditCode(2), "", "C2614", "370303", "2019-07-01", "名称空缺"],
    good(3),
    [creditCode(4), "未来公司", "C2614", "370303", "2099-01-01", "日期在未来"],
  ];

  it("imports the good rows of an upload through the gateway, under the caller's token and case, and reports the bad ones", async () => {
    const before = await enterpriseCount();
    const response = await upload("kind=enterprise&dryRun=false", await xlsxOf(rows), {
      "x-lianfang-file-name": encodeURIComponent("参保单位.xlsx"),
      "x-lianfang-case": encodeURIComponent("数据维护-2026-06"),
    });
    const body = (await response.json()) as any;
    const refusedRows = [
      { rowNumber: 3, cells: rows[2], problems: ["单位名称: 必填, 不能为空"] },
      { rowNumber: 5, cells: rows[4], problems: ["参保登记日期: 不能晚于今天 (2026-06-15)"] },
    ];

    expect({ status: response.status, body }).toEqual({
      status: 200,
      body: {
        summary: { read: 4, inserted: 2, updated: 0, unchanged: 0, refused: 2, unknownColumns: ["备注"], dryRun: false },
        messages: ["读取 4 行: 新增 2, 更新 0, 未变 0, 拒绝 2", "模板中没有的列, 未导入: 备注"],
        headers,
        refusedRows,
        errorsFile: { fileName: "参保单位-未导入的行.xlsx", base64: expect.any(String) },
      },
    });
    expect((await sheetsOf(Buffer.from(body.errorsFile.base64, "base64")))["未导入的行"]).toEqual([
      ["行号", ...headers, "错误说明"],
      ...refusedRows.map((row) => [String(row.rowNumber), ...row.cells, row.problems.join("; ")]),
    ]);
    expect(await enterpriseCount()).toBe(before + 2);
    expect([await enterpriseName(creditCode(1)), await enterpriseName(creditCode(3)), await enterpriseName(creditCode(4))]).toEqual([
      "淄博控制台导入有限公司1",
      "淄博控制台导入有限公司3",
      null,
    ]);
    const saves = hub.received.hrss.filter((call) => call.body.query?.includes("saveEnterprises"));
    expect(saves.map((call) => [call.identity.agency, call.identity.user, call.identity.purpose, call.identity.caseRef])).toEqual([
      ["hrss", "wang", "DATA_MAINTENANCE", "数据维护-2026-06"],
    ]);
  });

  it("changes nothing when the same file comes again, and says so", async () => {
    const before = await enterpriseCount();
    const response = await upload("kind=enterprise&dryRun=false", await xlsxOf(rows));
    const body = (await response.json()) as any;

    expect({ status: response.status, summary: body.summary, messages: body.messages }).toEqual({
      status: 200,
      summary: { read: 4, inserted: 0, updated: 0, unchanged: 2, refused: 2, unknownColumns: ["备注"], dryRun: false },
      messages: ["读取 4 行: 新增 0, 更新 0, 未变 2, 拒绝 2", "模板中没有的列, 未导入: 备注", "没有任何记录需要改动: 文件与中心的记录一致"],
    });
    expect(body.errorsFile.fileName).toBe("上传的文件-未导入的行.xlsx");
    expect(await enterpriseCount()).toBe(before);
  });

  it("checks a dry run against the hub and writes nothing", async () => {
    const csv = [enterpriseHeaders, good(5).slice(0, 5), [creditCode(1), "改名公司", "C2614", "370303", "2019-07-01"]]
      .map((row) => row.join(","))
      .join("\n");
    const before = await enterpriseCount();
    const response = await upload("kind=enterprise&dryRun=true", csv, { "x-lianfang-file-name": encodeURIComponent("试导入.csv") });

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: {
        summary: { read: 2, inserted: 1, updated: 1, unchanged: 0, refused: 0, unknownColumns: [], dryRun: true },
        messages: ["试导入 (未保存任何数据): 读取 2 行: 新增 1, 更新 1, 未变 0, 拒绝 0"],
        headers: enterpriseHeaders,
        refusedRows: [],
        errorsFile: null,
      },
    });
    expect(await enterpriseCount()).toBe(before);
    expect([await enterpriseName(creditCode(5)), await enterpriseName(creditCode(1))]).toEqual([null, "淄博控制台导入有限公司1"]);
  });

  const goodCsv = `${enterpriseHeaders.join(",")}\n${good(9).slice(0, 5).join(",")}\n`;

  it.each<[string, () => Promise<Response>, number, string, string, Record<string, unknown>?]>([
    [
      "no token",
      () => fetch(at("/console/import?kind=enterprise&dryRun=false"), { method: "POST", body: goodCsv }),
      401,
      "UNAUTHENTICATED",
      "请先登录: 请求缺少部门令牌",
    ],
    [
      "no token, leaving the file over the size limit unread",
      () => fetch(at("/console/import?kind=enterprise&dryRun=false"), { method: "POST", body: Buffer.alloc(maxUploadBytes + 1, "a") }),
      401,
      "UNAUTHENTICATED",
      "请先登录: 请求缺少部门令牌",
    ],
    [
      "a viewer",
      () => upload("kind=enterprise&dryRun=false", goodCsv, {}, hub.keys.token({ agency: "hrss", roles: ["viewer"] })),
      403,
      "FORBIDDEN",
      "只有人力资源和社会保障局 (人社)的管理员 (admin) 可以导入数据",
      { requiredRole: "admin" },
    ],
    [
      "another department's kind",
      () => upload("kind=safety-licence&dryRun=false", goodCsv),
      403,
      "FORBIDDEN",
      "安全生产许可证 (safety-licence) 由 emergency 维护, hrss 不能导入他部门的记录",
      { field: "kind" },
    ],
    [
      "a department with nothing to import",
      () => upload("kind=enterprise&dryRun=false", goodCsv, {}, admin("coordination")),
      403,
      "FORBIDDEN",
      "联席会议办公室 (联席办)没有可导入的记录种类",
    ],
    [
      "an unknown kind",
      () => upload("kind=employer&dryRun=false", goodCsv),
      400,
      "BAD_USER_INPUT",
      "kind: 记录种类「employer」不存在, 人力资源和社会保障局 (人社)可导入 enterprise (参保单位)、person (参保人员)",
      { field: "kind" },
    ],
    [
      "no dryRun",
      () => upload("kind=enterprise", goodCsv),
      400,
      "BAD_USER_INPUT",
      "dryRun: 应为 true (试导入) 或 false (导入)",
      { field: "dryRun" },
    ],
    [
      "a file over the size limit",
      () => upload("kind=enterprise&dryRun=false", Buffer.alloc(maxUploadBytes + 1, "a")),
      413,
      "PAYLOAD_TOO_LARGE",
      "文件超过 20 MB 的上限, 请拆分为多个文件后分别导入",
      { limit: maxUploadBytes },
    ],
    [
      "a picture",
      () => upload("kind=enterprise&dryRun=false", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      400,
      "BAD_USER_INPUT",
      "file: 不是 xlsx 或 csv 表格文件 (无法识别的二进制内容)",
      { field: "file", reason: "不是 xlsx 或 csv 表格文件 (无法识别的二进制内容)" },
    ],
    [
      "an empty file",
      () => upload("kind=enterprise&dryRun=false", ""),
      400,
      "BAD_USER_INPUT",
      "file: 文件为空",
      { field: "file", reason: "文件为空" },
    ],
    [
      "a file whose first row is no header",
      () => upload("kind=enterprise&dryRun=false", good(9).join(",")),
      400,
      "BAD_USER_INPUT",
      "file: 第一行不是表头: 没有一列的名称与参保单位模板相符 (模板列名: 统一社会信用代码、单位名称、行业代码、所在地区、参保登记日期)",
      {
        field: "file",
        reason: "第一行不是表头: 没有一列的名称与参保单位模板相符 (模板列名: 统一社会信用代码、单位名称、行业代码、所在地区、参保登记日期)",
      },
    ],
    [
      "a file of other columns",
      () => upload("kind=enterprise&dryRun=false", "公司,地址\n甲,乙\n"),
      400,
      "BAD_USER_INPUT",
      "file: 第一行不是表头: 没有一列的名称与参保单位模板相符 (模板列名: 统一社会信用代码、单位名称、行业代码、所在地区、参保登记日期)",
      {
        field: "file",
        reason: "第一行不是表头: 没有一列的名称与参保单位模板相符 (模板列名: 统一社会信用代码、单位名称、行业代码、所在地区、参保登记日期)",
      },
    ],
  ])("refuses an import with %s, in Chinese, and writes nothing", async (_case, send, status, code, message, extensions = {}) => {
    const before = await enterpriseCount();
    const response = await send();

    expect({ status: response.status, body: await response.json() }).toEqual({
      status,
      body: { errors: [{ message, extensions: { code, ...extensions } }] },
    });
    expect(await enterpriseCount()).toBe(before);
    expect(await enterpriseName(creditCode(9))).toBeNull();
  });

  it("refuses a template of another department's kind, and a GET to the upload route", async () => {
    const template = await fetch(at("/console/import/template?kind=person"), {
      headers: { authorization: `Bearer ${await admin("housing")}` },
    });
    const get = await fetch(at("/console/import?kind=enterprise&dryRun=false"), { headers: { authorization: `Bearer ${await admin()}` } });

    expect({ status: template.status, body: await template.json() }).toEqual({
      status: 403,
      body: {
        errors: [
          { message: "参保人员 (person) 由 hrss 维护, housing 不能导入他部门的记录", extensions: { code: "FORBIDDEN", field: "kind" } },
        ],
      },
    });
    expect({ status: get.status, allow: get.headers.get("allow"), body: await get.json() }).toEqual({
      status: 405,
      allow: "POST",
      body: { errors: [{ message: "/console/import answers POST only", extensions: { code: "METHOD_NOT_ALLOWED" } }] },
    });
  });
});
