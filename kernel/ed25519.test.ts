import { generateKeyPairSync, sign, verify } from "node:crypto";
import { ed25519Sign, ed25519Verify } from "./ed25519";

describe("Ed25519 by libsodium: the signatures Node's crypto makes and reads", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const message = Buffer.from('{"iss":"gateway","aud":"hrss","digest":"联防"}');

  it("signs exactly as Node's crypto does, and each verifies the other's signature", () => {
    const signature = ed25519Sign(privateKey, message);

    expect(signature.toString("base64url")).toBe(sign(null, message, privateKey).toString("base64url"));
    expect(verify(null, message, publicKey, signature)).toBe(true);
    expect(ed25519Verify(publicKey, message, sign(null, message, privateKey))).toBe(true);
    expect(ed25519Verify(privateKey, message, signature)).toBe(true);
  });

  it("refuses an altered message, another key's signature and a signature of the wrong length", () => {
    const signature = ed25519Sign(privateKey, message);
    const other = generateKeyPairSync("ed25519");

    expect(ed25519Verify(publicKey, Buffer.from(message.toString().replace("hrss", "health")), signature)).toBe(false);
    expect(ed25519Verify(other.publicKey, message, signature)).toBe(false);
    expect(ed25519Verify(publicKey, message, signature.subarray(0, 63))).toBe(false);
    expect(ed25519Verify(publicKey, message, Buffer.concat([signature, Buffer.from([0])]))).toBe(false);
  });

  it("refuses a key that is not Ed25519", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });

    expect(() => ed25519Sign(rsa.privateKey, message)).toThrow("an Ed25519 private key is needed");
    expect(() => ed25519Verify(rsa.publicKey, message, Buffer.alloc(64))).toThrow("an Ed25519 public key is needed");
  });
});
