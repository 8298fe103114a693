import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type JSONWebKeySet, type KeyLike } from "jose";
import { StartupError } from "./errors";
import { keyOwner, type SigningKey } from "./trusted-keys";

/**
 * Key material, all in one folder (LIANFANG_KEY_DIR):
 *   agencies.jwks.json           public keys the gateway trusts for department tokens (owner = agency)
 *   agencies/<agency>.jwk.json   a department's private key (dev only: real departments keep theirs)
 *   gateway.jwk.json             the gateway's private key, signing every call to a subgraph
 *   gateway.jwks.json            what subgraphs verify those calls with (owner = gateway)
 *   subgraphs.jwks.json          public keys the gateway trusts for department servers (owner = subgraph)
 *   subgraphs/<name>.jwk.json    a department server's private key, signing what it reports it resolved
 *   audit.jwk.json               the gateway's audit key, signing every audit record (the store never holds it)
 *   audit.public.jwk.json        what `audit:verify` checks the records with
 *   linking-secret               the pseudonymisation secret for person keys
 * A trusted set may hold several keys of one owner (key ids are free): that is how keys rotate.
 */
export const keyAlgorithm = "EdDSA";

/** The three kinds of signer whose public keys are kept as a trusted set. */
export type SignerKind = "agency" | "subgraph" | "gateway";

const keySets: Record<SignerKind, { trusted: string; privateKey: (owner: string) => string }> = {
  agency: { trusted: "agencies.jwks.json", privateKey: (agency) => path.join("agencies", `${agency}.jwk.json`) },
  subgraph: { trusted: "subgraphs.jwks.json", privateKey: (subgraph) => path.join("subgraphs", `${subgraph}.jwk.json`) },
  gateway: { trusted: "gateway.jwks.json", privateKey: () => "gateway.jwk.json" },
};

const files = {
  linkingSecret: "linking-secret",
  auditPrivate: "audit.jwk.json",
  auditPublic: "audit.public.jwk.json",
};

/** Written whole or not at all: a reader (a watching verifier) never sees half a file. */
function writeSecret(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, content, { mode: 0o600 });
  fs.renameSync(partial, file);
}

async function newKeyPair(owner: string, kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(keyAlgorithm, { extractable: true });
  const base = { kid, alg: keyAlgorithm, use: "sig", owner };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...base }, publicJwk: { ...(await exportJWK(publicKey)), ...base } };
}

/** A key id that says whose key it is and when it was made, and is never reused. */
const newKeyId = (owner: string, now: Date) =>
  `${owner}-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex")}`;

const readSet = (file: string): JSONWebKeySet => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { keys: [] });

/** One private key per owner, and the set of public keys that the verifier trusts. */
async function ensureKeySet(keyDir: string, kind: SignerKind, owners: readonly string[]) {
  const at = (name: string) => path.join(keyDir, name);
  const { trusted: trustedName, privateKey } = keySets[kind];
  const trusted = readSet(at(trustedName));
  for (const owner of owners) {
    if (fs.existsSync(at(privateKey(owner))) && trusted.keys.some((key) => keyOwner(key) === owner)) continue;
    const { privateJwk, publicJwk } = await newKeyPair(owner, newKeyId(owner, new Date()));
    writeSecret(at(privateKey(owner)), JSON.stringify(privateJwk));
    trusted.keys = [...trusted.keys.filter((key) => keyOwner(key) !== owner), publicJwk];
  }
  writeSecret(at(trustedName), JSON.stringify(trusted, null, 2));
}

async function ensureKeyPair(at: (name: string) => string, privateName: string, publicName: string, kid: string) {
  if (fs.existsSync(at(privateName))) return;
  const { privateJwk, publicJwk } = await newKeyPair(kid, kid);
  writeSecret(at(privateName), JSON.stringify(privateJwk));
  writeSecret(at(publicName), JSON.stringify(publicJwk));
}

