import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import { decodedHeader, undecodableHeader, describeRequest, header, type GraphQLBody } from "../kernel/http";
import { rateLimited } from "../kernel/metrics";
import { type CallIdentity, newRequestId, verifyAgencyToken } from "../kernel/identity";
import type { TrustedKeys } from "../kernel/trusted-keys";
import { badUserInput } from "../kernel/errors";
import { isPurpose, purposes } from "../kernel/purposes";
import { SubjectCollector } from "../kernel/subjects";
import type { RateLimiter } from "./rate-limit";

/** What the gateway knows about one request: the verified caller, why they ask, and whose data the departments served. */
export interface GatewayContext {
  identity: CallIdentity;
  subjects: SubjectCollector;
}

/** Headers a caller sets to state the purpose of a request and the case it belongs to (or `extensions.purpose` / `extensions.caseRef` in the body). */
export const purposeHeader = "x-lianfang-purpose";
export const caseHeader = "x-lianfang-case";

const stringOrUndefined = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** A purpose is a code of capitals and underscores; longer or other text is no purpose at all and is not kept. */
const purposeShape = /^[A-Z][A-Z_]{0,39}$/;
/** A case reference is at most 100 printable characters: no control, format or separator characters that would hide in logs. */
export const caseRefLimit = 100;
const unprintable = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** A malformed purpose or case, refused before anything is recorded or asked (400 BAD_USER_INPUT). */
function refuse(field: string, reason: string) {
  const error = badUserInput(field, reason);
  error.extensions.http = { status: 400 };
  return error;
}

function checkBounds(purpose: string | undefined, caseRef: string | undefined): void {
  if (purpose !== undefined && !purposeShape.test(purpose)) {
    throw refuse("purpose", `用途应为以下代码之一 (最多 40 个大写字母和下划线): ${Object.keys(purposes).join("、")}`);
  }
  if (caseRef !== undefined && (caseRef.length > caseRefLimit || unprintable.test(caseRef) || !caseRef.isWellFormed())) {
    throw refuse("caseRef", `案件编号最多 ${caseRefLimit} 个可打印字符, 不能含控制字符`);
  }
}

/** Records a refusal made before execution planning; absent when the gateway keeps no audit log. */
export type RefusalRecorder = (identity: CallIdentity, body: GraphQLBody, code: string) => Promise<void>;

/**
 * Authenticates the caller, applies its department's rate limit, bounds the purpose and case and
 * requires a known purpose, all before anything is parsed or executed. A well-formed but unknown
 * or missing purpose is audited; a malformed one, and a rate-limited request, are not, lest
 * junk or a flood turn into as many audit writes.
 */
export async function gatewayContext(
  request: IncomingMessage,
  body: GraphQLBody,
  keys: TrustedKeys,
  limiter: RateLimiter,
  recordRefusal?: RefusalRecorder,
): Promise<GatewayContext> {
  const caller = await verifyAgencyToken(header(request, "authorization"), keys);
  describeRequest(request, { agency: caller.agency });
  if (!limiter.take(caller.agency)) {
    rateLimited.inc({ agency: caller.agency });
    throw new GraphQLError(`${caller.agency} is sending requests faster than its rate limit; retry shortly`, {
      extensions: { code: "RATE_LIMITED", http: { status: 429, headers: new Map([["retry-after", "1"]]) } },
    });
  }
  const purpose = stringOrUndefined(header(request, purposeHeader)) ?? stringOrUndefined(body.extensions?.purpose);
  // The header is ASCII, so a case in Chinese travels percent-encoded; it is bounded and kept decoded.
  const caseInHeader = decodedHeader(request, caseHeader);
  if (caseInHeader === null) throw refuse("caseRef", undecodableHeader(caseHeader));
  const caseRef = stringOrUndefined(caseInHeader) ?? stringOrUndefined(body.extensions?.caseRef);
  checkBounds(purpose, caseRef);
  const identity: CallIdentity = { ...caller, requestId: newRequestId(), ...(purpose ? { purpose } : {}), ...(caseRef ? { caseRef } : {}) };
  describeRequest(request, { requestId: identity.requestId, purpose });
  if (!purpose || !isPurpose(purpose)) {
    await recordRefusal?.(identity, body, "PURPOSE_REQUIRED");
    throw new GraphQLError(`every request states its purpose in the ${purposeHeader} header: one of ${Object.keys(purposes).join(", ")}`, {
      extensions: { code: "PURPOSE_REQUIRED", given: purpose ?? null, purposes: Object.keys(purposes), http: { status: 400 } },
    });
  }
  return { identity, subjects: new SubjectCollector() };
}
