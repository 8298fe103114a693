import ExcelJS from "exceljs";
import type { ImportKind } from "./kinds";

/** The template of a kind: its columns with Chinese headers and an example row, and a sheet of notes on each column. */
export function templateWorkbook(kind: ImportKind): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(kind.title);
  data.addRow(kind.columns.map((column) => column.header)).font = { bold: true };
  data.addRow(kind.columns.map((column) => column.example));
  kind.columns.forEach((column, index) => {
    const sheetColumn = data.getColumn(index + 1);
    sheetColumn.numFmt = "@";
    sheetColumn.width = Math.max(14, column.header.length * 2 + 4);
  });
  const notes = workbook.addWorksheet("填写说明");
  notes.addRow(["列名", "是否必填", "格式", "可选值", "示例"]).font = { bold: true };
  for (const column of kind.columns)
    notes.addRow([column.header, column.required ? "必填" : "选填", column.format, column.allowed ?? "", column.example]);
  notes.addRow([]);
  notes.addRow([
    `第一张表的第一行是表头, 列的顺序不限; 示例行请删除或改写后再导入。${kind.title}按「${keyHeader(kind)}」识别: 新编号新增, 已有编号更新, 内容相同的行不做改动。`,
  ]);
  notes.columns.forEach((column) => (column.width = 30));
  return workbook;
}

export async function writeTemplate(kind: ImportKind, path: string): Promise<void> {
  await templateWorkbook(kind).xlsx.writeFile(path);
}

const keyHeader = (kind: ImportKind) => kind.columns.find((column) => column.field === kind.keyField)!.header;
