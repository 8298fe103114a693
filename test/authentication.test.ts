import { SignJWT, generateKeyPair, type KeyLike } from "jose";
import { ReplayGuard, bodyDigest, signCall } from "../kernel/identity";
import { loadAgencySigningKey } from "../kernel/keys";
import { callIdentityHeader } from "../kernel/subgraph";
import { startFederation, type Federation } from "./support/federation";

const query = "{ enterprises(first: 1) { nodes { creditCode } } }";

describe("authentication at the gateway and at every subgraph", () => {
  let hub: Federation;

  beforeAll(async () => {
    hub = await startFederation();
  });
  afterAll(() => hub.stop());
  beforeEach(() => Object.values(hub.received).forEach((calls) => calls.splice(0)));

  const unauthenticated = (reason: string) => ({
    status: 401,
    body: { errors: [{ message: `Not authenticated: ${reason}`, extensions: { code: "UNAUTHENTICATED", reason } }] },
  });

  async function tokenSignedWith(key: KeyLike, kid: string, claims: Record<string, unknown>, expires = "5m") {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setSubject("intruder")
      .setAudience("lianfang")
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);
  }

  it("answers a department's valid token", async () => {
    const response = await hub.post({ query }, { authorization: `Bearer ${await hub.keys.token({ agency: "emergency" })}` });

    expect(response).toEqual({
      status: 200,
      body: { data: { enterprises: { nodes: [{ creditCode: expect.stringMatching(/^[0-9A-Z]{18}$/) }] } } },
    });
    expect(hub.received.hrss).toHaveLength(1);
  });

  it.each([
    ["no Authorization header", async () => ({}), "missing Authorization header; send `Authorization: Bearer <token>`"],
    ["a Basic credential", async () => ({ authorization: "Basic aHJzczpzZWNyZXQ=" }), "Authorization header must be `Bearer <token>`"],
    ["a token that is not a JWT", async () => ({ authorization: "Bearer not.a.jwt" }), "token is malformed (ERR_JWS_INVALID)"],
    [
      "an expired token",
      async (h: Federation) => ({ authorization: `Bearer ${await h.keys.token({ agency: "hrss" }, Math.floor(Date.now() / 1000) - 60)}` }),
      "token expired",
    ],
    [
      "a token signed with a forged hrss key",
      async () => ({
        authorization: `Bearer ${await tokenSignedWith((await generateKeyPair("EdDSA")).privateKey, (await loadAgencySigningKey(hub.keys.keyDir, "hrss")).kid, { agency: "hrss", roles: ["viewer"] })}`,
      }),
      "token signature is invalid",
    ],
    [
      "a token from a department the hub does not know",
      async () => ({
        authorization: `Bearer ${await tokenSignedWith((await generateKeyPair("EdDSA")).privateKey, "police", { agency: "police", roles: ["viewer"] })}`,
      }),
      "token is signed by a key the hub does not trust",
    ],
  ])("refuses %s with UNAUTHENTICATED and executes nothing", async (_case, headers, reason) => {
    const response = await hub.post({ query }, await headers(hub));

    expect(response).toEqual(unauthenticated(reason));
    expect(Object.values(hub.received).flat()).toEqual([]);
  });

  it("refuses a department's key used to claim another department", async () => {
    const hrssKey = await loadAgencySigningKey(hub.keys.keyDir, "hrss");
    const token = await tokenSignedWith(hrssKey.key, hrssKey.kid, { agency: "health", roles: ["viewer"] });

    expect(await hub.post({ query }, { authorization: `Bearer ${token}` })).toEqual(
      unauthenticated("token for agency health is signed with a key of hrss"),
    );
  });

  it("refuses a role outside viewer, admin and auditor", async () => {
    const hrssKey = await loadAgencySigningKey(hub.keys.keyDir, "hrss");
    const token = await tokenSignedWith(hrssKey.key, hrssKey.kid, { agency: "hrss", roles: ["root"] });

    expect(await hub.post({ query }, { authorization: `Bearer ${token}` })).toEqual(
      unauthenticated("roles claim must be a list drawn from viewer, admin, auditor"),
    );
  });

  describe("a subgraph called around the gateway", () => {
    const callSubgraph = async (headers: Record<string, string>, body: { query: string; variables?: object } = { query }) => {
      const response = await fetch(hub.subgraphUrls.hrss, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
    };
    const identity = { agency: "hrss", user: "intruder", roles: ["viewer" as const], requestId: "r-1" };

    it("refuses a call with no gateway signature", async () => {
      expect(await callSubgraph({})).toEqual(unauthenticated("subgraphs answer only calls signed by the gateway"));
    });

    it("refuses a department's own token in place of the gateway's signature", async () => {
      const token = await hub.keys.token({ agency: "hrss" });
      expect(await callSubgraph({ [callIdentityHeader]: token })).toEqual(
        unauthenticated("gateway signature rejected: token is signed by a key the hub does not trust"),
      );
    });

    it("refuses a captured gateway signature replayed with another operation", async () => {
      const { signature } = signCall(
        hub.keys.gatewaySigningKey,
        identity,
        bodyDigest(JSON.stringify({ query: "{ enterprises(first: 1) { nodes { name } } }" })),
        "hrss",
      );
      expect(await callSubgraph({ [callIdentityHeader]: signature })).toEqual(
        unauthenticated("gateway signature does not cover this operation"),
      );
    });

    it("refuses a signed call whose body was changed, even only in its variables", async () => {
      const { signature } = signCall(hub.keys.gatewaySigningKey, identity, bodyDigest(JSON.stringify({ query })), "hrss");

      expect(await callSubgraph({ [callIdentityHeader]: signature }, { query, variables: { first: 500 } })).toEqual(
        unauthenticated("gateway signature does not cover this operation"),
      );
    });

    it("accepts exactly the operation the gateway signed, once: the same call sent again is refused", async () => {
      const { signature } = signCall(hub.keys.gatewaySigningKey, identity, bodyDigest(JSON.stringify({ query })), "hrss");
      const response = await callSubgraph({ [callIdentityHeader]: signature });
      const replayed = await callSubgraph({ [callIdentityHeader]: signature });

      expect(response.status).toBe(200);
      expect(response.body.data.enterprises.nodes).toHaveLength(1);
      expect(hub.received.hrss.map((call) => call.identity)).toEqual([identity]);
      expect(replayed).toEqual(unauthenticated("gateway signature already used: a call is answered once"));
    });

    it("refuses a signature made for another department's subgraph", async () => {
      const { signature } = signCall(hub.keys.gatewaySigningKey, identity, bodyDigest(JSON.stringify({ query })), "unions");

      expect(await callSubgraph({ [callIdentityHeader]: signature })).toEqual(
        unauthenticated("gateway signature rejected: token is addressed to another audience"),
      );
    });
  });
});

describe("the replay guard", () => {
  it("forgets a call id once its signature has expired, and only then", () => {
    let now = 1_000_000;
    const guard = new ReplayGuard(() => now);

    expect(guard.admit("a", 1030)).toBe(true);
    expect(guard.admit("a", 1030)).toBe(false);
    now = 1_031_000;
    expect(guard.admit("b", 1061)).toBe(true);
    expect(guard.admit("a", 1061)).toBe(true);
  });
});
