import fs from "node:fs";
import path from "node:path";
import { callIdentityHeader } from "../kernel/subgraph";
import { bodyDigest, signCall } from "../kernel/identity";
import { loadAgencySigningKey, loadGatewaySigningKey, retireKey, rotateKey } from "../kernel/keys";
import { eventually } from "./support/eventually";
import { startFederation, type Federation } from "./support/federation";

const query = "{ enterprises(first: 1) { nodes { creditCode } } }";

describe("keys rotate without restarting anyone", () => {
  let hub: Federation;

  beforeAll(async () => {
    hub = await startFederation();
  });
  afterAll(() => hub.stop());

  const ask = (token: string) => hub.post({ query }, { authorization: `Bearer ${token}` });
  const answered = (response: { status: number }) => response.status === 200;
  const refused = (response: { status: number }) => response.status === 401;

  it("accepts a department's token signed with its old key until that key is retired, then refuses it", async () => {
    const oldKey = await loadAgencySigningKey(hub.keys.keyDir, "hrss");
    const oldToken = await hub.keys.token({ agency: "hrss" });

    const newKid = await rotateKey(hub.keys.keyDir, "agency", "hrss");
    const newKey = await loadAgencySigningKey(hub.keys.keyDir, "hrss");
    const newToken = await hub.keys.token({ agency: "hrss" });
    expect(newKey.kid).toBe(newKid);
    expect(newKid).not.toBe(oldKey.kid);
    expect(newKid).toMatch(/^hrss-\d{8}-[0-9a-f]{6}$/);

    expect((await eventually(() => ask(newToken), answered)).body).toEqual({
      data: { enterprises: { nodes: [{ creditCode: expect.any(String) }] } },
    });
    expect((await ask(oldToken)).status).toBe(200);

    retireKey(hub.keys.keyDir, "agency", oldKey.kid);

    expect((await eventually(() => ask(oldToken), refused)).body).toEqual({
      errors: [
        {
          message: `Not authenticated: token is signed by a key the hub does not trust`,
          extensions: { code: "UNAUTHENTICATED", reason: "token is signed by a key the hub does not trust" },
        },
      ],
    });
    expect((await ask(newToken)).status).toBe(200);
  });

  it("refuses to retire the key an owner signs with, or its only key", async () => {
    const oldKid = (await loadAgencySigningKey(hub.keys.keyDir, "unions")).kid;
    const newKid = await rotateKey(hub.keys.keyDir, "agency", "unions");
    retireKey(hub.keys.keyDir, "agency", oldKid);

    expect(() => retireKey(hub.keys.keyDir, "agency", newKid)).toThrow(`${newKid} is unions's current signing key; rotate first`);
    // A department whose tokens come from its own identity provider: the hub holds no private key of it.
    fs.rmSync(path.join(hub.keys.keyDir, "agencies", "unions.jwk.json"));
    expect(() => retireKey(hub.keys.keyDir, "agency", newKid)).toThrow(`${newKid} is unions's only trusted key; rotate first`);
    expect(() => retireKey(hub.keys.keyDir, "agency", oldKid)).toThrow(`no agency key ${oldKid}`);
  });

  it("lets the gateway's key rotate with an overlap: departments trust both until the old one is retired", async () => {
    const callHrss = async (signer: Awaited<ReturnType<typeof loadGatewaySigningKey>>) => {
      const identity = { agency: "hrss", user: "rotation", roles: ["viewer" as const], requestId: "r-rotation" };
      const body = JSON.stringify({ query });
      const { signature } = signCall(signer, identity, bodyDigest(body), "hrss");
      const response = await fetch(hub.subgraphUrls.hrss, {
        method: "POST",
        headers: { "content-type": "application/json", [callIdentityHeader]: signature },
        body,
      });
      return { status: response.status, body: await response.json() };
    };
    const oldKey = hub.keys.gatewaySigningKey;
    await rotateKey(hub.keys.keyDir, "gateway", "gateway");
    const newKey = await loadGatewaySigningKey(hub.keys.keyDir);

    expect((await eventually(() => callHrss(newKey), answered)).status).toBe(200);
    // The running gateway still signs with the old key, and is still answered.
    expect((await ask(await hub.keys.token({ agency: "emergency" }))).status).toBe(200);

    retireKey(hub.keys.keyDir, "gateway", oldKey.kid);

    expect((await eventually(() => callHrss(oldKey), refused)).body).toEqual({
      errors: [
        {
          message: `Not authenticated: gateway signature rejected: token is signed by a key the hub does not trust`,
          extensions: { code: "UNAUTHENTICATED", reason: "gateway signature rejected: token is signed by a key the hub does not trust" },
        },
      ],
    });
    expect((await callHrss(newKey)).status).toBe(200);
  });
});
