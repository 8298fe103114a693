import { rm } from "node:fs/promises";
import path from "node:path";
import { CellProblem, ownKind, type ImportKind } from "./kinds";
import { writeErrorsFile } from "./errors-file";
import { FileProblem, ImportProblem, type ImportCounts, type RefusedRow } from "./outcome";
import { readSheet, type Sheet } from "./read";

/** What an import is asked, wherever its file came from. */
export interface SheetImportOptions {
  agency: string;
  kind: string;
  /** The file's own name, which the default case names. */
  fileName: string;
  /** The case the audit files the import under; `导入 <kind> <file name>` unless given. */
  caseRef?: string;
  dryRun: boolean;
  gatewayUrl: string;
  token: string;
  /** Rows per mutation: one transaction at the department each. */
  batchSize?: number;
  /** Batches in flight at once. */
  concurrency?: number;
  /** The largest batch body: under the gateway's LIANFANG_MAX_BODY_BYTES (100,000 by default). */
  batchBytes?: number;
  maxRows?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The command's import: a file on disk, its refused rows written beside it. */
export interface ImportOptions extends Omit<SheetImportOptions, "fileName"> {
  file: string;
}

export interface ImportSummary extends ImportCounts {
  errorsFile: string | null;
}

/** What an import did, with the refused rows (in row order) and the file's headers to show them under. */
export interface SheetImportResult {
  counts: ImportCounts;
  headers: string[];
  refused: RefusedRow[];
}

export const defaultBatchSize = 500;
export const defaultBatchBytes = 90_000;
export const defaultConcurrency = 2;
/** The largest file: 500,000 rows is a city's insured persons; a bigger file is split. */
export const defaultMaxRows = 500_000;

const normalizeHeader = (header: string) => header.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");

interface PreparedRow {
  rowNumber: number;
  cells: string[];
  input: Record<string, unknown>;
}

/** Loads one department's spreadsheet through the gateway under its identity, purpose DATA_MAINTENANCE, and writes `<file>.errors.xlsx`. */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const { counts, headers, refused } = await importSheet(options.file, { ...options, fileName: path.basename(options.file) });
  const errorsFile = `${options.file}.errors.xlsx`;
  if (!refused.length) {
    await rm(errorsFile, { force: true });
    return { ...counts, errorsFile: null };
  }
  await writeErrorsFile(errorsFile, headers, refused);
  return { ...counts, errorsFile };
}

/** Imports a spreadsheet, from its path or its bytes, through the gateway: the command's and the console's one way. */
export async function importSheet(source: string | Buffer, options: SheetImportOptions): Promise<SheetImportResult> {
  const kind = ownKind(options.kind, options.agency);
  const sheet = await readSheet(source, options.maxRows ?? defaultMaxRows);
  const { columnAt, unknownColumns } = matchHeaders(kind, sheet.headers);
  const refused: RefusedRow[] = [];
  const prepared = prepareRows(kind, sheet, columnAt, refused);
  const summary: ImportCounts = {
    read: sheet.rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    refused: 0,
    unknownColumns,
    dryRun: options.dryRun,
  };
  const caseRef = options.caseRef ?? `导入 ${kind.name} ${options.fileName}`.slice(0, 100);
  const refusedHere = refused.length;
  let sent = 0;
  options.onProgress?.(refusedHere, sheet.rows.length);
  const pending = batches(prepared, options.batchSize ?? defaultBatchSize, options.batchBytes ?? defaultBatchBytes);
  let failure: unknown;
  // Two calls in flight: while the department writes one batch, the gateway reads the next.
  const worker = async () => {
    for (let next = pending.next(); !next.done && failure === undefined; next = pending.next()) {
      const batch = next.value;
      try {
        const report = await saveBatch(kind, batch, { ...options, caseRef });
        summary.inserted += report.inserted;
        summary.updated += report.updated;
        summary.unchanged += report.unchanged;
        for (const row of report.rows.filter((outcome) => outcome.outcome === "REFUSED")) {
          const { rowNumber, cells } = batch[row.index];
          refused.push({
            rowNumber,
            cells,
            problems: row.problems.map((problem) => `${headerOf(kind, problem.field)}: ${problem.reason}`),
          });
        }
        sent += batch.length;
        options.onProgress?.(refusedHere + sent, sheet.rows.length);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? defaultConcurrency }, worker));
  if (failure !== undefined) throw failure;
  summary.refused = refused.length;
  refused.sort((a, b) => a.rowNumber - b.rowNumber);
  return { counts: summary, headers: sheet.headers, refused };
}

/** The summary in Chinese, as the clerk reads it: the counts, columns left out, and whether anything changed. */
export function summaryLines(counts: ImportCounts): string[] {
  const lines = [
    `${counts.dryRun ? "试导入 (未保存任何数据): " : ""}读取 ${counts.read} 行: 新增 ${counts.inserted}, 更新 ${counts.updated}, 未变 ${counts.unchanged}, 拒绝 ${counts.refused}`,
  ];
  if (counts.unknownColumns.length) lines.push(`模板中没有的列, 未导入: ${counts.unknownColumns.join("、")}`);
  if (counts.inserted + counts.updated === 0 && counts.unchanged > 0) lines.push("没有任何记录需要改动: 文件与中心的记录一致");
  return lines;
}

