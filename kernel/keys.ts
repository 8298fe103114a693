import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type JSONWebKeySet, type KeyLike } from "jose";
import { StartupError } from "./errors";

/**
 * Key material, all in one folder (LIANFANG_KEY_DIR):
 *   agencies.jwks.json           public keys the gateway trusts, one per department (kid = agency)
 *   agencies/<agency>.jwk.json   a department's private key (dev only: real departments keep theirs)
 *   gateway.jwk.json             the gateway's private key, signing every call to a subgraph
 *   gateway.public.jwk.json      what subgraphs verify those calls with
 *   subgraphs.jwks.json          public keys the gateway trusts, one per department server (kid = subgraph)
 *   subgraphs/<name>.jwk.json    a department server's private key, signing what it reports it resolved
 *   audit.jwk.json               the gateway's audit key, signing every audit record (the store never holds it)
 *   audit.public.jwk.json        what `audit:verify` checks the records with
 *   linking-secret               the pseudonymisation secret for person keys
 */
export const keyAlgorithm = "EdDSA";

const files = {
  trustedAgencies: "agencies.jwks.json",
  gatewayPrivate: "gateway.jwk.json",
  gatewayPublic: "gateway.public.jwk.json",
  linkingSecret: "linking-secret",
  agencyPrivate: (agency: string) => path.join("agencies", `${agency}.jwk.json`),
  trustedSubgraphs: "subgraphs.jwks.json",
  subgraphPrivate: (subgraph: string) => path.join("subgraphs", `${subgraph}.jwk.json`),
  auditPrivate: "audit.jwk.json",
  auditPublic: "audit.public.jwk.json",
};

function writeSecret(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, content, { mode: 0o600 });
}

async function newKeyPair(kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(keyAlgorithm, { extractable: true });
  const base = { kid, alg: keyAlgorithm, use: "sig" };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...base }, publicJwk: { ...(await exportJWK(publicKey)), ...base } };
}

/** One private key per name, and the set of their public keys that the verifier trusts (kid = name). */
async function ensureKeySet(
  at: (name: string) => string,
  trustedName: string,
  privateName: (kid: string) => string,
  kids: readonly string[],
) {
  const trustedFile = at(trustedName);
  const trusted: JSONWebKeySet = fs.existsSync(trustedFile) ? JSON.parse(fs.readFileSync(trustedFile, "utf8")) : { keys: [] };
  for (const kid of kids) {
    if (fs.existsSync(at(privateName(kid))) && trusted.keys.some((key) => key.kid === kid)) continue;
    const { privateJwk, publicJwk } = await newKeyPair(kid);
    writeSecret(at(privateName(kid)), JSON.stringify(privateJwk));
    trusted.keys = [...trusted.keys.filter((key) => key.kid !== kid), publicJwk];
  }
  writeSecret(trustedFile, JSON.stringify(trusted, null, 2));
}

async function ensureKeyPair(at: (name: string) => string, privateName: string, publicName: string, kid: string) {
  if (fs.existsSync(at(privateName))) return;
  const { privateJwk, publicJwk } = await newKeyPair(kid);
  writeSecret(at(privateName), JSON.stringify(privateJwk));
  writeSecret(at(publicName), JSON.stringify(publicJwk));
}

/** Creates whatever development keys are missing; never replaces an existing key. Each department runs one subgraph of its name. */
export async function ensureDevKeys(keyDir: string, agencies: readonly string[]): Promise<void> {
  const at = (name: string) => path.join(keyDir, name);
  await ensureKeySet(at, files.trustedAgencies, files.agencyPrivate, agencies);
  await ensureKeySet(at, files.trustedSubgraphs, files.subgraphPrivate, agencies);
  await ensureKeyPair(at, files.gatewayPrivate, files.gatewayPublic, "gateway");
  await ensureKeyPair(at, files.auditPrivate, files.auditPublic, "audit");
  if (!fs.existsSync(at(files.linkingSecret))) writeSecret(at(files.linkingSecret), randomBytes(32).toString("hex"));
}

function readKeyFile(keyDir: string, name: string): string {
  const file = path.join(keyDir, name);
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new StartupError("LIANFANG_KEY_DIR", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function importKeyFile(keyDir: string, name: string): Promise<KeyLike> {
  return (await importJWK(JSON.parse(readKeyFile(keyDir, name)), keyAlgorithm)) as KeyLike;
}

export const loadTrustedAgencyKeys = (keyDir: string): JSONWebKeySet => JSON.parse(readKeyFile(keyDir, files.trustedAgencies));
export const loadGatewaySigningKey = (keyDir: string) => importKeyFile(keyDir, files.gatewayPrivate);
export const loadGatewayVerifyingKey = (keyDir: string) => importKeyFile(keyDir, files.gatewayPublic);
export const loadAgencySigningKey = (keyDir: string, agency: string) => importKeyFile(keyDir, files.agencyPrivate(agency));
export const loadLinkingSecret = (keyDir: string): string => readKeyFile(keyDir, files.linkingSecret).trim();
export const loadTrustedSubgraphKeys = (keyDir: string): JSONWebKeySet => JSON.parse(readKeyFile(keyDir, files.trustedSubgraphs));
export const loadSubgraphSigningKey = (keyDir: string, subgraph: string) => importKeyFile(keyDir, files.subgraphPrivate(subgraph));

/** The audit key as Node key objects: records are signed synchronously, inside the store's transaction. */
export interface AuditKey {
  keyId: string;
  privateKey: KeyObject;
}
export function loadAuditSigningKey(keyDir: string): AuditKey {
  const jwk = JSON.parse(readKeyFile(keyDir, files.auditPrivate)) as JWK;
  return { keyId: String(jwk.kid), privateKey: createPrivateKey({ key: jwk as never, format: "jwk" }) };
}
/** The public audit keys by key id, for verification. */
export function loadAuditVerifyingKeys(keyDir: string): Map<string, KeyObject> {
  const jwk = JSON.parse(readKeyFile(keyDir, files.auditPublic)) as JWK;
  return new Map([[String(jwk.kid), createPublicKey({ key: jwk as never, format: "jwk" })]]);
}
