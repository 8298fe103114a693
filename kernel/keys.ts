import { randomBytes } from "node:crypto";
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
 *   linking-secret               the pseudonymisation secret for person keys
 */
export const keyAlgorithm = "EdDSA";

const files = {
  trustedAgencies: "agencies.jwks.json",
  gatewayPrivate: "gateway.jwk.json",
  gatewayPublic: "gateway.public.jwk.json",
  linkingSecret: "linking-secret",
  agencyPrivate: (agency: string) => path.join("agencies", `${agency}.jwk.json`),
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

/** Creates whatever development keys are missing; never replaces an existing key. */
export async function ensureDevKeys(keyDir: string, agencies: readonly string[]): Promise<void> {
  const at = (name: string) => path.join(keyDir, name);
  const trustedFile = at(files.trustedAgencies);
  const trusted: JSONWebKeySet = fs.existsSync(trustedFile) ? JSON.parse(fs.readFileSync(trustedFile, "utf8")) : { keys: [] };
  for (const agency of agencies) {
    if (fs.existsSync(at(files.agencyPrivate(agency))) && trusted.keys.some((key) => key.kid === agency)) continue;
    const { privateJwk, publicJwk } = await newKeyPair(agency);
    writeSecret(at(files.agencyPrivate(agency)), JSON.stringify(privateJwk));
    trusted.keys = [...trusted.keys.filter((key) => key.kid !== agency), publicJwk];
  }
  writeSecret(trustedFile, JSON.stringify(trusted, null, 2));
  if (!fs.existsSync(at(files.gatewayPrivate))) {
    const { privateJwk, publicJwk } = await newKeyPair("gateway");
    writeSecret(at(files.gatewayPrivate), JSON.stringify(privateJwk));
    writeSecret(at(files.gatewayPublic), JSON.stringify(publicJwk));
  }
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
