import { SignJWT, exportJWK, generateKeyPair, type JWK } from "jose";
import { JwsRejected, signJws, verifyJws, type Expected } from "./jws";
import { TrustedKeys } from "./trusted-keys";
import type { SigningKey } from "./trusted-keys";

async function signer(kid: string, owner: string): Promise<{ key: SigningKey; jwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { extractable: true });
  return { key: { kid, key: privateKey }, jwk: { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", owner } as JWK };
}

const now = 1_800_000_000;
const expected: Expected = { issuer: "lianfang-gateway", audience: "hrss", required: ["jti"], now };
const claims = { iss: "lianfang-gateway", aud: "hrss", jti: "call-1", iat: now, exp: now + 30, digest: "d" };

describe("the hub's own signed statements (compact JWS, Ed25519, Node crypto)", () => {
  let gateway: { key: SigningKey; jwk: JWK };
  let keys: TrustedKeys;

  beforeAll(async () => {
    gateway = await signer("gateway-1", "gateway");
    keys = new TrustedKeys({ keys: [gateway.jwk] });
  });

  const rejection = (token: string, expectation: Expected = expected) => {
    try {
      verifyJws(token, keys, expectation);
    } catch (error) {
      expect(error).toBeInstanceOf(JwsRejected);
      return (error as Error).message;
    }
    throw new Error("accepted");
  };

  it("accepts what it signed, naming the key's owner", () => {
    expect(verifyJws(signJws(gateway.key, claims), keys, expected)).toEqual({ claims, owner: "gateway" });
  });

  it("reads tokens made by jose, and jose reads its tokens: the format is the standard one", async () => {
    const made = await new SignJWT({ digest: "d" })
      .setProtectedHeader({ alg: "EdDSA", kid: "gateway-1" })
      .setIssuer("lianfang-gateway")
      .setAudience("hrss")
      .setJti("call-1")
      .sign(gateway.key.key);
    expect(verifyJws(made, keys, expected).claims).toEqual({ digest: "d", iss: "lianfang-gateway", aud: "hrss", jti: "call-1" });
  });

  it("refuses a changed payload, an unknown key, another algorithm and critical extensions", () => {
    const [header, payload, signature] = signJws(gateway.key, claims).split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, digest: "other" })).toString("base64url");
    expect(rejection(`${header}.${forged}.${signature}`)).toBe("token signature is invalid");

    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(rejection(`${encode({ alg: "EdDSA", kid: "stranger" })}.${payload}.${signature}`)).toBe(
      "token is signed by a key the hub does not trust",
    );
    expect(rejection(`${encode({ alg: "none", kid: "gateway-1" })}.${payload}.`)).toBe("token is malformed (alg)");
    expect(rejection(`${encode({ alg: "EdDSA", kid: "gateway-1", crit: ["exp"] })}.${payload}.${signature}`)).toBe(
      "token is malformed (alg)",
    );
  });

  it("refuses malformed tokens and a second spelling of the same signature", () => {
    const token = signJws(gateway.key, claims);
    expect(rejection("abc")).toBe("token is malformed");
    expect(rejection(`${token}.extra`)).toBe("token is malformed");
    expect(rejection(`not json.${token.split(".")[1]}.${token.split(".")[2]}`)).toBe("token is malformed");
    // The last base64url character of a 64-byte signature carries 4 unused bits: flipping one decodes to the same bytes.
    const last = token.at(-1)!;
    const sibling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) ^ 1
    ];
    expect(rejection(`${token.slice(0, -1)}${sibling}`)).toBe("token is malformed");
  });

  it("checks issuer, audience, required and time claims", () => {
    expect(rejection(signJws(gateway.key, { ...claims, iss: "someone" }))).toBe("token claim iss is invalid: unexpected issuer");
    expect(rejection(signJws(gateway.key, { ...claims, aud: "health" }))).toBe("token is addressed to another audience");
    expect(verifyJws(signJws(gateway.key, { ...claims, aud: ["health", "hrss"] }), keys, expected).owner).toBe("gateway");
    expect(rejection(signJws(gateway.key, { ...claims, jti: undefined }))).toBe("token claim jti is invalid: missing required claim");
    expect(rejection(signJws(gateway.key, { ...claims, exp: now }))).toBe("token expired");
    expect(rejection(signJws(gateway.key, { ...claims, exp: String(now + 30) }))).toBe("token claim exp is invalid: not a number");
    expect(rejection(signJws(gateway.key, { ...claims, nbf: now + 1 }))).toBe("token claim nbf is invalid: not yet valid");
  });
});
