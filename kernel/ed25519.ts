import { createPublicKey, type KeyObject } from "node:crypto";
import sodium from "sodium-native";

/**
 * Ed25519 signing and verification by libsodium: the very signatures Node's crypto (OpenSSL)
 * makes and reads (RFC 8032 signatures are deterministic), at about half its CPU to sign and 40 %
 * to verify. A governed request carries several: the gateway's on each subgraph call, each
 * department's on its report of whose data it served, and the audit record's. Keys stay Node key
 * objects everywhere else; their raw bytes are taken once per key, the secret ones into memory
 * libsodium guards.
 */
const secretKeys = new WeakMap<KeyObject, Buffer>();
const publicKeys = new WeakMap<KeyObject, Buffer>();

function rawKey(key: KeyObject, type: "private" | "public"): Buffer {
  if (key.type !== type || key.asymmetricKeyType !== "ed25519") throw new Error(`an Ed25519 ${type} key is needed`);
  const jwk = key.export({ format: "jwk" });
  return Buffer.from((type === "private" ? jwk.d : jwk.x)!, "base64url");
}

function secretKeyOf(key: KeyObject): Buffer {
  let secret = secretKeys.get(key);
  if (!secret) {
    secret = sodium.sodium_malloc(sodium.crypto_sign_SECRETKEYBYTES);
    sodium.crypto_sign_seed_keypair(Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES), secret, rawKey(key, "private"));
    secretKeys.set(key, secret);
  }
  return secret;
}

/** A private key verifies as its public half, as Node's crypto lets it. */
function publicKeyOf(key: KeyObject): Buffer {
  let raw = publicKeys.get(key);
  if (!raw) {
    raw = rawKey(key.type === "private" ? createPublicKey(key) : key, "public");
    publicKeys.set(key, raw);
  }
  return raw;
}

export function ed25519Sign(key: KeyObject, message: Buffer): Buffer {
  const signature = Buffer.alloc(sodium.crypto_sign_BYTES);
  sodium.crypto_sign_detached(signature, message, secretKeyOf(key));
  return signature;
}

export function ed25519Verify(key: KeyObject, message: Buffer, signature: Buffer): boolean {
  return signature.length === sodium.crypto_sign_BYTES && sodium.crypto_sign_verify_detached(signature, message, publicKeyOf(key));
}
