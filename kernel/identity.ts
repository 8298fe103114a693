import { createHash, randomUUID } from "node:crypto";
import { SignJWT, errors, jwtVerify } from "jose";
import { unauthenticated } from "./errors";
import { JwsRejected, signJws, verifyJws } from "./jws";
import { keyAlgorithm } from "./keys";
import type { SigningKey, TrustedKeys } from "./trusted-keys";

/** Roles separate viewing, administration and audit (GB/T 39477). */
export const roles = ["viewer", "admin", "auditor"] as const;
export type Role = (typeof roles)[number];

/** Who calls: presented by a department in its own signed token. */
export interface Caller {
  agency: string;
  user: string;
  roles: Role[];
  region?: string;
}

/** What the gateway tells a subgraph about one call. */
export interface CallIdentity extends Caller {
  requestId: string;
  purpose?: string;
  caseRef?: string;
}

/** The agency the gateway signs as when it calls a department on its own behalf (the grant book). */
export const gatewayAgency = "gateway";

const agencyTokenAudience = "lianfang";
const gatewayIssuer = "lianfang-gateway";
/** Gateway-signed call identities live only long enough to cross loopback or a data-centre LAN. */
const callTokenLifetimeSeconds = 30;

/** A user id is at most 100 printable characters: it is recorded in the audit log and shown to auditors. */
export const userIdLimit = 100;
const unprintable = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const agencyShape = /^[a-z][a-z0-9-]{0,19}$/;

function readCaller(payload: Record<string, unknown>): Caller {
  const { agency, sub, roles: claimedRoles, region } = payload;
  if (typeof agency !== "string" || !agency) throw unauthenticated("token has no agency claim");
  if (!agencyShape.test(agency)) throw unauthenticated("agency claim must be a lower-case department name of at most 20 characters");
  if (typeof sub !== "string" || !sub) throw unauthenticated("token has no subject (user) claim");
  if (sub.length > userIdLimit || unprintable.test(sub) || !sub.isWellFormed()) {
    throw unauthenticated(`subject (user) claim must be at most ${userIdLimit} printable characters`);
  }
  if (!Array.isArray(claimedRoles) || !claimedRoles.every((role) => roles.includes(role))) {
    throw unauthenticated(`roles claim must be a list drawn from ${roles.join(", ")}`);
  }
  if (region !== undefined && (typeof region !== "string" || !/^\d{6}$/.test(region))) {
    throw unauthenticated("region claim must be a 6-digit GB/T 2260 code");
  }
  return { agency, user: sub, roles: claimedRoles as Role[], ...(region ? { region } : {}) };
}

