import ExcelJS from "exceljs";
import { departmentNames } from "./fetch";
import type { FigureTable, ReportModel } from "./figures";
import { chinaTime } from "./html";

function addTable(workbook: ExcelJS.Workbook, table: FigureTable, missingReason: string | undefined): void {
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, key: column.key, width: column.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  if (table.missing) {
    sheet.addRow([`${departmentNames[table.agency] ?? table.agency}${missingReason ?? "未返回数据"}; 本表不列任何数字`]);
    return;
  }
  // Money is kept in fen; the sheet shows 元, divided here once, with the fen's two decimals.
  const money = table.columns.filter((column) => column.kind === "money").map((column) => column.key);
  for (const row of table.rows) {
    sheet.addRow(
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, money.includes(key) && typeof value === "number" ? value / 100 : value]),
      ),
    );
  }
  table.columns.forEach((column, index) => {
    if (column.kind === "percent") sheet.getColumn(index + 1).numFmt = "0.0%";
    else if (column.kind === "decimal") sheet.getColumn(index + 1).numFmt = "0.00";
    else if (column.kind === "money") sheet.getColumn(index + 1).numFmt = "#,##0.00";
    else if (column.kind === "number") sheet.getColumn(index + 1).numFmt = "#,##0";
  });
}

/** The report's figures as a workbook: one sheet per table, Chinese names, numbers stored as numbers. */
/** The workbook's bytes: one sheet per table, Chinese sheet and column names, numbers as numbers. */
export async function xlsxOf(model: ReportModel): Promise<Buffer> {
  const { data } = model;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "联防中心 会议报告";
  workbook.created = data.readAt;
  const about = workbook.addWorksheet("报告说明");
  about.columns = [
    { header: "项目", key: "item", width: 18 },
    { header: "内容", key: "value", width: 90 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRows([
    { item: "报告", value: model.title },
    { item: "行政区划", value: `${data.region.name} (${data.region.code})` },
    { item: "报告期间", value: `${data.period.label} (${data.period.from} 至 ${data.period.to})` },
    { item: "同比期间", value: data.previousPeriod.label },
    { item: "数据读取时间", value: `${chinaTime(data.readAt)} (北京时间)` },
    { item: "区域口径", value: model.regionRule },
    ...(data.inProgress ? [{ item: "期间说明", value: `本期尚未结束, 数字截至 ${data.today}` }] : []),
    {
      item: "缺失的部门",
      value: data.missing.length
        ? data.missing.map((department) => `${departmentNames[department.agency] ?? department.agency}: ${department.reason}`).join("; ")
        : "无",
    },
  ]);
  const reasonOf = (agency: string) => data.missing.find((department) => department.agency === agency)?.reason;
  for (const table of Object.values(model.tables)) addTable(workbook, table, reasonOf(table.agency));
  const sources = workbook.addWorksheet("数据来源");
  sources.columns = [
    { header: "部门代码", key: "agency", width: 14 },
    { header: "部门", key: "name", width: 28 },
    { header: "提供内容", key: "contributed", width: 40 },
    { header: "状态", key: "status", width: 40 },
  ];
  sources.getRow(1).font = { bold: true };
  sources.addRows(model.contributions.map((row) => ({ ...row, name: departmentNames[row.agency] ?? row.agency })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