/** Creates whatever development keys are missing; never replaces an existing key. Each department runs one subgraph of its name. */
export async function ensureDevKeys(keyDir: string, agencies: readonly string[]): Promise<void> {
  const at = (name: string) => path.join(keyDir, name);
  await ensureKeySet(keyDir, "agency", agencies);
  await ensureKeySet(keyDir, "subgraph", agencies);
  await ensureKeySet(keyDir, "gateway", [gatewayOwner]);
  await ensureKeyPair(at, files.auditPrivate, files.auditPublic, "audit");
  if (!fs.existsSync(at(files.linkingSecret))) writeSecret(at(files.linkingSecret), randomBytes(32).toString("hex"));
}

const gatewayOwner = "gateway";

/**
 * Starts a rotation: a new key for the owner becomes its signing key, and its public half joins the
 * trusted set beside the old ones, so that what the old key signed stays valid until it is retired.
 * Returns the new key id.
 */
export async function rotateKey(keyDir: string, kind: SignerKind, owner: string, now = new Date()): Promise<string> {
  const { trusted: trustedName, privateKey } = keySets[kind];
  const trustedFile = path.join(keyDir, trustedName);
  const trusted = readSet(trustedFile);
  const kid = newKeyId(owner, now);
  const { privateJwk, publicJwk } = await newKeyPair(owner, kid);
  // The verifiers learn the new key before anything is signed with it.
  writeSecret(trustedFile, JSON.stringify({ keys: [...trusted.keys, publicJwk] }, null, 2));
  writeSecret(path.join(keyDir, privateKey(owner)), JSON.stringify(privateJwk));
  return kid;
}

/** Ends a rotation: the key is no longer trusted. An owner's only key, or the one it signs with, cannot be retired. */
export function retireKey(keyDir: string, kind: SignerKind, kid: string): void {
  const trustedFile = path.join(keyDir, keySets[kind].trusted);
  const trusted = readSet(trustedFile);
  const retiring = trusted.keys.find((key) => key.kid === kid);
  if (!retiring) throw new Error(`no ${kind} key ${kid} in ${trustedFile}`);
  const owner = keyOwner(retiring) ?? kid;
  const signingFile = path.join(keyDir, keySets[kind].privateKey(owner));
  if (fs.existsSync(signingFile) && JSON.parse(fs.readFileSync(signingFile, "utf8")).kid === kid) {
    throw new Error(`${kid} is ${owner}'s current signing key; rotate first`);
  }
  const remaining = trusted.keys.filter((key) => key.kid !== kid);
  if (!remaining.some((key) => keyOwner(key) === owner)) throw new Error(`${kid} is ${owner}'s only trusted key; rotate first`);
  writeSecret(trustedFile, JSON.stringify({ keys: remaining }, null, 2));
}

export const trustedKeyFile = (keyDir: string, kind: SignerKind): string => path.join(keyDir, keySets[kind].trusted);

function readKeyFile(keyDir: string, name: string): string {
  const file = path.join(keyDir, name);
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new StartupError("LIANFANG_KEY_DIR", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function importSigningKey(keyDir: string, name: string): Promise<SigningKey> {
  const jwk = JSON.parse(readKeyFile(keyDir, name)) as JWK;
  return { kid: String(jwk.kid), key: (await importJWK(jwk, keyAlgorithm)) as KeyLike };
}

const loadTrustedSet = (keyDir: string, kind: SignerKind): JSONWebKeySet => JSON.parse(readKeyFile(keyDir, keySets[kind].trusted));
export const loadTrustedAgencyKeys = (keyDir: string) => loadTrustedSet(keyDir, "agency");
export const loadTrustedSubgraphKeys = (keyDir: string) => loadTrustedSet(keyDir, "subgraph");
export const loadTrustedGatewayKeys = (keyDir: string) => loadTrustedSet(keyDir, "gateway");
export const loadGatewaySigningKey = (keyDir: string) => importSigningKey(keyDir, keySets.gateway.privateKey(gatewayOwner));
export const loadAgencySigningKey = (keyDir: string, agency: string) => importSigningKey(keyDir, keySets.agency.privateKey(agency));
export const loadSubgraphSigningKey = (keyDir: string, subgraph: string) => importSigningKey(keyDir, keySets.subgraph.privateKey(subgraph));
export const loadLinkingSecret = (keyDir: string): string => readKeyFile(keyDir, files.linkingSecret).trim();

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
