import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { Logger } from "./logger";
import { operationLabel, requestDuration } from "./metrics";

export interface GraphQLBody {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

export interface RouteAnswer {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A plain GET route. */
export type RouteHandler = (request: IncomingMessage) => Promise<RouteAnswer>;

/**
 * A POST route that takes a body as it is, such as an uploaded file. The route reads it, whole and
 * up to its own limit, only once it has decided to: a refusal before that leaves it unread.
 */
export interface UploadRoute {
  maxBodyBytes: number;
  /** What a 413 says when the body is over the limit, in the words of the route's users. */
  tooLarge: string;
  handle: (request: IncomingMessage, readBody: () => Promise<Buffer>) => Promise<RouteAnswer>;
}

export type Route = RouteHandler | UploadRoute;

export interface HttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** Builds the per-request context from the body, parsed and as it came; a thrown GraphQLError answers the request with nothing executed. */
  context: (request: IncomingMessage, body: GraphQLBody, raw: string) => Promise<Context>;
  /** Routes beside /graphql, such as /health (also served as /readyz) and /metrics; /livez is always there. */
  routes?: Record<string, Route>;
  maxBodyBytes: number;
  /** Where the access log goes: one line per request. */
  logger?: Logger;
}

/** What the access log says of a request beyond its route and status: who, why, which operation. Never personal data. */
export interface RequestFacts {
  requestId?: string;
  agency?: string;
  purpose?: string;
  operationName?: string;
  /** The gateway's own background reads (the grant book's standing version check): logged at debug, lest they drown the log. */
  background?: boolean;
}

const requestFacts = new WeakMap<IncomingMessage, RequestFacts>();

/** Adds to what the access log line of this request will say. */
export function describeRequest(request: IncomingMessage, facts: RequestFacts): void {
  requestFacts.set(request, { ...requestFacts.get(request), ...facts });
}

const alive: RouteHandler = async () => ({ status: 200, contentType: "application/json", body: '{"status":"alive"}' });

/** At the end of each response: one access-log line and one observation of its duration. */
function observe(request: IncomingMessage, response: ServerResponse, route: string, logger: Logger | undefined): void {
  const started = performance.now();
  response.once("finish", () => {
    const durationMs = Math.round(performance.now() - started);
    const facts = requestFacts.get(request) ?? {};
    requestDuration.observe(
      { route, operation: operationLabel(facts.operationName), status: String(response.statusCode) },
      durationMs / 1000,
    );
    const { background, ...said } = facts;
    logger?.[background ? "debug" : "info"]({ ...said, route, method: request.method, status: response.statusCode, durationMs }, "request");
  });
}

/** A request header's first value. */
export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Why a percent-encoded header that does not decode is refused, in the clerk's words. */
export const undecodableHeader = (name: string): string => `${name} 应以 UTF-8 百分号编码 (encodeURIComponent) 传送`;

/** A percent-encoded header (a Chinese case or file name travels so): undefined when absent, null when not decodable. */
export function decodedHeader(request: IncomingMessage, name: string): string | undefined | null {
  const value = header(request, name);
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    message = `request body exceeds ${limit} bytes`,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage, limit: number, tooLarge?: string): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit, tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit, tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, result: RouteAnswer): void {
  response.writeHead(result.status, { ...result.headers, "content-type": result.contentType });
  response.end(result.body);
}

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The request fields whose JSON type is wrong, so the request is refused before anything reads them. */
function malformedFields(body: unknown): string[] {
  if (!isObject(body)) return ["body"];
  const optional = (name: string, fits: (value: unknown) => boolean) =>
    body[name] === undefined || body[name] === null || fits(body[name]) ? [] : [name];
  return [
    ...optional("query", (value) => typeof value === "string"),
    ...optional("operationName", (value) => typeof value === "string"),
    ...optional("variables", isObject),
    ...optional("extensions", isObject),
  ];
}

const graphqlResponseType = "application/graphql-response+json";

/** The GraphQL-over-HTTP media type when the client accepts it (so its client library reads the error's code), else plain JSON. */
const answerType = (request: IncomingMessage) =>
  `${header(request, "accept")?.includes(graphqlResponseType) ? graphqlResponseType : "application/json"}; charset=utf-8`;

