import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { createLogger } from "./logger";
import { TrustedKeys, watchTrustedKeys } from "./trusted-keys";

async function publicJwk(kid: string, owner?: string) {
  const { publicKey } = await generateKeyPair("EdDSA", { extractable: true });
  return { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", ...(owner ? { owner } : {}) };
}

describe("trusted key sets", () => {
  it("know each key's owner, by its owner member or else by its kid", async () => {
    const keys = new TrustedKeys({ keys: [await publicJwk("hrss-20261202-a1b2c3", "hrss"), await publicJwk("health")] });

    expect(keys.ownerOf("hrss-20261202-a1b2c3")).toBe("hrss");
    expect(keys.ownerOf("health")).toBe("health");
    expect(keys.ownerOf("police")).toBeUndefined();
    expect(keys.ownerOf(undefined)).toBeUndefined();
  });

  it("refuse a set whose keys lack a kid or share one", async () => {
    const key = await publicJwk("k", "hrss");
    expect(() => new TrustedKeys({ keys: [key, key] }, "agencies.jwks.json")).toThrow("agencies.jwks.json: two keys share a kid");
    expect(() => new TrustedKeys({ keys: [{ ...key, kid: undefined }] }, "agencies.jwks.json")).toThrow(
      "agencies.jwks.json: every key needs a kid",
    );
    expect(() => new TrustedKeys({} as never, "agencies.jwks.json")).toThrow('agencies.jwks.json: not a JSON Web Key Set (no "keys" list)');
  });

  it("keep the previous set in force when the file is rewritten with something unreadable", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-trusted-")), "agencies.jwks.json");
    fs.writeFileSync(file, JSON.stringify({ keys: [await publicJwk("hrss-1", "hrss")] }));
    const warnings: string[] = [];
    const logger = createLogger("test", "silent");
    logger.warn = ((_fields: object, message: string) => void warnings.push(message)) as never;
    const watched = watchTrustedKeys(file, { intervalMs: 20, logger });
    try {
      fs.writeFileSync(file, '{"keys": [');
      const deadline = Date.now() + 30_000;
      while (warnings.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

      expect(warnings).toEqual(["trusted keys not reloaded; the previous set stays in force"]);
      expect(watched.keys.ownerOf("hrss-1")).toBe("hrss");
    } finally {
      watched.close();
    }
  });
});
