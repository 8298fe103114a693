import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { ConstructionProject } from "../subgraphs/housing/construction-project.entity";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { InjuryRecognition } from "../subgraphs/hrss/injury-recognition.entity";
import { seeded } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

/** Debian's chromium, or the one LIANFANG_CHROMIUM names; the tests never download a browser. */
const chromiumPath = [process.env.LIANFANG_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);
if (!chromiumPath) {
  process.stderr.write(
    "console browser tests skipped: no Chromium here; install it with `apt-get install chromium` (or set LIANFANG_CHROMIUM)\n",
  );
}

export const screenshotDir = path.resolve(__dirname, "..", "test-results", "screenshots");
// A browser on two shared cores is slow but not stuck: generous limits, no waiting on the clock.
jest.setTimeout(240_000);
const actionTimeoutMs = 120_000;
/** A form's submit button once it may be pressed: antd ignores a click on a button still loading (a page's catalogue, say). */
const ready = "button[type=submit]:not(.ant-btn-loading)";

(chromiumPath ? describe : describe.skip)("the console in a real browser, against the hub", () => {
  let hub: Federation;
  let browser: Browser;
  let origin: string;
  const byCode = <T extends { creditCode: string }>(rows: T[], creditCode: string) => rows.filter((row) => row.creditCode === creditCode);
  const enterprises = () => seeded(hub.city, "hrss", Enterprise);
  const recognitions = () => seeded(hub.city, "hrss", InjuryRecognition);
  const diseases = () => seeded(hub.city, "health", OccupationalDiseaseCase);
  /** An employer with graded injury recognitions (人社) and occupational-disease cases (卫健). */
  const employer = () =>
    enterprises().find(
      (enterprise) =>
        byCode(recognitions(), enterprise.creditCode).some((recognition) => recognition.disabilityGrade !== null) &&
        byCode(diseases(), enterprise.creditCode).length > 0,
    )!;

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    hub = await startFederation({ console: { devSignIn: true } });
    origin = new URL(hub.gatewayUrl).origin;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

  /** Signs in through the development sign-in page, then chooses the purpose and case at the top. */
  async function signIn(agencyName: string, user: string, roles: string[], purposeName: string, caseRef: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    context.setDefaultTimeout(actionTimeoutMs);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const form = page.getByTestId("dev-sign-in");
    const agency = form.getByTestId("agency");
    await agency.selectOption((await agency.locator("option", { hasText: agencyName }).getAttribute("value"))!);
    await form.getByTestId("user").fill(user);
    for (const role of roles) await form.getByText(role, { exact: true }).click();
    await form.locator(ready).click();
    const chooser = page.getByTestId("work-chooser");
    const caseInput = page.getByTestId("case");
    const chosen = chooser.locator(".ant-select-selection-item", { hasText: purposeName });
    // A click on an option while antd's dropdown is still opening can select nothing: choose again until both show.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press("Escape");
      await chooser.getByTestId("purpose").click();
      await page.locator(".ant-select-item-option", { hasText: purposeName }).click();
      await caseInput.fill(caseRef);
      const shown = await chosen.waitFor({ timeout: 30_000 }).then(
        async () => (await caseInput.inputValue()) === caseRef,
        () => false,
      );
      if (shown) break;
      if (attempt === 3) throw new Error(`the work chooser did not take purpose ${purposeName} and case ${caseRef}`);
    }
    await chooser.locator(ready).click();
    return page;
  }

  it("signs in as 应急, finds an enterprise by name and reads 人社's and 卫健's sections of its record", async () => {
    const enterprise = employer();
    const signInPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" })).newPage();
    await signInPage.goto(`${origin}/`);
    await signInPage.getByTestId("dev-sign-in").waitFor();
    await shoot(signInPage, "01-sign-in");

    const page = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await page.getByTestId("enterprise-name").fill(enterprise.name);
    await page.getByTestId("enterprise-search").locator(ready).click();
    await page.getByTestId("enterprise-results").getByRole("link", { name: enterprise.name }).waitFor();
    await shoot(page, "02-enterprise-search");
    await page.getByTestId("enterprise-results").getByRole("link", { name: enterprise.name }).click();

    const hrss = page.getByTestId("section-hrss").first();
    await hrss.waitFor();
    const disease = byCode(diseases(), enterprise.creditCode)[0];
    await page.getByTestId("section-health").getByText(disease.diseaseName).first().waitFor();
    expect(await hrss.textContent()).toContain(enterprise.name);
    expect(await page.getByTestId("section-hrss").nth(1).textContent()).toContain(byCode(recognitions(), enterprise.creditCode)[0].id);
    expect(await page.getByTestId("section-health").textContent()).toContain("数据来源：卫生健康委员会");
    await shoot(page, "03-enterprise-record");
  });

  it("checks a credit code's form and check character before asking", async () => {
    const page = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await page.getByTestId("credit-code").fill("91370300");
    await page.getByTestId("enterprise-search").locator(ready).click();

    await page.getByText("统一社会信用代码应为18位，现为8位").waitFor();
    expect(await page.getByTestId("enterprise-results").count()).toBe(0);
  });

  it("shows a field that is not shared as 无权查看, with its owner and legal basis", async () => {
    const project = seeded(hub.city, "housing", ConstructionProject)[0];
    const page = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await page.goto(`${origin}/#/enterprises/${project.creditCode}`);

    const housing = page.getByTestId("section-housing");
    await housing.getByText(project.permitNo).waitFor();
    const text = await housing.textContent();
    expect(text).toContain("无权查看：合同金额（ConstructionProject.contractValueYuan）");
    expect(text).toContain("不予共享，数据属于住建；依据：商业秘密");
    expect(text).toContain("此类数据不予共享，无法申请");
    await shoot(page, "04-not-shared");
  });

  it("applies for a conditional field, the owner's admin approves it, and the data opens", async () => {
    const enterprise = employer();
    const graded = byCode(recognitions(), enterprise.creditCode).find((recognition) => recognition.disabilityGrade !== null)!;

    const applicant = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await applicant.goto(`${origin}/#/enterprises/${enterprise.creditCode}`);
    const injuries = applicant.getByTestId("section-hrss").nth(1);
    await injuries.getByText("无权查看：伤残等级").waitFor();
    await injuries.getByRole("button", { name: "申请使用" }).click();
    const form = applicant.getByTestId("apply-form");
    await form.getByTestId("justification").fill("联合检查需核对工伤职工伤残等级");
    await shoot(applicant, "05-apply");
    await form.locator(ready).click();
    await applicant.getByTestId("mine").getByText("待答复").waitFor();

    const owner = await signIn("人力资源和社会保障局", "li", ["管理员"], "联合检查", "共享审批");
    await owner.goto(`${origin}/#/sharing`);
    await owner.getByRole("tab", { name: /待我答复/ }).click();
    const inbox = owner.getByTestId("inbox");
    await inbox.getByText("伤残等级（InjuryRecognition.disabilityGrade）").waitFor();
    await shoot(owner, "06-inbox");
    await inbox.getByRole("button", { name: /批\s*准/ }).click();
    await inbox.getByText("没有待答复的申请").waitFor();
    await owner.getByRole("tab", { name: "生效授权" }).click();
    await owner.getByTestId("grants").getByText("伤残等级（InjuryRecognition.disabilityGrade）").waitFor();
    await shoot(owner, "07-grants");
    await hub.governance.grants.refresh();

    const reader = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await reader.goto(`${origin}/#/enterprises/${enterprise.creditCode}`);
    const opened = reader.getByTestId("section-hrss").nth(1);
    await opened.getByText(graded.id).waitFor();
    await opened.getByText(`${graded.disabilityGrade}级`).first().waitFor();
    expect(await opened.textContent()).not.toContain("无权查看");
    await shoot(reader, "08-granted");
  });

  it("draws the meeting report's charts, after saying in Chinese which input the hub refused", async () => {
    const page = await signIn("联席会议办公室", "zhao", [], "联席会议报告", "2024年度联席会议");
    await page.goto(`${origin}/#/report`);
    await page.getByTestId("region-code").fill("370399");
    await page.getByTestId("report-form").locator(ready).click();
    await page.getByTestId("problems").getByText("输入有误：行政区划代码").waitFor();

    await page.getByTestId("region-code").fill("370300");
    await page.getByTestId("period").fill("2024");
    await page.getByTestId("report-form").locator(ready).click();

    const charts = [
      "chart-grades",
      "chart-months",
      "chart-diseases",
      "chart-injuries",
      "chart-vehicles",
      "chart-construction",
      "chart-complaints",
    ];
    for (const chart of charts) await page.locator(`[data-testid=${chart}][data-rendered=true]`).waitFor();
    // Runs in the page: counts the pixels each chart's canvas has painted.
    const painted: number[] = await page.evaluate(`[${charts.map((id) => `"${id}"`).join(",")}].map((id) => {
      const canvas = document.querySelector("[data-testid=" + id + "] canvas");
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) drawn += 1;
      return drawn;
    })`);
    expect(painted.every((drawn) => drawn > 1000)).toBe(true);
    expect(await page.getByTestId("report").textContent()).toContain("淄博市 2024年度工伤预防联防联控情况");
    await shoot(page, "09-meeting-report");

    // The same report as a document, made by the hub from this session's token and case.
    const [saved] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByTestId("download-xlsx").click()]);
    expect(saved.suggestedFilename()).toBe("淄博市2024年工伤预防联防联控工作报告.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await saved.path())!);
    expect(workbook.worksheets[0].name).toBe("报告说明");
  });

  it("lists joint inspections, overdue rectifications and typical cases", async () => {
    const page = await signIn("联席会议办公室", "zhao", [], "联合检查", "LJ-2025-001");
    await page.goto(`${origin}/#/inspections`);
    await page.getByTestId("inspections").locator("tbody tr.ant-table-row").first().waitFor();
    await shoot(page, "10-inspections");
  });

  it("shows an auditor who read a person's data, when and why", async () => {
    const person = hub.city.persons[0];
    await hub.post(
      { query: `query ReadPerson($pid: String!) { person(pid: $pid) { pid injuryRecognitions { id } } }`, variables: { pid: person.pid } },
      { authorization: `Bearer ${await hub.keys.token({ agency: "hrss", user: "chen" })}`, "x-lianfang-case": "GS-2024-017" },
    );
    const page = await signIn("人力资源和社会保障局", "audit", ["审计员"], "监督执法", "审计-2025-01");
    await page.goto(`${origin}/#/audit`);
    await page.getByTestId("pid").fill(person.pid);
    await page.getByTestId("audit-form").locator(ready).click();

    const trail = page.getByTestId("audit-trail");
    await trail.getByText("GS-2024-017").waitFor();
    expect(await trail.textContent()).toContain("chen");
    await shoot(page, "11-audit");
  });

  it("finds a person by ID number, personal fields withheld without a grant", async () => {
    const person = hub.city.persons[0];
    const page = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await page.goto(`${origin}/#/persons`);
    await page.getByTestId("id-number").fill(person.idNumber);
    await page.getByTestId("person-search").locator(ready).click();

    await page.getByTestId("person").getByText(person.pid).waitFor();
    expect(await page.getByTestId("person").textContent()).toContain("无权查看：身份证号");
    await shoot(page, "12-person");
  });

  it("imports a spreadsheet as 人社's administrator: the good row saved, the bad one shown with its reason", async () => {
    const codeOf = (first17: string) => first17 + creditCodeCheckCharacter(first17);
    const [saved, refused] = [codeOf("91370303MD0000001"), codeOf("91370303MD0000002")];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("参保单位");
    sheet.addRow(["统一社会信用代码", "单位名称", "行业代码", "所在地区", "参保登记日期"]);
    sheet.addRow([saved, "淄博浏览器导入有限公司", "C2614", "370303", "2020-03-01"]);
    sheet.addRow([refused, "淄博未来有限公司", "C2614", "370303", "2099-01-01"]);

    const page = await signIn("人力资源和社会保障局", "li", ["管理员"], "数据维护", "数据维护-2026-06");
    await page.goto(`${origin}/#/import`);
    await page
      .getByTestId("import-form")
      .locator("input[type=file]")
      .setInputFiles({
        name: "参保单位.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
    await page.getByTestId("import").click();

    const summary = page.getByTestId("import-summary");
    await summary.getByText("参保登记日期: 不能晚于今天").waitFor();
    const text = await summary.textContent();
    expect(text).toContain("导入结果");
    expect(text).toMatch(/读取（行）2新增1更新0未变0拒绝1/);
    expect(await summary.getByTestId("refused-rows").locator("tbody tr.ant-table-row").allTextContents()).toEqual([
      `3${refused}淄博未来有限公司C26143703032099-01-01参保登记日期: 不能晚于今天 (2026-06-15)`,
    ]);
    await shoot(page, "14-import");

    const [errors] = await Promise.all([page.waitForEvent("download"), summary.getByTestId("download-errors").click()]);
    expect(errors.suggestedFilename()).toBe("参保单位-未导入的行.xlsx");
    const answer = await hub.post(
      { query: `{ saved: enterprise(creditCode: "${saved}") { name } refused: enterprise(creditCode: "${refused}") { name } }` },
      { authorization: `Bearer ${await hub.keys.token({ agency: "hrss" })}` },
    );
    expect(answer.body).toEqual({ data: { saved: { name: "淄博浏览器导入有限公司" }, refused: null } });
  });

  // Last: it takes 卫健 down for good.
  it("greys out the sections of a department that is down, and shows the rest", async () => {
    const enterprise = employer();
    await hub.stopSubgraph("health");
    const page = await signIn("应急管理局", "wang", [], "联合检查", "LJ-2025-001");
    await page.goto(`${origin}/#/enterprises/${enterprise.creditCode}`);

    const health = page.getByTestId("section-health");
    await health.getByText("卫健暂时无法访问，本部分数据暂缺；其他部门的数据不受影响。").waitFor();
    expect(await page.getByTestId("section-emergency").textContent()).toContain(
      seeded(hub.city, "emergency", Accident).find((accident) => accident.creditCode === enterprise.creditCode)!.id,
    );
    expect(await health.getAttribute("style")).toContain("opacity: 0.55");
    await shoot(page, "13-department-down");
  });
});
