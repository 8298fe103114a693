import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { importKind } from "../import/kinds";
import { FileProblem, ImportProblem } from "../import/outcome";
import { runImport, type ImportOptions } from "../import/run";
import { writeTemplate } from "../import/template";
import { startFederation, type Federation } from "./support/federation";

const run = promisify(execFile);
/** Reading half a million csv lines, or starting the command four times, outlasts jest's 60 s on a machine shared by many. */
const heavyTestTimeoutMs = 300_000;
const creditCode = (serial: number) => {
  const first17 = `91370303MA${String(serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckCharacter(first17);
};
const idNumber = (serial: number) => {
  const first17 = `37030319850505${String(serial).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
};

/** The cells of every sheet of a workbook, as text. */
async function sheetsOf(file: string): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) =>
        rows.push((row.values as unknown[]).slice(1).map((value) => (value === undefined || value === null ? "" : String(value)))),
      );
      return [sheet.name, rows];
    }),
  );
}

async function writeXlsx(file: string, rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

const csv = (rows: string[][]) => rows.map((row) => row.join(",")).join("\r\n") + "\r\n";

describe("npm run import: departments load their spreadsheets through the gateway", () => {
  let hub: Federation;
  let folder: string;
  const file = (name: string) => path.join(folder, name);
  const options = async (change: Partial<ImportOptions> & { file: string }, agency = "hrss"): Promise<ImportOptions> => ({
    agency,
    kind: "enterprise",
    dryRun: false,
    gatewayUrl: hub.gatewayUrl,
    token: await hub.keys.token({ agency, roles: ["admin"], user: "import" }),
    ...change,
  });
  const count = async (table: string, agency = "hrss") =>
    Number((await hub.databases[agency].query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    hub = await startFederation();
    folder = mkdtempSync(path.join(tmpdir(), "lianfang-import-"));
  });
  afterAll(async () => {
    await hub.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes a template with Chinese headers, an example row and a sheet of notes", async () => {
    await writeTemplate(importKind("enterprise"), file("企业模板.xlsx"));
    const sheets = await sheetsOf(file("企业模板.xlsx"));
    expect(sheets["参保单位"]).toEqual([
      ["统一社会信用代码", "单位名称", "行业代码", "所在地区", "参保登记日期"],
      ["91370303MA3C8K7D9C", "淄博示例化工有限公司", "C2614", "370303", "2020-03-01"],
    ]);
    expect(sheets["填写说明"].slice(0, 3)).toEqual([
      ["列名", "是否必填", "格式", "可选值", "示例"],
      ["统一社会信用代码", "必填", "18 位统一社会信用代码 (GB 32100); 请将单元格设为文本格式", "", "91370303MA3C8K7D9C"],
      ["单位名称", "必填", "最多 200 字", "", "淄博示例化工有限公司"],
    ]);
  });

  it("imports an xlsx with bad rows, reports them in <file>.errors.xlsx, and after the fix imports the rest; a third run changes nothing", async () => {
    const headers = ["参保登记日期", "单位名称", "统一社会信用代码", "所在地区", "行业代码", "备注"];
    const good = (serial: number) => ["2019-07-01", `淄博导入测试有限公司${serial}`, creditCode(serial), "370303", "C2614", "无"];
    const rows = [
      headers,
      good(101),
      good(102),
      ["2099-01-01", "未来公司", creditCode(103), "370303", "Z99", ""],
      good(104),
      ["2019-07-01", "短代码公司", "913703", "370303", "C2614", ""],
      [...good(101).slice(0, 1), "重复公司", ...good(101).slice(2)],
    ];
    const before = await count("enterprise");
    await writeXlsx(file("enterprises.xlsx"), rows);
    const first = await runImport(await options({ file: file("enterprises.xlsx"), batchSize: 2 }));
    expect(first).toEqual({
      read: 6,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      refused: 3,
      unknownColumns: ["备注"],
      errorsFile: file("enterprises.xlsx.errors.xlsx"),
      dryRun: false,
    });
    expect(await count("enterprise")).toBe(before + 3);
    expect((await sheetsOf(file("enterprises.xlsx.errors.xlsx")))["未导入的行"]).toEqual([
      ["行号", ...headers, "错误说明"],
      [
        "4",
        "2099-01-01",
        "未来公司",
        creditCode(103),
        "370303",
        "Z99",
        "",
        "行业代码: Z 不是 GB/T 4754-2017 的门类字母; 参保登记日期: 不能晚于今天 (2026-06-15)",
      ],
      ["6", "2019-07-01", "短代码公司", "913703", "370303", "C2614", "", "统一社会信用代码: 应为 18 位, 实为 6 位"],
      [
        "7",
        "2019-07-01",
        "重复公司",
        creditCode(101),
        "370303",
        "C2614",
        "无",
        "统一社会信用代码: 与第 2 行重复, 同一编号在一个文件中只能出现一次",
      ],
    ]);

    const fixed = [headers, good(101), good(102), ["2019-07-01", "未来公司", creditCode(103), "370303", "C2614", ""], good(104)];
    await writeXlsx(file("enterprises.xlsx"), fixed);
    // Batches cut by size too: each of these rows is about 150 bytes.
    const second = await runImport(await options({ file: file("enterprises.xlsx"), batchBytes: 200 }));
    expect(second).toMatchObject({ read: 4, inserted: 1, updated: 0, unchanged: 3, refused: 0, errorsFile: null });
    const third = await runImport(await options({ file: file("enterprises.xlsx") }));
    expect(third).toMatchObject({ read: 4, inserted: 0, updated: 0, unchanged: 4, refused: 0 });

    const seen = await hub.post(
      { query: `{ enterprise(creditCode: "${creditCode(103)}") { name riskClass insuredHeadcount } }` },
      { authorization: `Bearer ${await hub.keys.token({ agency: "emergency" })}` },
    );
    expect(seen.body).toEqual({ data: { enterprise: { name: "未来公司", riskClass: 6, insuredHeadcount: 0 } } });
  });

  it.each([
    ["GB18030", (text: string) => iconv.encode(text, "gb18030")],
    ["UTF-8 with a byte-order mark", (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])],
  ])("imports insured persons from a %s csv and enrols them with their employer", async (encoding, encode) => {
    const offset = encoding === "GB18030" ? 0 : 50;
    const rows = [
      ["公民身份号码", "姓名", "参保单位统一社会信用代码", "参保日期", "手机号码"],
      [idNumber(offset + 1), "王小明", creditCode(102), "2020-01-01", "13912345678"],
      [idNumber(offset + 2), "李娜", creditCode(102), "2021-06-15", ""],
      [idNumber(offset + 3), "赵六", creditCode(999), "2021-06-15", ""],
    ];
    writeFileSync(file(`persons-${offset}.csv`), encode(csv(rows)));
    const summary = await runImport(await options({ kind: "person", file: file(`persons-${offset}.csv`) }));
    expect(summary).toMatchObject({ read: 3, inserted: 2, refused: 1 });
    const errors = (await sheetsOf(file(`persons-${offset}.csv.errors.xlsx`)))["未导入的行"];
    expect(errors[1]).toEqual([
      "4",
      idNumber(offset + 3),
      "赵六",
      creditCode(999),
      "2021-06-15",
      "",
      `参保单位统一社会信用代码: 统一社会信用代码 ${creditCode(999)} 的单位尚未参保登记`,
    ]);
    const enrolled = await hub.databases.hrss.query("SELECT name, employer_credit_code FROM person WHERE id_number = ?", [
      idNumber(offset + 1),
    ]);
    expect(enrolled).toEqual([{ name: "王小明", employer_credit_code: creditCode(102) }]);
  });

  it("checks a dry run against the hub and stores nothing", async () => {
    writeFileSync(
      file("dry.csv"),
      csv([
        ["统一社会信用代码", "单位名称", "行业代码", "所在地区", "参保登记日期"],
        [creditCode(201), "试导入公司", "C2614", "370303", "2020-01-01"],
        [creditCode(101), "改名试导入", "C2614", "370303", "2019-07-01"],
      ]),
    );
    const before = await count("enterprise");
    const changes = await count("record_change");
    expect(await runImport(await options({ file: file("dry.csv"), dryRun: true }))).toMatchObject({
      read: 2,
      inserted: 1,
      updated: 1,
      refused: 0,
      dryRun: true,
    });
    expect([await count("enterprise"), await count("record_change")]).toEqual([before, changes]);
  });

  describe("refuses a whole file it cannot read, saying why, and stores nothing", () => {
    const header = "统一社会信用代码,单位名称,行业代码,所在地区,参保登记日期\n";
    it.each<[string, string, string | Buffer, string]>([
      [
        "a file that is not a spreadsheet",
        "picture.csv",
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        "不是 xlsx 或 csv 表格文件 (无法识别的二进制内容)",
      ],
      ["a zip that is not a workbook", "archive.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "不是可读的 xlsx 表格"],
      ["an empty file", "empty.csv", "", "文件为空"],
      ["a file of blank lines", "blank.csv", "\n,,\n\n", "文件中没有任何内容"],
      [
        "a file with no header row",
        "noheader.csv",
        `${creditCode(301)},无表头公司,C2614,370303,2020-01-01\n`,
        "第一行不是表头: 没有一列的名称与参保单位模板相符",
      ],
      ["a header missing a required column", "missing.csv", "统一社会信用代码,单位名称\n", "缺少必填列: 行业代码、所在地区、参保登记日期"],
      [
        "a header naming a column twice",
        "twice.csv",
        "统一社会信用代码,单位名称,单位名称,行业代码,所在地区,参保登记日期\n",
        "表头中「单位名称」出现了两次",
      ],
      [
        "a sheet of 1,000,000 rows",
        "million.csv",
        header + `${creditCode(302)},百万行公司,C2614,370303,2020-01-01\n`.repeat(1_000_000),
        "数据超过 500000 行的上限, 请拆分为多个文件后分别导入",
      ],
    ])(
      "%s",
      async (_case, name, content, message) => {
        writeFileSync(file(name), content);
        const before = await count("enterprise");
        const refusal = runImport(await options({ file: file(name) }));
        await expect(refusal).rejects.toBeInstanceOf(FileProblem);
        await expect(refusal).rejects.toThrow(message);
        expect(await count("enterprise")).toBe(before);
      },
      heavyTestTimeoutMs,
    );

    it("an xlsx over the row limit", async () => {
      await writeXlsx(file("big.xlsx"), [
        ["统一社会信用代码", "单位名称", "行业代码", "所在地区", "参保登记日期"],
        ...[1, 2, 3].map((serial) => [creditCode(400 + serial), "大表公司", "C2614", "370303", "2020-01-01"]),
      ]);
      const before = await count("enterprise");
      await expect(runImport(await options({ file: file("big.xlsx"), maxRows: 2 }))).rejects.toThrow("数据超过 2 行的上限");
      expect(await count("enterprise")).toBe(before);
    });
  });

  it("refuses another department's records, whether the kind or the token says so", async () => {
    writeFileSync(
      file("theirs.csv"),
      csv([
        ["许可证编号", "持证单位统一社会信用代码", "许可类别", "有效期起始日"],
        ["(鲁)WH安许证字[2024]039999", creditCode(101), "煤矿", "2024-01-01"],
      ]),
    );
    const before = await count("safety_licence", "emergency");
    await expect(runImport(await options({ kind: "safety-licence", file: file("theirs.csv") }))).rejects.toThrow(
      "安全生产许可证 (safety-licence) 由 emergency 维护, hrss 不能导入他部门的记录",
    );
    const forged = {
      ...(await options({ kind: "safety-licence", file: file("theirs.csv") }, "emergency")),
      token: await hub.keys.token({ agency: "hrss", roles: ["admin"] }),
    };
    const refusal = runImport(forged);
    await expect(refusal).rejects.toBeInstanceOf(ImportProblem);
    await expect(refusal).rejects.toThrow(
      /中心拒绝了第 2–2 行 \(FORBIDDEN: .*\); 其他各批已保存的不受影响, 修正后重新导入即可 \(已保存的行不会重复\)/,
    );
    expect(await count("safety_licence", "emergency")).toBe(before);
  });

  it("says in Chinese, column by column, why a bad check character, an impossible date or an unknown region keeps a row out", async () => {
    // A different last character: the code is well formed but fails its check.
    const misspelt = (code: string) => code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    const enterpriseHeaders = ["统一社会信用代码", "单位名称", "行业代码", "所在地区", "参保登记日期"];
    await writeXlsx(file("enterprises-checked.xlsx"), [
      enterpriseHeaders,
      [creditCode(401), "淄博校验测试有限公司", "C2614", "370303", "2020-03-01"],
      [misspelt(creditCode(402)), "淄博试点代码有限公司", "C2614", "370303", "2020-03-01"],
      [creditCode(403), "未知地区公司", "C2614", "379999", "2020-03-01"],
      [creditCode(404), "不存在日期公司", "C2614", "370303", "2025-02-30"],
    ]);
    expect(await runImport(await options({ file: file("enterprises-checked.xlsx") }))).toMatchObject({ read: 4, inserted: 2, refused: 2 });
    expect((await sheetsOf(file("enterprises-checked.xlsx.errors.xlsx")))["未导入的行"]).toEqual([
      ["行号", ...enterpriseHeaders, "错误说明"],
      ["4", creditCode(403), "未知地区公司", "C2614", "379999", "2020-03-01", "所在地区: 379999 不是已知的 GB/T 2260 行政区划代码"],
      [
        "5",
        creditCode(404),
        "不存在日期公司",
        "C2614",
        "370303",
        "2025-02-30",
        "参保登记日期: 2025-02-30 不是真实的日期: 2025 年 2 月只有 28 天, 没有 30 日",
      ],
    ]);
    // GB 32100's pilot codes fail the check yet are legal: registered, and flagged for review rather than refused.
    const [flagged] = await hub.databases.hrss.query("SELECT credit_code_needs_review AS review FROM enterprise WHERE credit_code = ?", [
      misspelt(creditCode(402)),
    ]);
    expect(Number(flagged.review)).toBe(1);

    const personHeaders = ["公民身份号码", "姓名", "参保单位统一社会信用代码", "参保日期"];
    const badIdNumber = misspelt(idNumber(201));
    const wrongEmployer = misspelt(creditCode(401));
    await writeXlsx(file("persons-checked.xlsx"), [
      personHeaders,
      [badIdNumber, "钱一", creditCode(401), "2025-01-02"],
      [idNumber(202), "孙二", wrongEmployer, "2025-01-02"],
      [idNumber(203), "周三", creditCode(401), "2025-02-30"],
    ]);
    expect(await runImport(await options({ kind: "person", file: file("persons-checked.xlsx") }))).toMatchObject({
      read: 3,
      inserted: 0,
      refused: 3,
    });
    expect((await sheetsOf(file("persons-checked.xlsx.errors.xlsx")))["未导入的行"]).toEqual([
      ["行号", ...personHeaders, "错误说明"],
      [
        "2",
        badIdNumber,
        "钱一",
        creditCode(401),
        "2025-01-02",
        `公民身份号码: 校验位应为 ${idNumber(201)[17]}, 实为 ${badIdNumber[17]} (GB 11643 MOD 11-2)`,
      ],
      [
        "3",
        idNumber(202),
        "孙二",
        wrongEmployer,
        "2025-01-02",
        `参保单位统一社会信用代码: 统一社会信用代码 ${wrongEmployer} 的单位尚未参保登记; 其校验位应为 ${creditCode(401)[17]}, 实为 ${wrongEmployer[17]} (GB 32100), 请核对是否填错`,
      ],
      [
        "4",
        idNumber(203),
        "周三",
        creditCode(401),
        "2025-02-30",
        "参保日期: 2025-02-30 不是真实的日期: 2025 年 2 月只有 28 天, 没有 30 日",
      ],
    ]);
  });

  it(
    "runs as a command: a template, then an import with plain progress lines and the summary",
    async () => {
      const env = {
        ...process.env,
        LIANFANG_GATEWAY_URL: hub.gatewayUrl,
        LIANFANG_TOKEN: await hub.keys.token({ agency: "unions", roles: ["admin"] }),
      };
      const command = (...args: string[]) => run("node", ["-r", "@swc-node/register", "import/main.ts", ...args], { env });
      await command("--template", "training-session", "--out", file("培训模板.xlsx"));
      const [header, example] = (await sheetsOf(file("培训模板.xlsx")))["工会工伤预防培训"];
      writeFileSync(file("培训.csv"), csv([header, example, ["GH-2024-0601", "2024-06-01", "安全生产月宣讲", "120", "2"]]));
      const imported = await command("--agency", "unions", "--kind", "training-session", "--file", file("培训.csv"));
      expect(imported.stdout).toBe("读取 2 行: 新增 2, 更新 0, 未变 0, 拒绝 0\n");
      expect(imported.stderr).toContain("已处理 2/2 行");
      const again = await command("--agency", "unions", "--kind", "training-session", "--file", file("培训.csv"));
      expect(again.stdout).toBe("读取 2 行: 新增 0, 更新 0, 未变 2, 拒绝 0\n没有任何记录需要改动: 文件与中心的记录一致\n");
      const wrong = await command("--agency", "unions", "--kind", "enterprise", "--file", file("培训.csv")).catch((error) => error);
      expect([wrong.code, wrong.stderr]).toEqual([1, "参保单位 (enterprise) 由 hrss 维护, unions 不能导入他部门的记录\n"]);
    },
    heavyTestTimeoutMs,
  );
});
