import { KeyObject } from "node:crypto";
import { ed25519Sign, ed25519Verify } from "./ed25519";
import { keyAlgorithm } from "./keys";
import type { SigningKey, TrustedKeys } from "./trusted-keys";

/**
 * The hub's own signed statements — the gateway's signature on every subgraph call and each
 * department's report of whose data it served — as compact JWS (RFC 7515) with Ed25519, signed
 * and verified directly (kernel/ed25519.ts): the same tokens jose makes and reads, at a fraction
 * of the CPU, and there are several on every request. Department tokens, which come from outside,
 * are still read by jose.
 */

export type Claims = Record<string, unknown>;

/** Why a statement was refused, worded as the hub's other token errors are. */
export class JwsRejected extends Error {}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function signJws(signer: SigningKey, claims: Claims): string {
  if (!(signer.key instanceof KeyObject)) throw new Error("a signing key must be a Node key object");
  const signingInput = `${encode({ alg: keyAlgorithm, kid: signer.kid })}.${encode(claims)}`;
  return `${signingInput}.${ed25519Sign(signer.key, Buffer.from(signingInput)).toString("base64url")}`;
}

const base64url = /^[A-Za-z0-9_-]*$/;

/** Strict base64url: one spelling per byte string, so a statement has exactly one valid form. */
function decode(part: string): Buffer {
  const bytes = Buffer.from(part, "base64url");
  if (!base64url.test(part) || bytes.toString("base64url") !== part) throw new JwsRejected("token is malformed");
  return bytes;
}

function readObject(part: string): Claims {
  let value: unknown;
  try {
    value = JSON.parse(decode(part).toString("utf8"));
  } catch {
    throw new JwsRejected("token is malformed");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new JwsRejected("token is malformed");
  return value as Claims;
}

export interface Expected {
  issuer: string;
  audience: string;
  /** Claims that must be present. */
  required: readonly string[];
  /** Seconds since the epoch. */
  now: number;
}

/**
 * Verifies a statement signed by a trusted key, from `issuer` to `audience`, with the
 * registered time claims checked as jose checks them (no clock tolerance); returns its claims
 * and the owner of the key that signed it, for the caller to compare with who it claims to be.
 */
export function verifyJws(token: string, keys: TrustedKeys, expected: Expected): { claims: Claims; owner: string | undefined } {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwsRejected("token is malformed");
  const header = readObject(parts[0]);
  // `crit` names extensions the verifier must understand; the hub understands none.
  if (header.alg !== keyAlgorithm || "crit" in header || "b64" in header) throw new JwsRejected("token is malformed (alg)");
  const kid = typeof header.kid === "string" ? header.kid : undefined;
  const key = keys.publicKey(kid);
  if (!key) throw new JwsRejected("token is signed by a key the hub does not trust");
  if (!ed25519Verify(key, Buffer.from(`${parts[0]}.${parts[1]}`), decode(parts[2]))) throw new JwsRejected("token signature is invalid");
  const claims = readObject(parts[1]);
  for (const claim of expected.required) {
    if (!(claim in claims)) throw new JwsRejected(`token claim ${claim} is invalid: missing required claim`);
  }
  if (claims.iss !== expected.issuer) throw new JwsRejected("token claim iss is invalid: unexpected issuer");
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) throw new JwsRejected("token is addressed to another audience");
  for (const claim of ["iat", "exp", "nbf"]) {
    if (claim in claims && typeof claims[claim] !== "number") throw new JwsRejected(`token claim ${claim} is invalid: not a number`);
  }
  if (typeof claims.exp === "number" && claims.exp <= expected.now) throw new JwsRejected("token expired");
  if (typeof claims.nbf === "number" && claims.nbf > expected.now) throw new JwsRejected("token claim nbf is invalid: not yet valid");
  return { claims, owner: keys.ownerOf(kid) };
}
