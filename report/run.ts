import { writeFile } from "node:fs/promises";
import { chinaToday } from "../kernel/calendar";
import type { Clock } from "../kernel/clock";
import { fetchReport } from "./fetch";
import { buildModel, type ReportModel } from "./figures";
import { renderHtml } from "./html";
import { parsePeriod, parseRegion, ReportProblem } from "./period";
import { pictureOfSummary, printPdf } from "./pdf";
import { xlsxOf } from "./xlsx";

export const reportFormats = ["html", "pdf", "xlsx", "png"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportOptions {
  regionCode: string;
  period: string;
  format: string;
  gatewayUrl: string;
  token: string;
  caseRef?: string;
  clock: Clock;
}

/** What was asked, checked before anything is sent: a format, a region the hub serves, a period that has begun. */
export function checkRequest(options: Pick<ReportOptions, "format" | "regionCode" | "period" | "clock">) {
  const format = reportFormats.find((candidate) => candidate === options.format);
  if (!format) throw new ReportProblem(`格式「${options.format}」不支持: 应为 ${reportFormats.join("、")} 之一`);
  return { format, region: parseRegion(options.regionCode), period: parsePeriod(options.period, chinaToday(options.clock())) };
}

export const reportMediaTypes: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
};

/** Checks what was asked, reads the report through the gateway and renders it in the format asked. */
export async function renderReport(options: ReportOptions): Promise<{ model: ReportModel; format: ReportFormat; document: Buffer }> {
  const { format, region, period } = checkRequest(options);
  const data = await fetchReport({
    gatewayUrl: options.gatewayUrl,
    token: options.token,
    region,
    period,
    caseRef: options.caseRef,
    clock: options.clock,
  });
  const model = buildModel(data);
  const render = {
    xlsx: () => xlsxOf(model),
    html: async () => Buffer.from(renderHtml(model)),
    pdf: () => printPdf(renderHtml(model)),
    png: () => pictureOfSummary(renderHtml(model)),
  };
  return { model, format, document: Buffer.from(await render[format]()) };
}

/** The command's way: the document written to a file. */
export async function writeReport(options: ReportOptions & { out: string }): Promise<ReportModel> {
  const { model, document } = await renderReport(options);
  await writeFile(options.out, document);
  return model;
}
