import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import type { SigningKey, TrustedKeys } from "../kernel/trusted-keys";
import { projectRoot } from "../kernel/project";
import { issueAgencyToken, roles, type Role } from "../kernel/identity";
import { loadAgencySigningKey } from "../kernel/keys";
import { decodedHeader, undecodableHeader, type Route, type RouteHandler } from "../kernel/http";
import { purposes } from "../kernel/purposes";
import { systemClock, type Clock } from "../kernel/clock";
import { ReportProblem } from "../report/period";
import { attachment, json, ownGraphqlUrl, refusal, refusalStatus, signInFirst } from "./console-answers";
import { importRoutes } from "./console-import";
import { caseHeader } from "./context";

/** Where `npm run console:build` leaves the built console. */
export const consoleDistDir = path.join(projectRoot, "console", "dist");

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

const notBuilt = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>联防工作台</title>
<p>联防工作台尚未构建。请在项目目录运行 <code>npm run console:build</code> 后重启网关。</p></html>`;

/**
 * Development sign-in is on only where it cannot reach production: never under
 * NODE_ENV=production unless LIANFANG_DEV_SIGNIN=true says so, never with LIANFANG_DEV_SIGNIN=false,
 * and only for departments whose private dev key is in the key folder.
 */
export function devSignInWanted(env: NodeJS.ProcessEnv): boolean {
  if (env.LIANFANG_DEV_SIGNIN === "false") return false;
  if (env.LIANFANG_DEV_SIGNIN === "true") return true;
  return env.NODE_ENV !== "production";
}

/** The departments whose dev signing key exists here, with the key; empty when dev sign-in is off. */
async function devSigningKeys(keyDir: string, agencies: readonly string[]): Promise<Map<string, SigningKey>> {
  const keys = new Map<string, SigningKey>();
  for (const agency of agencies) {
    if (!fs.existsSync(path.join(keyDir, "agencies", `${agency}.jwk.json`))) continue;
    keys.set(agency, await loadAgencySigningKey(keyDir, agency));
  }
  return keys;
}

/** Whether a request's Accept-Encoding takes gzip: named, or `*`, with a weight above 0. */
function acceptsGzip(request: IncomingMessage): boolean {
  return String(request.headers["accept-encoding"] ?? "")
    .split(",")
    .some((offer) => {
      const [coding, ...parameters] = offer.split(";").map((part) => part.trim().toLowerCase());
      const weight = parameters.find((parameter) => parameter.startsWith("q="));
      return (coding === "gzip" || coding === "*") && (weight === undefined || Number(weight.slice(2)) > 0);
    });
}

/**
 * Every built file, read once at start and gzipped once, when first asked for: the console is
 * small and changes only with a new build, and compressing it all would add about 60 ms to every
 * start. The bundler names each asset by its content's hash, so a browser keeps an asset for good
 * and asks again only for the page that names them; a department's network carries the scripts
 * compressed (all the assets: 2.4 MB, 0.66 MB gzipped).
 */
function staticRoutes(distDir: string): Record<string, RouteHandler> {
  const index = path.join(distDir, "index.html");
  if (!fs.existsSync(index)) return { "/": async () => ({ status: 503, contentType: contentTypes[".html"], body: notBuilt }) };
  const routes: Record<string, RouteHandler> = {};
  for (const file of fs.readdirSync(distDir, { recursive: true, encoding: "utf8" })) {
    const full = path.join(distDir, file);
    const contentType = contentTypes[path.extname(file)];
    if (!contentType || !fs.statSync(full).isFile()) continue;
    const body = fs.readFileSync(full);
    let gzipped: Buffer | undefined;
    const route = `/${file.split(path.sep).join("/")}`;
    const caching = {
      "cache-control": route.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
    };
    routes[route] = async (request) =>
      acceptsGzip(request)
        ? { status: 200, contentType, body: (gzipped ??= zlib.gzipSync(body)), headers: { ...caching, "content-encoding": "gzip" } }
        : { status: 200, contentType, body, headers: caching };
  }
  routes["/"] = routes["/index.html"];
  return routes;
}

export interface ConsoleOptions {
  keyDir: string;
  /** The hub's departments, as named in the supergraph. */
  agencies: readonly string[];
  devSignIn: boolean;
  distDir?: string;
  /** The hub's time, for what a report may cover. */
  clock?: Clock;
  /** The departments' token keys: the import routes check who asks before reading an upload. */
  trustedKeys: TrustedKeys;
}

/**
 * `GET /console/report?regionCode=&period=&format=`: the meeting report as a document, made as
 * `npm run report` makes it — read through this gateway's /graphql with the caller's own token,
 * purpose MEETING_REPORT and case, so it is governed and audited like any read.
 */
async function reportDocument(request: IncomingMessage, clock: Clock) {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  if (!match) return refusal(401, "UNAUTHENTICATED", signInFirst);
  const query = new URL(request.url ?? "/", "http://localhost").searchParams;
  const caseRef = decodedHeader(request, caseHeader);
  if (caseRef === null) return refusal(400, "BAD_USER_INPUT", `caseRef: ${undecodableHeader(caseHeader)}`, { field: "caseRef" });
  try {
    // The report's charts, workbook and browser are loaded when a report is first asked for, not with every gateway.
    const { renderReport, reportMediaTypes } = await import("../report/run");
    const { model, format, document } = await renderReport({
      regionCode: query.get("regionCode") ?? "",
      period: query.get("period") ?? "",
      format: query.get("format") ?? "",
      gatewayUrl: ownGraphqlUrl(request),
      token: match[1],
      caseRef,
      clock,
    });
    const fileName = `${model.title}.${format}`;
    return {
      status: 200,
      contentType: reportMediaTypes[format],
      body: document,
      headers: {
        "content-disposition": attachment(`report.${format}`, fileName),
        // A department missing from the report is named in it; the header lets a program tell.
        "x-lianfang-missing": model.data.missing.map((department) => department.agency).join(","),
      },
    };
  } catch (error) {
    if (error instanceof ReportProblem) return refusal(refusalStatus[error.code] ?? 400, error.code, error.message);
    throw error;
  }
}

/**
 * The console's routes beside /graphql: its built files at `/`, what the sign-in page needs to
 * know (`/console/config`), the report and import routes, and, in development only,
 * `/console/dev-sign-in`, which signs a department token with that department's local dev key.
 */
export async function consoleRoutes(options: ConsoleOptions): Promise<Record<string, Route>> {
  const signingKeys = options.devSignIn ? await devSigningKeys(options.keyDir, options.agencies) : new Map<string, SigningKey>();
  return {
    ...staticRoutes(options.distDir ?? consoleDistDir),
    ...importRoutes(options.trustedKeys),
    "/console/report": (request: IncomingMessage) => reportDocument(request, options.clock ?? systemClock),
    "/console/config": async () =>
      json(200, {
        devSignIn: signingKeys.size > 0,
        agencies: [...options.agencies],
        devAgencies: [...signingKeys.keys()],
        roles,
        purposes,
      }),
    "/console/dev-sign-in": async (request: IncomingMessage) => {
      if (!signingKeys.size) {
        return json(403, {
          errors: [{ message: "development sign-in is off here: present a token from your department", extensions: { code: "FORBIDDEN" } }],
        });
      }
      const query = new URL(request.url ?? "/", "http://localhost").searchParams;
      const agency = query.get("agency") ?? "";
      const user = (query.get("user") ?? "").trim();
      const requested = (query.get("roles") ?? "viewer").split(",").filter(Boolean);
      const region = query.get("region") || undefined;
      const refuse = (field: string, reason: string) =>
        json(400, { errors: [{ message: `${field}: ${reason}`, extensions: { code: "BAD_USER_INPUT", field, reason } }] });
      const key = signingKeys.get(agency);
      if (!key) return refuse("agency", `must be one of ${[...signingKeys.keys()].join(", ")}`);
      if (!/^[\w.@-]{1,64}$/.test(user)) return refuse("user", "must be 1 to 64 letters, digits or . _ @ -");
      if (!requested.length || !requested.every((role) => roles.includes(role as Role))) {
        return refuse("roles", `must be a comma list drawn from ${roles.join(", ")}`);
      }
      if (region !== undefined && !/^\d{6}$/.test(region)) return refuse("region", "must be a 6-digit GB/T 2260 code");
      const token = await issueAgencyToken(key, { agency, user, roles: requested as Role[], ...(region ? { region } : {}) });
      return json(200, { token });
    },
  };
}