/** Consecutive rows up to a count and a body size: long names must not push a call past the gateway's limit. */
function* batches(rows: PreparedRow[], maxRows: number, maxBytes: number): Generator<PreparedRow[]> {
  let batch: PreparedRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row.input)) + 1;
    if (batch.length && (batch.length === maxRows || bytes + size > maxBytes)) {
      yield batch;
      [batch, bytes] = [[], 0];
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length) yield batch;
}

function matchHeaders(kind: ImportKind, headers: string[]) {
  const columnAt = new Map<number, ImportKind["columns"][number]>();
  const unknownColumns: string[] = [];
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (!header) return;
    const column = kind.columns.find((candidate) => normalizeHeader(candidate.header) === normalizeHeader(header));
    if (!column) return unknownColumns.push(header);
    if (seen.has(column.header)) throw new FileProblem(`表头中「${column.header}」出现了两次`);
    seen.add(column.header);
    columnAt.set(index, column);
  });
  if (!columnAt.size) {
    throw new FileProblem(
      `第一行不是表头: 没有一列的名称与${kind.title}模板相符 (模板列名: ${kind.columns.map((column) => column.header).join("、")})`,
    );
  }
  const missing = kind.columns.filter((column) => column.required && !seen.has(column.header));
  if (missing.length) throw new FileProblem(`缺少必填列: ${missing.map((column) => column.header).join("、")}`);
  return { columnAt, unknownColumns };
}

/** Each row as the mutation's input, or refused here: an empty required cell, a value the column cannot read, a key seen before. */
function prepareRows(kind: ImportKind, sheet: Sheet, columnAt: Map<number, ImportKind["columns"][number]>, refused: RefusedRow[]) {
  const prepared: PreparedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const input: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const [index, column] of columnAt) {
      const text = cells[index] ?? "";
      if (!text) {
        if (column.required) problems.push(`${column.header}: 必填, 不能为空`);
        else input[column.field] = null;
        continue;
      }
      try {
        input[column.field] = column.parse ? column.parse(text) : text;
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        problems.push(`${column.header}: ${error.message}`);
      }
    }
    const key = typeof input[kind.keyField] === "string" ? (input[kind.keyField] as string).toUpperCase() : undefined;
    if (key !== undefined) {
      const first = firstRowOfKey.get(key);
      if (first !== undefined) problems.push(`${headerOf(kind, kind.keyField)}: 与第 ${first} 行重复, 同一编号在一个文件中只能出现一次`);
      else firstRowOfKey.set(key, rowNumber);
    }
    if (problems.length) refused.push({ rowNumber, cells, problems });
    else prepared.push({ rowNumber, cells, input });
  }
  return prepared;
}

const headerOf = (kind: ImportKind, field: string) =>
  field === "version" ? "版本" : (kind.columns.find((column) => column.field === field)?.header ?? field);

interface BatchReport {
  inserted: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: { index: number; outcome: string; problems: { field: string; reason: string }[] }[];
}

async function saveBatch(
  kind: ImportKind,
  batch: PreparedRow[],
  options: Pick<SheetImportOptions, "gatewayUrl" | "token" | "dryRun"> & { caseRef: string },
): Promise<BatchReport> {
  const rows = `第 ${batch[0].rowNumber}–${batch[batch.length - 1].rowNumber} 行`;
  const query = `mutation Import($rows: [${kind.inputType}!]!, $dryRun: Boolean) {
    ${kind.mutation}(rows: $rows, dryRun: $dryRun) { inserted updated unchanged refused rows { index outcome problems { field reason } } }
  }`;
  let response: Response;
  try {
    response = await fetch(options.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
      body: JSON.stringify({
        query,
        variables: { rows: batch.map((row) => row.input), dryRun: options.dryRun },
        // In the body, not a header: the file name may be Chinese, and the audit keeps it as the case.
        extensions: { purpose: "DATA_MAINTENANCE", caseRef: options.caseRef },
      }),
    });
  } catch (error) {
    throw new ImportProblem(`无法连接中心 ${options.gatewayUrl} (${(error as Error).message}); ${rows}及其后未导入`, "HUB_UNREACHABLE");
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: Record<string, BatchReport | null>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const report = body.data?.[kind.mutation];
  if (!report) {
    const [first] = body.errors ?? [];
    const code = first?.extensions?.code ?? `HTTP ${response.status}`;
    throw new ImportProblem(
      `中心拒绝了${rows} (${code}: ${first?.message ?? "无说明"}); 其他各批已保存的不受影响, 修正后重新导入即可 (已保存的行不会重复)`,
      code,
    );
  }
  return report;
}
