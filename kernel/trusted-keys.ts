import fs from "node:fs";
import { createPublicKey, type KeyObject } from "node:crypto";
import { createLocalJWKSet, type JSONWebKeySet, type JWK, type JWTVerifyGetKey, type KeyLike } from "jose";
import type { Logger } from "./logger";

/** A private key and the id its signatures carry, so that verifiers can pick its public half among several. */
export interface SigningKey {
  kid: string;
  key: KeyLike;
}

/**
 * Whose a trusted key is: its `owner` member (a department, a department server, the gateway). Key
 * ids are free, so an owner can hold several keys while it rotates; a key without an owner belongs
 * to the owner its kid names, as key files made before rotation existed do.
 */
export function keyOwner(key: JWK): string | undefined {
  const owner = (key as { owner?: unknown }).owner;
  return typeof owner === "string" ? owner : key.kid;
}

function checkedSet(set: JSONWebKeySet, source: string): JSONWebKeySet {
  if (!Array.isArray(set?.keys)) throw new Error(`${source}: not a JSON Web Key Set (no "keys" list)`);
  const kids = set.keys.map((key) => key.kid);
  if (kids.some((kid) => typeof kid !== "string" || !kid)) throw new Error(`${source}: every key needs a kid`);
  if (new Set(kids).size !== kids.length) throw new Error(`${source}: two keys share a kid`);
  return set;
}

/** A trusted key as Node's key object, when it is an Ed25519 public key; other keys serve jose only. */
function importable(key: JWK): [string, KeyObject][] {
  if (key.kty !== "OKP" || key.crv !== "Ed25519" || key.d !== undefined) return [];
  return [[key.kid as string, createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x }, format: "jwk" })]];
}

/** The public keys a verifier trusts, each with its owner; replaced whole when the set changes. */
export class TrustedKeys {
  private resolve!: JWTVerifyGetKey;
  private owners!: ReadonlyMap<string, string | undefined>;
  private publicKeys!: ReadonlyMap<string, KeyObject>;

  constructor(set: JSONWebKeySet, source = "trusted key set") {
    this.replace(set, source);
  }

  private replacements = 0;

  /** Counts replacements: what was verified against an earlier generation is verified again. */
  get generation(): number {
    return this.replacements;
  }

  replace(set: JSONWebKeySet, source = "trusted key set"): void {
    checkedSet(set, source);
    this.replacements += 1;
    this.resolve = createLocalJWKSet(set);
    this.owners = new Map(set.keys.map((key) => [key.kid as string, keyOwner(key)]));
    this.publicKeys = new Map(set.keys.flatMap((key) => importable(key)));
  }

  /** For `jwtVerify`: the key the token's header names, if trusted now. */
  readonly getKey: JWTVerifyGetKey = (header, token) => this.resolve(header, token);

  /** For the hub's own statements (kernel/jws.ts): the trusted Ed25519 key with this id. */
  publicKey(kid: string | undefined): KeyObject | undefined {
    return kid === undefined ? undefined : this.publicKeys.get(kid);
  }

  ownerOf(kid: string | undefined): string | undefined {
    return kid === undefined ? undefined : this.owners.get(kid);
  }
}

export interface WatchedKeys {
  keys: TrustedKeys;
  close: () => void;
}

/**
 * A key-set file, re-read when it changes: keys are added and retired without restarting anyone.
 * A file that cannot be read or parsed (e.g. half-written) leaves the previous set in force.
 */
export function watchTrustedKeys(file: string, options: { intervalMs: number; logger: Logger }): WatchedKeys {
  // The file's identity is taken before it is read, so a change made while reading is seen next time.
  const stamp = () => {
    const stat = fs.statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  };
  const read = (): JSONWebKeySet => JSON.parse(fs.readFileSync(file, "utf8"));
  let seen = stamp();
  const keys = new TrustedKeys(read(), file);
  const timer = setInterval(() => {
    try {
      const current = stamp();
      if (current === seen) return;
      seen = current;
      keys.replace(read(), file);
      options.logger.info({ file }, "trusted keys reloaded");
    } catch (error) {
      options.logger.warn({ file, reason: (error as Error).message }, "trusted keys not reloaded; the previous set stays in force");
    }
  }, options.intervalMs);
  timer.unref();
  return { keys, close: () => clearInterval(timer) };
}
