import { barChart, cjkFontFamily, horizontalBarChart, lineChart } from "./charts";
import { departmentNames } from "./fetch";
import {
  changeOf,
  feeCategoryNames,
  formatNumber,
  goalText,
  numberText,
  progressStatusNames,
  scopeText,
  trainingMetrics,
  valueText,
  yuanText,
  type Cell,
  type Column,
  type Figure,
  type FigureTable,
  type ReportModel,
} from "./figures";
import { agencyNames } from "../reference/labels";
import type { PlanTarget } from "./query";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] as string);

/** An instant as China's wall-clock time, to the second. */
export function chinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

const styles = `
@page { size: A4; margin: 18mm 17mm 20mm; }
* { box-sizing: border-box; }
html { font-family: ${cjkFontFamily}; color: #1d1f23; font-size: 10.5pt; line-height: 1.65; }
body { margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 14mm 17mm; background: #fff; } html { background: #e9ecf0; } }
h1, h2, h3 { font-weight: 700; line-height: 1.35; }
h2 { font-size: 15pt; margin: 18pt 0 8pt; padding-left: 8pt; border-left: 5pt solid #a8201a; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 6pt; break-after: avoid; }
p { margin: 4pt 0; }
.cover { min-height: 255mm; display: flex; flex-direction: column; justify-content: space-between; text-align: center; break-after: page; padding: 18mm 0 8mm; }
.cover .organ { font-size: 14pt; letter-spacing: 2pt; color: #a8201a; }
.cover h1 { font-size: 26pt; margin: 30mm 0 6mm; letter-spacing: 1pt; }
.cover .kind { font-size: 14pt; color: #4a5058; }
.cover dl { display: grid; grid-template-columns: 32mm auto; gap: 3pt 8pt; width: 120mm; margin: 18mm auto 0; text-align: left; font-size: 11pt; }
.cover dt { color: #5b626b; text-align: right; }
.cover dd { margin: 0; }
.cover .issuer { font-size: 12pt; }
.summary { break-after: page; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin: 6pt 0 10pt; }
.tile { border: 1px solid #d5d9df; border-radius: 4pt; padding: 6pt 9pt; break-inside: avoid; }
.tile .label { color: #5b626b; font-size: 9.5pt; }
.tile .value { font-size: 19pt; font-weight: 700; line-height: 1.3; }
.tile .unit { font-size: 10pt; font-weight: 400; margin-left: 2pt; }
.tile .change { font-size: 9pt; color: #5b626b; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
th, td { border: 1px solid #c9ced6; padding: 3pt 6pt; vertical-align: top; }
th { background: #eef1f5; font-weight: 700; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.transposed th, table.transposed td { padding: 3pt 4pt; }
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 2pt 4pt; white-space: nowrap; }
table.wide td.wrap { white-space: normal; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rise { color: #a8201a; }
.fall { color: #2b7a3d; }
.chart { break-inside: avoid; margin: 4pt 0 8pt; }
.chart svg { width: 100%; height: auto; display: block; }
.missing { border: 1px solid #e0a42b; background: #fff7e6; padding: 6pt 9pt; margin: 6pt 0; border-radius: 3pt; break-inside: avoid; }
.note { color: #5b626b; font-size: 9pt; }
.case { border-left: 3pt solid #c9ced6; padding: 2pt 0 2pt 8pt; margin: 6pt 0 10pt; break-inside: avoid; }
.case h3 { margin: 0 0 2pt; }
.sources { break-before: page; }
.target { border: 1px solid #d5d9df; border-radius: 3pt; padding: 5pt 8pt; margin: 5pt 0; break-inside: avoid; }
.target-head strong { font-weight: 700; }
.target-figures { font-size: 9.5pt; margin: 2pt 0; }
.status { display: inline-block; font-size: 8.5pt; padding: 0 5pt; margin-right: 6pt; border-radius: 2pt; color: #fff; background: #7a8088; }
.progress { position: relative; height: 9pt; background: #eceff3; border-radius: 2pt; margin: 4pt 0; }
.progress .fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 2pt; background: #7a8088; }
.status.ACHIEVED, .progress .fill.ACHIEVED { background: #2b7a3d; }
.status.ON_TRACK, .progress .fill.ON_TRACK { background: #1f5fa8; }
.status.OFF_TRACK, .progress .fill.OFF_TRACK { background: #d08a12; }
.status.MISSED, .progress .fill.MISSED { background: #a8201a; }
.progress .expected { position: absolute; top: -2pt; bottom: -2pt; width: 0; border-left: 1.5pt solid #1d1f23; }
`;

