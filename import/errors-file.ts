import ExcelJS from "exceljs";

import type { RefusedRow } from "./outcome";

/** The refused rows as they were, their row numbers and 错误说明, to fix and import again. */
export function errorsWorkbook(headers: string[], refused: RefusedRow[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("未导入的行");
  sheet.addRow(["行号", ...headers, "错误说明"]).font = { bold: true };
  for (const row of refused) {
    const cells = headers.map((_, column) => row.cells[column] ?? "");
    sheet.addRow([row.rowNumber, ...cells, row.problems.join("; ")]);
  }
  // Text cells keep leading zeros and all 18 digits of ID numbers when the clerk edits and saves.
  sheet.columns.forEach((column) => {
    column.numFmt = "@";
    column.width = 22;
  });
  return workbook;
}

/** `<file>.errors.xlsx`, beside the file imported. */
export async function writeErrorsFile(path: string, headers: string[], refused: RefusedRow[]): Promise<void> {
  await errorsWorkbook(headers, refused).xlsx.writeFile(path);
}
