import path from "node:path";
import type { IncomingMessage } from "node:http";
import type { GraphQLError } from "graphql";
import { verifyAgencyToken, type Caller } from "../kernel/identity";
import { decodedHeader, undecodableHeader, type Route, type RouteAnswer } from "../kernel/http";
import type { TrustedKeys } from "../kernel/trusted-keys";
import { importKinds, ownKind, type ImportKind } from "../import/kinds";
import { FileProblem, ImportProblem } from "../import/outcome";
import { departmentNames } from "../report/fetch";
import { attachment, json, ownGraphqlUrl, refusal, refusalStatus, signInFirst } from "./console-answers";
import { caseHeader } from "./context";

/** The largest upload: a spreadsheet of this size is far more rows than one sitting's import. */
export const maxUploadBytes = 20 * 1024 * 1024;
/** The refused rows the answer lists; the errors workbook carries them all. */
export const refusedRowsShown = 200;
/** The uploaded file's name, percent-encoded: it names the default case and the errors workbook. */
export const fileNameHeader = "x-lianfang-file-name";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The caller and the kind asked, when an admin asks for a kind its own department maintains; else the refusal. */
async function importer(request: IncomingMessage, keys: TrustedKeys): Promise<{ caller: Caller; kind: ImportKind } | RouteAnswer> {
  if (!request.headers.authorization) return refusal(401, "UNAUTHENTICATED", signInFirst);
  let caller: Caller;
  try {
    caller = await verifyAgencyToken(request.headers.authorization, keys);
  } catch (error) {
    const reason = (error as GraphQLError).extensions?.reason ?? (error as Error).message;
    return refusal(401, "UNAUTHENTICATED", "身份未通过验证: 令牌无效或已过期, 请重新登录", { reason });
  }
  const department = departmentNames[caller.agency] ?? caller.agency;
  if (!caller.roles.includes("admin")) {
    return refusal(403, "FORBIDDEN", `只有${department}的管理员 (admin) 可以导入数据`, { requiredRole: "admin" });
  }
  const own = importKinds.filter((kind) => kind.agency === caller.agency);
  if (!own.length) return refusal(403, "FORBIDDEN", `${department}没有可导入的记录种类`);
  const asked = new URL(request.url ?? "/", "http://localhost").searchParams.get("kind") ?? "";
  if (!importKinds.some((kind) => kind.name === asked)) {
    const offered = own.map((kind) => `${kind.name} (${kind.title})`).join("、");
    return refusal(400, "BAD_USER_INPUT", `kind: 记录种类「${asked}」不存在, ${department}可导入 ${offered}`, { field: "kind" });
  }
  try {
    return { caller, kind: ownKind(asked, caller.agency) };
  } catch (error) {
    if (error instanceof ImportProblem) return refusal(403, error.code, error.message, { field: "kind" });
    throw error;
  }
}

/** `GET /console/import/template?kind=`: the kind's template, as `npm run import -- --template` writes it. */
async function template(request: IncomingMessage, keys: TrustedKeys): Promise<RouteAnswer> {
  const asked = await importer(request, keys);
  if ("status" in asked) return asked;
  return {
    status: 200,
    contentType: xlsxType,
    // The spreadsheet library is loaded when a clerk first asks for it, not with every gateway.
    body: Buffer.from(await (await import("../import/template")).templateWorkbook(asked.kind).xlsx.writeBuffer()),
    headers: { "content-disposition": attachment(`${asked.kind.name}-template.xlsx`, `${asked.kind.title}导入模板.xlsx`) },
  };
}

/**
 * `POST /console/import?kind=&dryRun=true|false`, the file as the body, read only once the caller
 * and the request are accepted: imported as
 * `npm run import` imports it, through this gateway's /graphql with the caller's own token,
 * purpose DATA_MAINTENANCE and case, so every row is governed and audited. Nothing is kept here:
 * the refused rows come back in the answer, and all of them as a workbook (base64) to fix.
 */
async function upload(request: IncomingMessage, readBody: () => Promise<Buffer>, keys: TrustedKeys): Promise<RouteAnswer> {
  const asked = await importer(request, keys);
  if ("status" in asked) return asked;
  const dryRun = new URL(request.url ?? "/", "http://localhost").searchParams.get("dryRun");
  if (dryRun !== "true" && dryRun !== "false") {
    return refusal(400, "BAD_USER_INPUT", "dryRun: 应为 true (试导入) 或 false (导入)", { field: "dryRun" });
  }
  const caseRef = decodedHeader(request, caseHeader);
  const fileName = decodedHeader(request, fileNameHeader);
  if (caseRef === null || fileName === null) {
    const [field, name] = caseRef === null ? ["caseRef", caseHeader] : ["fileName", fileNameHeader];
    return refusal(400, "BAD_USER_INPUT", `${field}: ${undecodableHeader(name)}`, { field });
  }
  const name = path.basename(fileName?.trim() || "上传的文件");
  try {
    const { importSheet, summaryLines } = await import("../import/run");
    const { errorsWorkbook } = await import("../import/errors-file");
    const { counts, headers, refused } = await importSheet(await readBody(), {
      agency: asked.caller.agency,
      kind: asked.kind.name,
      fileName: name,
      ...(caseRef?.trim() ? { caseRef: caseRef.trim() } : {}),
      dryRun: dryRun === "true",
      gatewayUrl: ownGraphqlUrl(request),
      token: request.headers.authorization!.replace(/^Bearer\s+/i, ""),
    });
    const errorsFile = refused.length
      ? {
          fileName: `${name.replace(/\.(xlsx|csv)$/i, "")}-未导入的行.xlsx`,
          base64: Buffer.from(await errorsWorkbook(headers, refused).xlsx.writeBuffer()).toString("base64"),
        }
      : null;
    return json(200, {
      summary: counts,
      messages: summaryLines(counts),
      headers,
      refusedRows: refused.slice(0, refusedRowsShown),
      errorsFile,
    });
  } catch (error) {
    if (error instanceof FileProblem)
      return refusal(400, "BAD_USER_INPUT", `file: ${error.message}`, { field: "file", reason: error.message });
    if (error instanceof ImportProblem) return refusal(refusalStatus[error.code] ?? 502, error.code, error.message);
    throw error;
  }
}

/** The console's 数据导入: a kind's template, and an uploaded spreadsheet imported through the gateway. */
export function importRoutes(keys: TrustedKeys): Record<string, Route> {
  return {
    "/console/import/template": (request) => template(request, keys),
    "/console/import": {
      maxBodyBytes: maxUploadBytes,
      tooLarge: `文件超过 ${maxUploadBytes / 1024 / 1024} MB 的上限, 请拆分为多个文件后分别导入`,
      handle: (request, readBody) => upload(request, readBody, keys),
    },
  };
}
