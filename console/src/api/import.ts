import { importKinds } from "../../../import/kinds";
import type { ImportCounts, RefusedRow } from "../../../import/outcome";
import { callRoute, saveFile } from "../apollo";

/** The kinds of record a department maintains and may import, with their Chinese names: the hub's own list. */
export const kindsOf = (agency: string) => importKinds.filter((kind) => kind.agency === agency);

export const templatePath = (kind: string) => `/console/import/template?${new URLSearchParams({ kind })}`;

/** What `POST /console/import` answers: the summary, the first refused rows, and all of them as a workbook. */
export interface ImportAnswer {
  summary: ImportCounts;
  messages: string[];
  headers: string[];
  refusedRows: RefusedRow[];
  errorsFile: { fileName: string; base64: string } | null;
}

/** Sends the file as it is; the answer, or the refusal as the hub gives it (`{ errors }`). */
export async function uploadSheet(
  kind: string,
  file: File,
  dryRun: boolean,
): Promise<{ answer: ImportAnswer } | { refusal: { errors: { message: string; extensions?: Record<string, unknown> }[] } }> {
  let response: Response;
  try {
    response = await callRoute(`/console/import?${new URLSearchParams({ kind, dryRun: String(dryRun) })}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "x-lianfang-file-name": encodeURIComponent(file.name) },
      body: file,
    });
  } catch (error) {
    return { refusal: { errors: [{ message: (error as Error).message, extensions: { code: "NETWORK" } }] } };
  }
  const body = await response.json().catch(() => undefined);
  if (response.ok && body?.summary) return { answer: body as ImportAnswer };
  return {
    refusal: body?.errors ? body : { errors: [{ message: `导入失败 (HTTP ${response.status})`, extensions: { code: "UNKNOWN" } }] },
  };
}

/** The refused rows as a workbook, to fix and import again. */
export function saveErrorsFile(errorsFile: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(errorsFile.base64), (character) => character.charCodeAt(0));
  saveFile(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), errorsFile.fileName);
}
