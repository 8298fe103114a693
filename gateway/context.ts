import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import { header, type GraphQLBody } from "../kernel/http";
import { type CallIdentity, type TrustedKeys, newRequestId, verifyAgencyToken } from "../kernel/identity";
import { isPurpose, purposes } from "../kernel/purposes";
import type { RateLimiter } from "./rate-limit";

/** What the gateway knows about one request: the verified caller and why they ask. */
export interface GatewayContext {
  identity: CallIdentity;
}

/** Headers a caller sets to state the purpose of a request and the case it belongs to (or `extensions.purpose` / `extensions.caseRef` in the body). */
export const purposeHeader = "x-lianfang-purpose";
export const caseHeader = "x-lianfang-case";

const stringOrUndefined = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/**
 * Authenticates the caller, applies its department's rate limit and requires a known purpose,
 * all before anything is parsed or executed. A refused purpose is audited; a rate-limited
 * request is not, lest a flood turn into as many audit writes.
 */
/** Records a refusal made before execution planning; absent when the gateway keeps no audit log. */
export type RefusalRecorder = (identity: CallIdentity, body: GraphQLBody, code: string) => Promise<void>;

export async function gatewayContext(
  request: IncomingMessage,
  body: GraphQLBody,
  keys: TrustedKeys,
  limiter: RateLimiter,
  recordRefusal?: RefusalRecorder,
): Promise<GatewayContext> {
  const caller = await verifyAgencyToken(header(request, "authorization"), keys);
  if (!limiter.take(caller.agency)) {
    throw new GraphQLError(`${caller.agency} is sending requests faster than its rate limit; retry shortly`, {
      extensions: { code: "RATE_LIMITED", http: { status: 429, headers: new Map([["retry-after", "1"]]) } },
    });
  }
  const purpose = stringOrUndefined(header(request, purposeHeader)) ?? stringOrUndefined(body.extensions?.purpose);
  const caseRef = stringOrUndefined(header(request, caseHeader)) ?? stringOrUndefined(body.extensions?.caseRef);
  const identity: CallIdentity = { ...caller, requestId: newRequestId(), ...(purpose ? { purpose } : {}), ...(caseRef ? { caseRef } : {}) };
  if (!purpose || !isPurpose(purpose)) {
    await recordRefusal?.(identity, body, "PURPOSE_REQUIRED");
    throw new GraphQLError(`every request states its purpose in the ${purposeHeader} header: one of ${Object.keys(purposes).join(", ")}`, {
      extensions: { code: "PURPOSE_REQUIRED", given: purpose ?? null, purposes: Object.keys(purposes), http: { status: 400 } },
    });
  }
  return { identity };
}
