import type { IncomingMessage } from "node:http";
import { type CallIdentity, type TrustedKeys, newRequestId, verifyAgencyToken } from "../kernel/identity";

/** What the gateway knows about one request: the verified caller and why they ask. */
export interface GatewayContext {
  identity: CallIdentity;
}

/** Headers a caller sets to state the purpose of a request and the case it belongs to. */
export const purposeHeader = "x-lianfang-purpose";
export const caseHeader = "x-lianfang-case";

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Authenticates the caller before anything executes; a bad token answers 401 UNAUTHENTICATED. */
export async function gatewayContext(request: IncomingMessage, keys: TrustedKeys): Promise<GatewayContext> {
  const caller = await verifyAgencyToken(header(request, "authorization"), keys);
  const purpose = header(request, purposeHeader);
  const caseRef = header(request, caseHeader);
  return { identity: { ...caller, requestId: newRequestId(), ...(purpose ? { purpose } : {}), ...(caseRef ? { caseRef } : {}) } };
}
