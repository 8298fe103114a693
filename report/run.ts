import { writeFile } from "node:fs/promises";
import { chinaToday } from "../kernel/calendar";
import type { Clock } from "../kernel/clock";
import { fetchReport } from "./fetch";
import { buildModel, type ReportModel } from "./figures";
import { renderHtml } from "./html";
import { parsePeriod, parseRegion, ReportProblem } from "./period";
import { pictureOfSummary, printPdf } from "./pdf";
import { writeXlsx } from "./xlsx";

export const reportFormats = ["html", "pdf", "xlsx", "png"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportOptions {
  regionCode: string;
  period: string;
  format: string;
  out: string;
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

/** Checks what was asked, reads the report through the gateway and writes it in the format asked. */
export async function writeReport(options: ReportOptions): Promise<ReportModel> {
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
  if (format === "xlsx") await writeXlsx(model, options.out);
  else {
    const html = renderHtml(model);
    const printed = { html: () => html, pdf: () => printPdf(html), png: () => pictureOfSummary(html) };
    await writeFile(options.out, await printed[format]());
  }
  return model;
}