function cellText(value: Cell, kind: Column["kind"]): string {
  if (value === null) return "—";
  if (kind === "percent" && typeof value === "number") return `${(value * 100).toFixed(1)}%`;
  if (kind === "decimal" && typeof value === "number") return value.toFixed(2);
  if (kind === "money" && typeof value === "number") return yuanText(value);
  return typeof value === "number" ? formatNumber(value) : escapeHtml(value);
}

/** A table of figures; every number cell carries data-figure="<table>.<row>.<column>" so the document can be checked. */
function renderTable(table: FigureTable, rowsShown = table.rows.length, columns = table.columns, wide = false): string {
  const [first] = table.columns;
  const head = columns.map((column) => `<th class="${column.kind === "text" ? "" : "number"}">${escapeHtml(column.header)}</th>`).join("");
  const body = table.rows
    .slice(0, rowsShown)
    .map((row) => {
      const rowKey = String(row[first.key] ?? "");
      const cells = columns.map((column) => {
        const value = row[column.key];
        const attributes =
          column.kind === "text"
            ? column.wrap
              ? ' class="wrap"'
              : ""
            : ` class="number" data-figure="${escapeHtml(`${table.key}.${rowKey}.${column.key}`)}"`;
        return `<td${attributes}>${cellText(value, column.kind)}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table data-table="${table.key}"${wide ? ' class="wide"' : ""}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The same table turned on its side (rows become columns), for long short rows such as the twelve
 * months: each number keeps the data-figure of its row and column.
 */
function renderTransposed(table: FigureTable, label: (rowKey: string) => string): string {
  const [first, ...measures] = table.columns;
  const keys = table.rows.map((row) => String(row[first.key] ?? ""));
  const head = keys.map((key) => `<th class="number">${escapeHtml(label(key))}</th>`).join("");
  const body = measures
    .map((column) => {
      const cells = table.rows.map(
        (row, index) =>
          `<td class="number" data-figure="${escapeHtml(`${table.key}.${keys[index]}.${column.key}`)}">${cellText(row[column.key], column.kind)}</td>`,
      );
      return `<tr><th>${escapeHtml(column.header)}</th>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table data-table="${table.key}" class="transposed"><thead><tr><th>${escapeHtml(first.header)}</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Says which of the departments a section needs did not answer; the section then shows no number. */
function missingNotice(model: ReportModel, ...agencies: string[]): string {
  const down = model.data.missing.filter((department) => agencies.includes(department.agency));
  const named = down.length
    ? down
        .map(
          (department) =>
            `<strong>${escapeHtml(departmentNames[department.agency] ?? department.agency)}</strong>${escapeHtml(department.reason)}`,
        )
        .join("；")
    : `本部分所需部门（${agencies.map((agency) => escapeHtml(departmentNames[agency] ?? agency)).join("、")}）未返回数据`;
  return `<div class="missing" data-missing="${down.map((department) => department.agency).join(" ") || agencies.join(" ")}">${named}。本部分不列任何数字，以免以缺代零；该部门恢复后重新生成本报告即可补齐。</div>`;
}

/** Whether a rise of this figure is bad news (accidents) or work done (inspections): only colours the change. */
const riseIsBad = new Set([
  "accidents",
  "deaths",
  "seriousInjuries",
  "largerAccidents",
  "occupationalDiseases",
  "severelyDisabled",
  "constructionHazards",
]);

function changeHtml(figure: Figure): string {
  const change = changeOf(figure);
  const tone = change.delta && riseIsBad.has(figure.key) ? (change.delta > 0 ? "rise" : "fall") : "";
  return `<span class="${tone}">${escapeHtml(change.text)}</span>`;
}

function valueHtml(figure: Figure, which: "current" | "previous"): string {
  const value = figure[which];
  const attribute = which === "current" ? "data-figure" : "data-figure-previous";
  if (which === "previous" && !figure.compared) return "—";
  return `<span ${attribute}="${figure.key}">${value === null ? "暂缺" : formatNumber(value)}</span>`;
}

function cover(model: ReportModel): string {
  const { data } = model;
  const missing = data.missing.length
    ? `<div class="missing">本报告缺少以下部门的数据：${data.missing
        .map((department) => escapeHtml(departmentNames[department.agency] ?? department.agency))
        .join("、")}（详见文末“数据来源与说明”）。</div>`
    : "";
  return `<section class="cover">
  <div class="organ">工伤预防联防联控工作领导小组</div>
  <div>
    <h1>${escapeHtml(data.region.name)}${escapeHtml(data.period.label)}<br>工伤预防联防联控工作报告</h1>
    <div class="kind">联席会议材料</div>
    <dl>
      <dt>行政区划</dt><dd>${escapeHtml(data.region.name)}（${data.region.code}）</dd>
      <dt>报告期间</dt><dd>${escapeHtml(data.period.label)}（${data.period.from} 至 ${data.period.to}）</dd>
      <dt>同比期间</dt><dd>${escapeHtml(data.previousPeriod.label)}</dd>
      <dt>数据读取时间</dt><dd data-read-at="${data.readAt.toISOString()}">${chinaTime(data.readAt)}（北京时间）</dd>
    </dl>
    ${missing}
  </div>
  <div class="issuer">联席会议办公室<br><span class="note">根据各成员单位经联防中心共享的数据生成</span></div>
</section>`;
}

function summary(model: ReportModel): string {
  const { data } = model;
  const tiles = ["accidents", "deaths", "occupationalDiseases", "injuriesRecognised", "enterprisesInspected", "overdueRectifications"]
    .map((key) => model.summary.find((figure) => figure.key === key) as Figure)
    .map(
      (figure) => `<div class="tile"><div class="label">${escapeHtml(figure.label)}（${escapeHtml(agencyNames[figure.agency])}）</div>
  <div class="value">${figure.current === null ? "暂缺" : formatNumber(figure.current)}<span class="unit">${escapeHtml(figure.unit)}</span></div>
  <div class="change">${figure.compared ? `同比：${changeHtml(figure)}` : "本期数"}</div></div>`,
    )
    .join("\n");
  const rows = model.summary
    .map(
      (figure) =>
        `<tr><td>${escapeHtml(figure.label)}</td><td>${escapeHtml(figure.unit)}</td><td class="number">${valueHtml(figure, "current")}</td><td class="number">${valueHtml(
          figure,
          "previous",
        )}</td><td>${changeHtml(figure)}</td><td>${escapeHtml(agencyNames[figure.agency])}</td></tr>`,
    )
    .join("\n");
  const inProgress = data.inProgress ? `<p class="note">本期尚未结束：数字截至 ${data.today}，与上年同期全期相比。</p>` : "";
  const missing = data.missing.length ? `<p class="note">标“暂缺”的指标来自未能访问的部门，未计为 0。</p>` : "";
  return `<section class="summary">
<h2>一、主要指标</h2>
<p>${escapeHtml(data.region.name)}${escapeHtml(data.period.label)}主要指标如下，同比为与${escapeHtml(data.previousPeriod.label)}相比。</p>
${inProgress}
<div class="tiles">${tiles}</div>
<table data-table="summary"><thead><tr><th>指标</th><th>单位</th><th class="number">${escapeHtml(data.period.label)}</th><th class="number">${escapeHtml(
    data.previousPeriod.label,
  )}</th><th>同比</th><th>提供部门</th></tr></thead><tbody>
${rows}
</tbody></table>
${missing}
</section>`;
}

function accidentSection(model: ReportModel, number: string): string {
  const byGrade = model.tables.accidentsByGrade;
  const byMonth = model.tables.accidentsByMonth;
  const statistics = model.data.current.accidentStatistics;
  if (!statistics) return `<h2>${number}、生产安全事故（应急管理局）</h2>${missingNotice(model, "emergency")}`;
  const monthName = (month: string) => `${Number(month.slice(5))}月`;
  const months = byMonth.rows.map((row) => monthName(String(row.month)));
  return `<h2>${number}、生产安全事故（应急管理局）</h2>
<p>本期共发生生产安全事故 <strong>${formatNumber(statistics.accidents)}</strong> 起，死亡 <strong>${formatNumber(statistics.deaths)}</strong> 人，重伤 <strong>${formatNumber(
    statistics.seriousInjuries,
  )}</strong> 人。事故等级按《生产安全事故报告和调查处理条例》（国务院令第493号）第三条，取死亡、重伤、直接经济损失中最严重者。</p>
<h3>按事故等级</h3>
<div class="chart">${barChart(
    byGrade.rows.map((row) => String(row.grade)),
    [
      { name: "事故起数", values: byGrade.rows.map((row) => Number(row.accidents)) },
      { name: "死亡人数", values: byGrade.rows.map((row) => Number(row.deaths)) },
    ],
    240,
  )}</div>
${renderTable(byGrade)}
<h3>按月份</h3>
<div class="chart">${lineChart(months, [
    { name: "事故起数", values: byMonth.rows.map((row) => Number(row.accidents)) },
    { name: "死亡人数", values: byMonth.rows.map((row) => Number(row.deaths)) },
  ])}</div>
${renderTransposed(byMonth, monthName)}`;
}

function diseaseSection(model: ReportModel, number: string): string {
  const table = model.tables.diseasesByCategory;
  const statistics = model.data.current.occupationalDiseaseStatistics;
  if (!statistics) return `<h2>${number}、职业病（卫生健康委员会）</h2>${missingNotice(model, "health")}`;
  const chart = table.rows.length
    ? `<div class="chart">${horizontalBarChart(
        table.rows.map((row) => String(row.category)),
        table.rows.map((row) => Number(row.cases)),
        "新发病例",
      )}</div>`
    : "";
  return `<h2>${number}、职业病（卫生健康委员会）</h2>
<p>本期新诊断职业病 <strong>${formatNumber(statistics.newCases)}</strong> 例，按诊断当日适用的《职业病分类和目录》归类（2025年8月1日起为新目录）。</p>
${chart}
${table.rows.length ? renderTable(table) : "<p>本期无新发职业病病例。</p>"}`;
}

function injurySection(model: ReportModel, number: string): string {
  const statistics = model.data.current.injuryStatistics;
  if (!statistics) return `<h2>${number}、工伤认定（人力资源和社会保障局）</h2>${missingNotice(model, "hrss")}`;
  const share =
    statistics.applications === 0
      ? "本期无工伤认定申请，无认定比例可言"
      : `认定比例 ${((statistics.recognised / statistics.applications) * 100).toFixed(1)}%`;
  return `<h2>${number}、工伤认定（人力资源和社会保障局）</h2>
<p>本期受伤并申请工伤认定 <strong>${formatNumber(statistics.applications)}</strong> 件，其中认定为工伤 <strong>${formatNumber(
    statistics.recognised,
  )}</strong> 件（${share}），一至四级伤残 <strong>${formatNumber(statistics.severelyDisabled)}</strong> 人。</p>
<div class="chart">${barChart(
    ["工伤认定申请", "认定为工伤", "一至四级伤残"],
    [{ name: "件（人）", values: [statistics.applications, statistics.recognised, statistics.severelyDisabled] }],
    220,
  )}</div>
${renderTable(model.tables.injuries)}`;
}

const escalationsShown = 30;

function jointWorkSection(model: ReportModel, number: string): string {
  const joint = model.data.current.jointWork;
  const heading = `<h2>${number}、联合检查与限期整改（联席会议办公室）</h2>`;
  if (!joint) return heading + missingNotice(model, "coordination");
  const escalations = model.tables.escalations;
  const stages = ["催告企业", "通报主管部门", "移交依法处理"]
    .map((stage) => `${stage} ${formatNumber(escalations.rows.filter((row) => row.stage === stage).length)} 次`)
    .join("，");
  const overdue = model.summary.find((figure) => figure.key === "overdueRectifications")?.current ?? 0;
  const list = escalations.rows.length
    ? `${renderTable(escalations, escalationsShown)}${
        escalations.rows.length > escalationsShown
          ? `<p class="note">共 ${formatNumber(escalations.rows.length)} 条督办记录，此处列出前 ${escalationsShown} 条；全部见同一报告的 xlsx 工作簿“逾期整改督办”表。</p>`
          : ""
      }`
    : "<p>本期没有逾期未整改的督办记录。</p>";
  return `${heading}
<p>本期计划联合检查 <strong>${formatNumber(joint.inspectionsPlanned)}</strong> 次，已结束 <strong>${formatNumber(
    joint.inspectionsClosed,
  )}</strong> 次；检查本区域企业 <strong>${formatNumber(joint.enterprisesInspected)}</strong> 家次，发现隐患并责令限期整改 <strong>${formatNumber(
    joint.rectificationsOrdered,
  )}</strong> 家次。</p>
${renderTable(model.tables.jointWork)}
<h3>逾期整改督办</h3>
<p>本期有 <strong data-figure="overdueRectifications.count">${formatNumber(overdue)}</strong> 件整改逾期未经确认而被督办：${stages}。督办按整改期限后第 1、5、10 个工作日依次催告企业、通报主管部门、移交依法处理。</p>
${list}`;
}

function transportSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、道路运输（交通运输局）</h2>`;
  const statistics = model.data.current.transportStatistics;
  if (!statistics) return heading + missingNotice(model, "transport");
  const byClass = model.tables.vehiclesByClass;
  const chart = byClass.rows.length
    ? `<div class="chart">${barChart(
        byClass.rows.map((row) => String(row.vehicleClass)),
        [
          { name: "营运车辆", values: byClass.rows.map((row) => Number(row.vehicles)) },
          { name: "本期到期的道路运输证", values: byClass.rows.map((row) => Number(row.certificatesExpiring)) },
        ],
        220,
      )}</div>`
    : "";
  return `${heading}
<p>本区域持有道路运输经营许可证的经营者 <strong>${formatNumber(statistics.licensedOperators)}</strong> 家，其中 <strong>${formatNumber(
    statistics.licencesExpiring,
  )}</strong> 家的许可证在本期内到期；营运车辆 <strong>${formatNumber(statistics.vehicles)}</strong> 辆，其中 <strong>${formatNumber(
    statistics.certificatesExpiring,
  )}</strong> 辆的道路运输证在本期内到期。</p>
<p class="note">经营者和车辆为交通运输局读取时的现有登记；按经营者统一社会信用代码中的登记地计入本区域，不按车籍或运输线路。</p>
${chart}
${renderTable(model.tables.transport)}
${byClass.rows.length ? renderTable(byClass) : "<p>本区域没有登记的营运车辆。</p>"}`;
}

function constructionSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、建设工程施工安全（住房和城乡建设局）</h2>`;
  const statistics = model.data.current.constructionSafetyStatistics;
  if (!statistics) return heading + missingNotice(model, "housing");
  return `${heading}
<p>本期核发施工许可 <strong>${formatNumber(statistics.projectsPermitted)}</strong> 个项目；开展施工安全检查 <strong>${formatNumber(
    statistics.inspections,
  )}</strong> 次，涉及 ${formatNumber(statistics.projectsInspected)} 个项目，发现隐患 <strong>${formatNumber(
    statistics.hazardsFound,
  )}</strong> 处，责令限期整改 ${formatNumber(statistics.rectificationsOrdered)} 次，其中停工整改 <strong>${formatNumber(
    statistics.stopWorkOrders,
  )}</strong> 次；${formatNumber(statistics.workersEntered)} 名建筑工人进场实名登记。</p>
<p class="note">按施工单位统一社会信用代码中的登记地计入本区域，不按项目所在地。</p>
<div class="chart">${barChart(
    ["施工安全检查", "发现隐患", "责令限期整改", "停工整改"],
    [
      {
        name: "次（处）",
        values: [statistics.inspections, statistics.hazardsFound, statistics.rectificationsOrdered, statistics.stopWorkOrders],
      },
    ],
    220,
  )}</div>
${renderTable(model.tables.construction)}`;
}

function unionSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、劳动保护监督与职工投诉（总工会）</h2>`;
  const statistics = model.data.current.unionSupervisionStatistics;
  if (!statistics) return heading + missingNotice(model, "unions");
  const byCategory = model.tables.complaintsByCategory;
  const chart = byCategory.rows.length
    ? `<div class="chart">${horizontalBarChart(
        byCategory.rows.map((row) => String(row.category)),
        byCategory.rows.map((row) => Number(row.complaints)),
        "投诉",
      )}</div>`
    : "";
  return `${heading}
<p>本期工会开展劳动保护监督检查 <strong>${formatNumber(statistics.checks)}</strong> 次，检查用人单位 ${formatNumber(
    statistics.enterprisesChecked,
  )} 家，发现隐患 <strong>${formatNumber(statistics.hazardsFound)}</strong> 处，读取时仍有 ${formatNumber(
    statistics.checksAwaitingRectification,
  )} 次检查的隐患待整改；受理职工投诉 <strong>${formatNumber(statistics.complaintsReceived)}</strong> 件，转办有关部门 ${formatNumber(
    statistics.complaintsTransferred,
  )} 件，已办结 ${formatNumber(statistics.complaintsResolved)} 件。</p>
<p class="note">按被检查、被投诉用人单位统一社会信用代码中的登记地计入本区域。工会组织的工伤预防培训不记录用人单位，无法按区域划分，不列入本部分。</p>
${renderTable(model.tables.unionSupervision)}
${chart}
${byCategory.rows.length ? renderTable(byCategory) : "<p>本期没有职工投诉。</p>"}`;
}

function typicalCaseSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、典型案例</h2>`;
  const { typicalCases, unplacedCases } = model.data;
  if (typicalCases === null) {
    const agency = model.data.missing.some((department) => department.agency === "coordination") ? "coordination" : "emergency";
    return heading + missingNotice(model, agency);
  }
  const render = (bulletin: (typeof typicalCases)[number]) => `<div class="case"><h3>${escapeHtml(bulletin.title)}</h3>
<p class="note">${bulletin.publishedOn} 发布${bulletin.accident ? ` · 事故编号 ${escapeHtml(bulletin.accident.id)}` : ""}</p>
<p>${escapeHtml(bulletin.summary)}</p><p><strong>警示：</strong>${escapeHtml(bulletin.lessons)}</p></div>`;
  const placed = typicalCases.length ? typicalCases.map(render).join("\n") : "<p>本期没有针对本区域企业事故发布的典型案例通报。</p>";
  const unplaced = unplacedCases.length
    ? `<h3>未关联具体事故的通报</h3><p class="note">以下通报未关联事故，无法归入区域，照录如下。</p>${unplacedCases.map(render).join("\n")}`
    : "";
  return `${heading}<p>联席会议办公室本期发布的、涉及本区域企业事故的典型案例通报：</p>${placed}${unplaced}`;
}

/** A target's progress as a bar: the share reached, a mark where a straight line to the deadline says it should be. */
function progressBar(target: PlanTarget): string {
  const { progress } = target;
  const share = progress.sharePercent;
  const fill = share === null ? "" : `<div class="fill ${progress.status}" style="width:${Math.min(100, Math.max(0, share))}%"></div>`;
  const expected = `<div class="expected" style="left:${Math.min(100, Math.max(0, progress.expectedSharePercent))}%" title="按时序应达 ${progress.expectedSharePercent.toFixed(1)}%"></div>`;
  return `<div class="progress">${fill}${expected}</div>`;
}

function achievedHtml(target: PlanTarget): string {
  const { progress } = target;
  if (progress.achievedValue === null) return "—";
  const share =
    progress.sharePercent === null
      ? ""
      : `，完成 <span data-figure="targets.${escapeHtml(target.id)}.share">${progress.sharePercent.toFixed(1)}</span>%`;
  const unit = target.unit === "%" || target.unit === "‰" ? target.unit : ` ${target.unit}`;
  return `<span data-figure="targets.${escapeHtml(target.id)}.achieved">${numberText(progress.achievedValue, target.unit)}</span>${escapeHtml(unit)}${share}`;
}

function targetCard(target: PlanTarget): string {
  const { progress } = target;
  return `<div class="target" data-target="${escapeHtml(target.id)}" data-status="${progress.status}">
<div class="target-head"><span class="status ${progress.status}">${escapeHtml(progressStatusNames[progress.status] ?? progress.status)}</span><strong>${escapeHtml(target.text)}</strong></div>
<div class="target-figures">指标：${escapeHtml(target.metricName)}（${escapeHtml(scopeText(target))}）　目标：${escapeHtml(goalText(target))}　期限：${target.deadline}　已达到：${achievedHtml(target)}</div>
${progressBar(target)}
<div class="note">${escapeHtml(progress.statusText)}　依据：${escapeHtml(target.sourceDocument)} ${escapeHtml(target.sourceArticle)}</div>
${progress.data.length ? `<div class="note">数据：${progress.data.map((datum) => `${escapeHtml(datum.label)}${datum.year ? `（${datum.year}年）` : ""} ${escapeHtml(valueText(datum.value, datum.unit))}`).join("；")}</div>` : ""}
</div>`;
}

function trainingSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、工伤预防培训（人力资源和社会保障局）</h2>`;
  const targets = model.data.targets;
  if (targets === null) return heading + missingNotice(model, "hrss", "coordination");
  const training = targets.filter((target) => trainingMetrics.includes(target.metric));
  if (!training.length) return `${heading}<p>适用于本地区本期的规划中没有培训目标。</p>`;
  const persons = training.filter((target) => target.unit === "人" && target.progress.achievedValue !== null);
  const chart = persons.length
    ? `<div class="chart">${barChart(
        persons.map((target) => `${target.metricName}${target.keyPostGroupName ? `（${target.keyPostGroupName}）` : ""}`),
        [
          { name: "已培训（人）", values: persons.map((target) => target.progress.achievedValue ?? 0) },
          { name: "目标（人）", values: persons.map((target) => target.progress.goalValue ?? target.goalValue) },
        ],
        260,
      )}</div>`
    : "";
  return `${heading}
<p>按规划的培训目标，统计本期参加工伤预防培训的人员（同一人多次培训计一人），以及应受训人员（摸底花名册）中已培训的比例；各目标的进度条和依据数据见“规划目标及进展”。</p>
${chart}
<table data-table="training"><thead><tr><th>培训目标</th><th>目标</th><th class="number">已达到</th><th class="number">完成比例</th><th>状态</th></tr></thead><tbody>
${training
  .map(
    (target) =>
      `<tr><td>${escapeHtml(target.metricName)}（${escapeHtml(scopeText(target))}）</td><td>${escapeHtml(goalText(target))}</td><td class="number">${
        target.progress.achievedValue === null ? "—" : escapeHtml(valueText(target.progress.achievedValue, target.unit))
      }</td><td class="number">${target.progress.sharePercent === null ? "—" : `${target.progress.sharePercent.toFixed(1)}%`}</td><td>${escapeHtml(
        progressStatusNames[target.progress.status] ?? target.progress.status,
      )}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`;
}

function feeSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、工伤预防费（人力资源和社会保障局）</h2>`;
  const fees = model.data.fees;
  if (fees === null) return heading + missingNotice(model, "hrss");
  if (!fees.length) return `${heading}<p>本地区所属统筹地区没有 ${model.data.period.year} 年度的工伤预防费预算，不列数字。</p>`;
  const paragraphs = fees
    .map(
      (entry) =>
        `<p>${escapeHtml(entry.poolingAreaName)} ${entry.year} 年度工伤预防费预算 <strong>${yuanText(entry.budgetFen)}</strong> 元（《工伤预防费使用管理暂行办法》第五条上限 ${yuanText(entry.capFen)} 元，即上年度征缴收入的 ${entry.capPercent}%）；截至 ${entry.asOf}，已签约 <strong>${yuanText(entry.committedFen)}</strong> 元（${entry.committedPercent === null ? "—" : `${entry.committedPercent.toFixed(1)}%`}，${formatNumber(entry.committedProjects)} 个项目），已支付 <strong>${yuanText(entry.paidFen)}</strong> 元（${entry.paidPercent === null ? "—" : `${entry.paidPercent.toFixed(1)}%`}），未签约余额 ${yuanText(entry.uncommittedFen)} 元。</p>`,
    )
    .join("\n");
  const categories = model.tables.feeCategories.rows;
  const tenThousand = (fen: number) => Number(fen) / 1_000_000;
  const chart = categories.length
    ? `<div class="chart">${barChart(
        categories.map((row) => String(row.row)),
        [
          { name: "预算（万元）", values: categories.map((row) => tenThousand(Number(row.budget))) },
          { name: "已签约（万元）", values: categories.map((row) => tenThousand(Number(row.committed))) },
          { name: "已支付（万元）", values: categories.map((row) => tenThousand(Number(row.paid))) },
        ],
        260,
      )}</div>`
    : "";
  return `${heading}
${paragraphs}
${chart}
${renderTable(model.tables.fees, undefined, printedColumns(model.tables.fees, ["area", "budget", "committed", "paid", "uncommitted", "committedShare", "paidShare"]), true)}
${categories.length ? renderTable(model.tables.feeCategories) : ""}
<p class="note">按第四条，工伤预防费只用于${Object.values(feeCategoryNames).join("、")}；超出预算的合同在签约时即被拒绝。</p>`;
}

function targetSection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、规划目标及进展</h2>`;
  const targets = model.data.targets;
  if (targets === null) return heading + missingNotice(model, "coordination", "hrss");
  if (!targets.length) return `${heading}<p>没有适用于本地区本期的规划目标。</p>`;
  const plans = [...new Map(targets.map((target) => [target.plan?.id ?? "", target.plan])).values()];
  const counts = Object.entries(progressStatusNames)
    .map(([status, name]) => [name, targets.filter((target) => target.progress.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count} 项`)
    .join("，");
  return `${heading}
<p>适用于${escapeHtml(model.data.region.name)}${escapeHtml(model.data.period.label)}的规划目标共 <strong>${targets.length}</strong> 项：${counts}。进展由各部门数据计算（截至 ${escapeHtml(targets[0].progress.asOf)}），不是填报数；进度条中竖线为按时间进度应达的位置。</p>
${plans
  .map((plan) => {
    const ofPlan = targets.filter((target) => (target.plan?.id ?? "") === (plan?.id ?? ""));
    return `<h3>${escapeHtml(plan ? `${plan.title}（${plan.documentNumber}）` : "未注明规划")}</h3>\n${ofPlan.map(targetCard).join("\n")}`;
  })
  .join("\n")}`;
}

const divisionsShown = 10;

/** The columns a wide table prints, in order; the trend in a few characters (the workbook has the reasons). */
function printedColumns(table: FigureTable, keys: string[]): Column[] {
  const short: Column = { key: "trendShort", header: "趋势", kind: "text" };
  return keys.map((key) => (key === "trendShort" ? short : (table.columns.find((column) => column.key === key) as Column)));
}

function industrySection(model: ReportModel, number: string): string {
  const heading = `<h2>${number}、数据分析研判：重点行业</h2>`;
  const analysis = model.data.industries;
  const keyIndustries = model.tables.keyIndustries;
  if (!analysis || keyIndustries.missing) return heading + missingNotice(model, "hrss", "emergency", "health", "coordination");
  const years = Array.from({ length: analysis.toYear - analysis.fromYear + 1 }, (_, index) => analysis.fromYear + index);
  const rows = analysis.keyIndustries ?? [];
  const chart = lineChart(
    years.map((year) => `${year}年`),
    rows.map((row) => ({
      name: row.name,
      values: years.map((year) => row.years.find((figures) => figures.year === year)?.injuriesPerThousand ?? null),
    })),
  );
  const divisions = model.tables.divisions;
  const ranked = divisions.rows.filter((row) => row.rank !== null);
  return `${heading}
<p>${escapeHtml(analysis.method)}</p>
<h3>重点行业工伤发生率（‰），${analysis.fromYear}–${analysis.toYear}年</h3>
<div class="chart">${chart}</div>
${renderTable(keyIndustries, keyIndustries.rows.length, printedColumns(keyIndustries, ["name", "insured", "accidents", "deaths", "recognised", "diseases", "injuryRate", "deathRate", "rank", "trendShort"]), true)}
<p class="note">排名为${analysis.toYear}年工伤发生率在全部重点行业中的位次（1 为最高）；无参保人员的行业不计算比率、不排名。${
    model.data.period.quarter ? "行业分析按整年统计，本年为截至读取之日的数字。" : ""
  }</p>
<h3>各行业工伤发生率排名（${analysis.toYear}年前 ${Math.min(divisionsShown, ranked.length)} 位）</h3>
${
  ranked.length
    ? renderTable(
        { ...divisions, rows: ranked },
        divisionsShown,
        printedColumns(divisions, [
          "code",
          "name",
          "rank",
          "keyIndustry",
          "insured",
          "recognised",
          "injuryRate",
          "deathRate",
          "trendShort",
        ]),
        true,
      )
    : "<p>本年没有可计算工伤发生率的行业。</p>"
}
<p class="note">全部 ${formatNumber(divisions.rows.length)} 个行业（GB/T 4754 大类）及各年数字见同一报告的 xlsx 工作簿“行业排名”“重点行业分年”表。</p>`;
}

function sources(model: ReportModel): string {
  const { data } = model;
  const rows = model.contributions
    .map(
      (row) =>
        `<tr data-department="${row.agency}" data-status="${row.status.startsWith("缺失") ? "missing" : "contributed"}"><td>${escapeHtml(
          departmentNames[row.agency] ?? row.agency,
        )}</td><td>${escapeHtml(row.contributed)}</td><td>${escapeHtml(row.status)}</td></tr>`,
    )
    .join("\n");
  const missing = data.missing.length
    ? `<div class="missing" data-missing-departments="${data.missing.map((department) => department.agency).join(" ")}"><strong>缺失的部门：</strong>${data.missing
        .map((department) => `${escapeHtml(departmentNames[department.agency] ?? department.agency)}（${escapeHtml(department.reason)}）`)
        .join("；")}。其负责的章节未列数字。</div>`
    : `<p>各提供数据的部门均已答复。</p>`;
  return `<section class="sources">
<h2>数据来源与说明</h2>
<table data-table="sources"><thead><tr><th>部门</th><th>提供内容</th><th>状态</th></tr></thead><tbody>
${rows}
</tbody></table>
${missing}
<p><strong>数据读取时间：</strong>${chinaTime(data.readAt)}（北京时间）。各部门的数字是其在这一时刻的记录，此后的补报、更正不在本报告中。</p>
${data.inProgress ? `<p><strong>期间：</strong>本期尚未结束，数字截至 ${data.today}。</p>` : ""}
<p><strong>区域口径：</strong>${escapeHtml(model.regionRule)}</p>
<p><strong>统计方式：</strong>各部门在本部门数据库中分别统计本部门数字，经联防中心网关以“会议报告”（MEETING_REPORT）用途读取，读取记入审计日志；本报告未对任何部门的数字作改动。同比期间为${escapeHtml(
    data.previousPeriod.label,
  )}，按同一口径读取。</p>
</section>`;
}

/** The whole report as one self-contained HTML document: no script, no link, every chart inline SVG. */
export function renderHtml(model: ReportModel): string {
  const sections = [
    accidentSection,
    diseaseSection,
    injurySection,
    trainingSection,
    feeSection,
    jointWorkSection,
    transportSection,
    constructionSection,
    unionSection,
    typicalCaseSection,
    industrySection,
    targetSection,
  ];
  const numerals = ["二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${styles}</style>
</head>
<body>
${cover(model)}
${summary(model)}
${sections.map((section, index) => section(model, numerals[index])).join("\n")}
${sources(model)}
</body>
</html>
`;
}
