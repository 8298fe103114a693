import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { FileProblem } from "./outcome";

/** A spreadsheet as the import reads it: the header row, and each data row's cells as text with its row number. */
export interface Sheet {
  headers: string[];
  rows: { rowNumber: number; cells: string[] }[];
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** The file's bytes from the start, each time anew: from disk (the command) or from memory (an upload to the console). */
type Opener = () => Readable;

/** Its first bytes, which tell xlsx from csv and the csv's encoding, and how to read it all. */
async function openSource(source: string | Buffer): Promise<{ head: Buffer; open: Opener }> {
  if (Buffer.isBuffer(source)) {
    if (source.length === 0) throw new FileProblem("文件为空");
    return { head: source.subarray(0, 4096), open: () => Readable.from([source]) };
  }
  const size = (await stat(source).catch(() => undefined))?.size;
  if (size === undefined) throw new FileProblem(`找不到文件 ${source}`);
  if (size === 0) throw new FileProblem("文件为空");
  const head = Buffer.alloc(Math.min(size, 4096));
  const handle = await open(source);
  await handle.read(head, 0, head.length, 0);
  await handle.close();
  return { head, open: () => createReadStream(source) };
}

/**
 * Reads .xlsx (first sheet) or .csv (UTF-8, or GB18030 as Excel saves it on a Chinese Windows), up
 * to `maxRows` data rows, from a file's path or its bytes.
 */
export async function readSheet(source: string | Buffer, maxRows: number): Promise<Sheet> {
  const { head, open: openBytes } = await openSource(source);
  const table = head.subarray(0, 4).equals(zipSignature) ? await readXlsx(openBytes, maxRows) : await readCsv(openBytes, head, maxRows);
  const [headerRow, ...rows] = table.filter((row) => row.cells.some((cell) => cell !== ""));
  if (!headerRow) throw new FileProblem("文件中没有任何内容");
  if (rows.length > maxRows) throw new FileProblem(`数据超过 ${maxRows} 行的上限, 请拆分为多个文件后分别导入`);
  return { headers: headerRow.cells, rows };
}

async function readCsv(openBytes: Opener, head: Buffer, maxRows: number): Promise<{ rowNumber: number; cells: string[] }[]> {
  // NUL bytes never appear in a text table: this is some other binary file.
  if (head.includes(0)) throw new FileProblem("不是 xlsx 或 csv 表格文件 (无法识别的二进制内容)");
  const encoding = head.subarray(0, 3).equals(utf8Bom) || isUtf8(head) ? "utf8" : "gb18030";
  const rows: { rowNumber: number; cells: string[] }[] = [];
  const parser = openBytes()
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, skip_empty_lines: false, bom: true, to_line: maxRows + 2, info: true }));
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      rows.push({ rowNumber: record.info.lines, cells: record.record.map((cell) => cell.trim()) });
    }
  } catch (error) {
    throw new FileProblem(`不是可读的 csv 表格: ${(error as Error).message}`);
  }
  return rows;
}

/** True when the bytes decode as UTF-8 (a multi-byte character cut at the end of the sample is allowed). */
function isUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, lastCompleteUtf8(sample)));
    return true;
  } catch {
    return false;
  }
}

function lastCompleteUtf8(sample: Buffer): number {
  let end = sample.length;
  // Step back over continuation bytes to the start of the last character, and leave it out.
  for (let back = 0; back < 4 && end > 0 && (sample[end - 1] & 0xc0) === 0x80; back++) end--;
  return end > 0 && sample[end - 1] >= 0xc0 ? end - 1 : sample.length;
}

async function readXlsx(openBytes: Opener, maxRows: number): Promise<{ rowNumber: number; cells: string[] }[]> {
  const rows: { rowNumber: number; cells: string[] }[] = [];
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(openBytes(), {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
    });
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellText(cell.value);
        });
        rows.push({ rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? "") });
        if (rows.length > maxRows + 1) return rows;
      }
      // The first sheet holds the data; the template's notes sheet follows it.
      return rows;
    }
  } catch (error) {
    throw new FileProblem(`不是可读的 xlsx 表格: ${(error as Error).message}`);
  }
  return rows;
}

/** A cell as the clerk sees it: dates as YYYY-MM-DD, numbers in their shortest exact form, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((run) => run.text)
        .join("")
        .trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text).trim();
    if ("error" in value) return "";
  }
  return String(value).trim();
}