/** An error answer written here, before Apollo Server: `{ errors: [{ message, extensions: { code, ... } }] }`. */
function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
): void {
  response.writeHead(status, { "content-type": answerType(request) });
  response.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

/** A content type of JSON or the GraphQL-over-HTTP response type, on a request or an answer. */
export const isJsonType = (contentType: unknown): boolean =>
  typeof contentType === "string" && /^application\/(graphql-response\+)?json\b/i.test(contentType);

/** A POST must say its body is JSON: a form or a plain-text body (what a browser sends cross-site without asking) is refused. */
const isJsonPost = (request: IncomingMessage) => isJsonType(header(request, "content-type"));

/**
 * The one HTTP front of every Lianfang process: `/graphql` through Apollo Server, plus small
 * GET routes. Reading the body here lets the context see exactly what will execute (the gateway
 * signature covers it) and caps its size before anything is parsed.
 */
export function createHttpServer<Context extends BaseContext>(options: HttpOptions<Context>): http.Server {
  const routes: Record<string, Route> = {
    "/livez": alive,
    ...options.routes,
    ...(options.routes?.["/health"] ? { "/readyz": options.routes["/health"] } : {}),
  };
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    observe(request, response, routes[url.pathname] || url.pathname === "/graphql" ? url.pathname : "unknown", options.logger);
    try {
      const route = routes[url.pathname];
      if (typeof route === "function" && request.method === "GET") {
        answer(response, await route(request));
        return;
      }
      if (route && typeof route !== "function" && request.method === "POST") {
        answer(response, await route.handle(request, () => readBody(request, route.maxBodyBytes, route.tooLarge)));
        // A body refused unread is drained, so the connection can carry the next request.
        request.resume();
        return;
      }
      if (route) {
        const allowed = typeof route === "function" ? "GET" : "POST";
        response.setHeader("allow", allowed);
        sendError(request, response, 405, `${url.pathname} answers ${allowed} only`, { code: "METHOD_NOT_ALLOWED" });
        request.resume();
        return;
      }
      if (url.pathname !== "/graphql") {
        sendError(request, response, 404, `no route ${url.pathname}`, { code: "NOT_FOUND" });
        return;
      }
      if (request.method === "POST" && !isJsonPost(request)) {
        sendError(request, response, 415, "a POST to /graphql must have content-type application/json", { code: "UNSUPPORTED_MEDIA_TYPE" });
        request.resume();
        return;
      }
      const raw = request.method === "POST" ? (await readBody(request, options.maxBodyBytes)).toString("utf8") : "";
      let body: GraphQLBody | undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        sendError(request, response, 400, "request body is not valid JSON", { code: "BAD_REQUEST" });
        return;
      }
      const malformed = body === undefined ? [] : malformedFields(body);
      if (!malformed.length && typeof body?.operationName === "string") describeRequest(request, { operationName: body.operationName });
      if (malformed.length) {
        const message = `request ${malformed.join(", ")}: query and operationName must be strings, variables and extensions objects, the body one object`;
        sendError(request, response, 400, message, { code: "BAD_REQUEST", fields: malformed });
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
        context: () => options.context(request, body ?? {}, raw),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendError(request, response, 413, error.message, { code: "PAYLOAD_TOO_LARGE", limit: error.limit });
        request.resume();
        return;
      }
      sendError(request, response, 500, "internal error", { code: "INTERNAL_SERVER_ERROR" });
    }
  });
  trackResponses(server);
  return server;
}

/** Listens on 127.0.0.1 unless told otherwise; port 0 picks a free port (tests). */
export async function listen(server: http.Server, port: number, host = "127.0.0.1"): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

/** The responses each server is still writing, so that a graceful close can let them finish. */
const inFlight = new WeakMap<http.Server, Set<ServerResponse>>();
const closing = new WeakMap<http.Server, AbortController>();

/** Aborted when the server that took this request starts closing: a route holding an answer (a long poll) answers at once. */
export function serverClosing(request: IncomingMessage): AbortSignal {
  const server = (request.socket as { server?: http.Server }).server;
  return (server && closing.get(server)?.signal) ?? new AbortController().signal;
}

function trackResponses(server: http.Server): void {
  const responses = new Set<ServerResponse>();
  inFlight.set(server, responses);
  closing.set(server, new AbortController());
  server.on("request", (_request: IncomingMessage, response: ServerResponse) => {
    responses.add(response);
    response.once("close", () => responses.delete(response));
  });
}

/**
 * Closes gracefully: stops accepting connections, lets the requests in flight finish (each then
 * closes its connection) for at most `graceMs`, and only then cuts what is left.
 */
export async function close(server: http.Server, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  closing.get(server)?.abort();
  for (const response of inFlight.get(server) ?? []) if (!response.headersSent) response.setHeader("connection", "close");
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(deadline);
}
