import { TrustedKeys } from "../kernel/trusted-keys";
import { Writable } from "node:stream";
import pino from "pino";
import { startGateway } from "../gateway/server";
import { startFederation, type Federation } from "./support/federation";

describe("what an operator sees: access log, metrics, liveness and readiness", () => {
  let hub: Federation;
  const lines: Record<string, unknown>[] = [];
  let logged: { url: string; stop: () => Promise<void> };

  beforeAll(async () => {
    hub = await startFederation();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    // A second gateway over the same departments and governance, logging into memory.
    logged = await startGateway({
      port: 0,
      supergraphSdl: hub.supergraphSdl,
      governance: hub.governance,
      rateLimitPerSecond: 1000,
      subgraphUrls: hub.subgraphUrls,
      trustedKeys: new TrustedKeys(hub.keys.trustedAgencyKeys),
      trustedSubgraphKeys: new TrustedKeys(hub.keys.trustedSubgraphKeys),
      signingKey: hub.keys.gatewaySigningKey,
      maxBodyBytes: 100_000,
      introspection: false,
      logger: pino({ level: "info" }, sink),
    });
  });
  afterAll(async () => {
    await logged.stop();
    await hub.stop();
  });

  it("writes one access-log line per request: request id, agency, purpose, operation, status, duration, and no personal data", async () => {
    const response = await fetch(logged.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await hub.keys.token({ agency: "health" })}`,
        "x-lianfang-purpose": "STATISTICS",
      },
      body: JSON.stringify({ query: "query Names { enterprises(first: 1) { nodes { name } } }", operationName: "Names" }),
    });
    await response.json();

    const requestLines = lines.filter((line) => line.msg === "request");
    expect(requestLines).toEqual([
      expect.objectContaining({
        requestId: response.headers.get("x-request-id"),
        agency: "health",
        purpose: "STATISTICS",
        operationName: "Names",
        route: "/graphql",
        method: "POST",
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(requestLines)).not.toMatch(/Bearer|authorization/i);
  });

  it("counts requests, subgraph fetches, denials and audit records in /metrics, and answers /livez and /readyz", async () => {
    await hub.post(
      { query: 'query Phone { person(pid: "0123456789abcdef0123456789abcdef") { phone } }', operationName: "Phone" },
      {
        authorization: `Bearer ${await hub.keys.token({ agency: "transport" })}`,
      },
    );
    await hub.post(
      { query: "{ enterprises(first: 1) { nodes { creditCode } } }" },
      { authorization: `Bearer ${await hub.keys.token({ agency: "hrss" })}` },
    );

    const text = await (await fetch(new URL("/metrics", hub.gatewayUrl))).text();
    const live = await fetch(new URL("/livez", hub.gatewayUrl));
    const ready = await fetch(new URL("/readyz", hub.gatewayUrl));

    expect(text).toMatch(/^lianfang_denials_total\{reason="FORBIDDEN"\} [1-9]/m);
    expect(text).toMatch(/^lianfang_request_duration_seconds_count\{route="\/graphql",operation="Phone",status="403"\} [1-9]/m);
    expect(text).toMatch(/^lianfang_subgraph_fetch_duration_seconds_count\{subgraph="hrss",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^lianfang_audit_records_total\{outcome="committed"\} [1-9]/m);
    expect(text).toMatch(/^lianfang_grant_book_refreshes_total\{outcome="ok"\} /m);
    expect([live.status, await live.json()]).toEqual([200, { status: "alive" }]);
    expect([ready.status, ((await ready.json()) as { audit: { status: string } }).audit.status]).toEqual([200, "up"]);
  });
});
