import type { IncomingMessage } from "node:http";
import type { RouteAnswer } from "../kernel/http";

/** How the console's routes answer: JSON, refusals in the shape /graphql gives them, and documents to save. */

export const json = (status: number, body: unknown): RouteAnswer => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(body),
});

export const refusal = (status: number, code: string, message: string, extensions: Record<string, unknown> = {}) =>
  json(status, { errors: [{ message, extensions: { code, ...extensions } }] });

/** The HTTP status of a refusal the hub made, by its code. */
export const refusalStatus: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  HUB_UNREACHABLE: 502,
  SUBGRAPH_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
};

export const signInFirst = "请先登录: 请求缺少部门令牌";

/** `Content-Disposition` of a download: a plain ASCII name for old clients, the Chinese one (RFC 6266) for the rest. */
export const attachment = (asciiName: string, fileName: string) =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The gateway's own /graphql, as reached through the connection a request came in on. */
export function ownGraphqlUrl(request: IncomingMessage): string {
  const { localAddress = "127.0.0.1", localPort } = request.socket;
  const host = localAddress.includes(":") ? `[${localAddress}]` : localAddress;
  return `http://${host}:${localPort}/graphql`;
}