/** Issues a department's token (the `token` command and tests; departments run their own issuers). */
/** `lifetime` is a span such as "8h", or an absolute expiry in epoch seconds. */
export async function issueAgencyToken(signer: SigningKey, caller: Caller, lifetime: string | number = "8h"): Promise<string> {
  return new SignJWT({ agency: caller.agency, roles: caller.roles, ...(caller.region ? { region: caller.region } : {}) })
    .setProtectedHeader({ alg: keyAlgorithm, kid: signer.kid })
    .setSubject(caller.user)
    .setAudience(agencyTokenAudience)
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(signer.key);
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "token expired";
  if (error instanceof errors.JWKSNoMatchingKey) return "token is signed by a key the hub does not trust";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "token signature is invalid";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") return "token is addressed to another audience";
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim ${error.claim} is invalid: ${error.reason}`;
  if (error instanceof errors.JOSEError) return `token is malformed (${error.code})`;
  return "token is malformed";
}

/**
 * Tokens already verified against a trusted key set, with their expiry: a department's client
 * sends the same token for hours, and its signature need not be checked on every request. Kept
 * per generation of the set, so a reloaded set (a key retired) verifies every token afresh;
 * bounded, oldest dropped first.
 */
const verifiedTokens = new WeakMap<TrustedKeys, { generation: number; tokens: Map<string, { caller: Caller; expiresAtMs: number }> }>();
const verifiedTokensLimit = 10_000;

/** Verifies `Authorization: Bearer <JWT>`: signed by a key the hub trusts as the token's agency's. */
export async function verifyAgencyToken(authorization: string | undefined, keys: TrustedKeys): Promise<Caller> {
  if (!authorization) throw unauthenticated("missing Authorization header; send `Authorization: Bearer <token>`");
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthenticated("Authorization header must be `Bearer <token>`");
  let cache = verifiedTokens.get(keys);
  if (cache?.generation !== keys.generation) {
    cache = { generation: keys.generation, tokens: new Map() };
    verifiedTokens.set(keys, cache);
  }
  const verified = cache.tokens.get(match[1]);
  if (verified && verified.expiresAtMs > Date.now()) return verified.caller;
  const fresh = await verifyToken(match[1], keys);
  cache.tokens.delete(match[1]);
  if (cache.tokens.size >= verifiedTokensLimit) cache.tokens.delete(cache.tokens.keys().next().value!);
  cache.tokens.set(match[1], fresh);
  return fresh.caller;
}

async function verifyToken(token: string, keys: TrustedKeys): Promise<{ caller: Caller; expiresAtMs: number }> {
  let verified;
  try {
    verified = await jwtVerify(token, keys.getKey, {
      algorithms: [keyAlgorithm],
      audience: agencyTokenAudience,
      requiredClaims: ["exp", "sub"],
    });
  } catch (error) {
    throw unauthenticated(explain(error));
  }
  const caller = readCaller(verified.payload);
  const owner = keys.ownerOf(verified.protectedHeader.kid);
  if (owner !== caller.agency) throw unauthenticated(`token for agency ${caller.agency} is signed with a key of ${owner}`);
  return { caller, expiresAtMs: Number(verified.payload.exp) * 1000 };
}

/** Binds a gateway signature to the exact body of one call: a captured signature cannot carry another query or other variables. */
export function bodyDigest(body: string): string {
  return createHash("sha256").update(body).digest("base64url");
}

/** Signs one call to one subgraph: its audience is that subgraph, its id (jti) is used once. */
export function signCall(
  signer: SigningKey,
  identity: CallIdentity,
  digest: string,
  subgraph: string,
): { signature: string; callId: string } {
  const { agency, user, roles: callerRoles, region, requestId, purpose, caseRef } = identity;
  const callId = randomUUID();
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = { agency, roles: callerRoles, region, purpose, caseRef, digest, rid: requestId };
  const registered = { iss: gatewayIssuer, aud: subgraph, sub: user, jti: callId, iat: issuedAt, exp: issuedAt + callTokenLifetimeSeconds };
  return { signature: signJws(signer, { ...claims, ...registered }), callId };
}

/**
 * The call ids a subgraph has accepted and that are still within their lifetime: a captured
 * signature sent again, even with the same body, is refused. Memory is bounded by the calls of
 * the last 30 seconds.
 */
export class ReplayGuard {
  private readonly seen = new Set<string>();
  /**
   * The admitted ids in admission order, which is near expiry order: expired ones are forgotten
   * from the head. A queue, not the Map's own order: a Map iterated from its start steps over
   * every entry deleted since its last rehash, thousands per call under load.
   */
  private admitted: { callId: string; expiresAtSeconds: number }[] = [];
  private head = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time a call id is presented; false on a replay. */
  admit(callId: string, expiresAtSeconds: number): boolean {
    const now = this.now();
    while (this.head < this.admitted.length && this.admitted[this.head].expiresAtSeconds * 1000 <= now) {
      this.seen.delete(this.admitted[this.head++].callId);
    }
    if (this.head > 1024 && this.head * 2 > this.admitted.length) {
      this.admitted = this.admitted.slice(this.head);
      this.head = 0;
    }
    if (this.seen.has(callId)) return false;
    this.seen.add(callId);
    this.admitted.push({ callId, expiresAtSeconds });
    return true;
  }
}

/** Accepts a subgraph call only with a fresh gateway signature, for this subgraph, over exactly this operation, once. */
export function verifyCall(
  gatewayKeys: TrustedKeys,
  token: string | undefined,
  digest: string,
  subgraph: string,
  replays: ReplayGuard,
): { identity: CallIdentity; callId: string } {
  if (!token) throw unauthenticated("subgraphs answer only calls signed by the gateway");
  let payload, owner;
  try {
    ({ claims: payload, owner } = verifyJws(token, gatewayKeys, {
      issuer: gatewayIssuer,
      audience: subgraph,
      required: ["exp", "jti", "rid"],
      now: Math.floor(Date.now() / 1000),
    }));
  } catch (error) {
    if (!(error instanceof JwsRejected)) throw error;
    throw unauthenticated(`gateway signature rejected: ${error.message}`);
  }
  if (owner !== gatewayAgency) throw unauthenticated("call is not signed with a gateway key");
  if (payload.digest !== digest) throw unauthenticated("gateway signature does not cover this operation");
  const caller = readCaller(payload);
  if (!replays.admit(payload.jti as string, payload.exp as number))
    throw unauthenticated("gateway signature already used: a call is answered once");
  return {
    callId: payload.jti as string,
    identity: {
      ...caller,
      requestId: String(payload.rid),
      ...(typeof payload.purpose === "string" ? { purpose: payload.purpose } : {}),
      ...(typeof payload.caseRef === "string" ? { caseRef: payload.caseRef } : {}),
    },
  };
}

export const newRequestId = (): string => randomUUID();
