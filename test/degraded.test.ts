import http from "node:http";
import { close, listen } from "../kernel/http";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { SupervisionCheck } from "../subgraphs/unions/supervision-check.entity";
import { seeded, whereEquals } from "./support/expected";
import { startFederation, type Federation } from "./support/federation";

describe("a hub with one department down", () => {
  let hub: Federation;

  beforeAll(async () => {
    hub = await startFederation({ without: ["emergency"] });
  });
  afterAll(() => hub.stop());

  it("still starts, and /health names the department that is down", async () => {
    const response = await fetch(new URL("/health", hub.gatewayUrl));
    const health = await response.json();

    expect(response.status).toBe(503);
    expect(health).toEqual({
      status: "degraded",
      subgraphs: {
        hrss: { status: "up", latencyMs: expect.any(Number) },
        emergency: { status: "down", error: "ECONNREFUSED" },
        health: { status: "up", latencyMs: expect.any(Number) },
        transport: { status: "up", latencyMs: expect.any(Number) },
        housing: { status: "up", latencyMs: expect.any(Number) },
        unions: { status: "up", latencyMs: expect.any(Number) },
        coordination: { status: "up", latencyMs: expect.any(Number) },
      },
      audit: { status: "up", seq: expect.any(Number) },
      grants: { status: "fresh", refreshedAt: expect.any(String) },
    });
  });

  it("answers the other departments' data with an error for the missing part", async () => {
    const enterprise = seeded(hub.city, "hrss", Enterprise)
      .map((candidate) => candidate.creditCode)
      .sort()[0];
    const authorization = `Bearer ${await hub.keys.token({ agency: "unions" })}`;
    const response = await hub.post(
      { query: `{ enterprise(creditCode: "${enterprise}") { creditCode accidents { id } supervisionChecks { id } } }` },
      { authorization },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          enterprise: {
            creditCode: enterprise,
            accidents: null,
            supervisionChecks: whereEquals(seeded(hub.city, "unions", SupervisionCheck), "creditCode", enterprise, "id").map(({ id }) => ({
              id,
            })),
          },
        },
        errors: [
          {
            message: "The emergency department is unreachable; its part of the answer is missing",
            extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "emergency" },
          },
        ],
      },
    });
  });

  it("answers the meeting report with the missing department's section empty and every other section in full", async () => {
    const authorization = `Bearer ${await hub.keys.token({ agency: "coordination" })}`;
    const response = await hub.post(
      {
        query: `{ meetingReport(regionCode: "370300", period: "2024") {
          regionCode regionName jointWork { inspectionsPlanned } accidentStatistics { accidents } occupationalDiseaseStatistics { newCases }
        } }`,
      },
      { authorization, "x-lianfang-purpose": "MEETING_REPORT" },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          meetingReport: {
            regionCode: "370300",
            regionName: "淄博市",
            jointWork: { inspectionsPlanned: expect.any(Number) },
            accidentStatistics: null,
            occupationalDiseaseStatistics: { newCases: expect.any(Number) },
          },
        },
        errors: [
          {
            message: "The emergency department is unreachable; its part of the answer is missing",
            extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "emergency" },
          },
        ],
      },
    });
  });
});

/**
 * A loopback stand-in for a department: forwards to it, or, once told to hang, accepts calls and
 * never answers, or, once given an answer, gives that instead.
 */
async function hangableProxy() {
  const held: http.ServerResponse[] = [];
  const state = {
    hang: false,
    target: "",
    calls: 0,
    answer: undefined as { status: number; contentType: string; body: string } | undefined,
  };
  const server = http.createServer(async (request, response) => {
    state.calls++;
    if (state.hang) return void held.push(response);
    if (state.answer) {
      request.resume();
      response.writeHead(state.answer.status, { "content-type": state.answer.contentType });
      return void response.end(state.answer.body);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const forwarded = await fetch(new URL(request.url ?? "/", state.target), {
      method: request.method,
      headers: Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => name !== "host" && name !== "content-length"),
      ) as Record<string, string>,
      body: request.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    response.writeHead(forwarded.status, { "content-type": forwarded.headers.get("content-type") ?? "application/json" });
    response.end(Buffer.from(await forwarded.arrayBuffer()));
  });
  const origin = await listen(server, 0);
  return { state, url: `${origin}/graphql`, close: () => close(server, 0) };
}

describe("a department that hangs rather than refusing connections", () => {
  let hub: Federation;
  let proxy: Awaited<ReturnType<typeof hangableProxy>>;
  let clock = 0;
  const query = () => {
    const enterprise = seeded(hub.city, "hrss", Enterprise)
      .map((candidate) => candidate.creditCode)
      .sort()[0];
    return { query: `{ enterprise(creditCode: "${enterprise}") { creditCode supervisionChecks { id } } }` };
  };
  const ask = async () => hub.post(query(), { authorization: `Bearer ${await hub.keys.token({ agency: "hrss" })}` });

  beforeAll(async () => {
    proxy = await hangableProxy();
    hub = await startFederation({
      route: (name, url) => {
        if (name !== "unions") return url;
        proxy.state.target = url;
        return proxy.url;
      },
      subgraphCalls: { timeoutMs: 3000, breaker: { failures: 2, cooldownMs: 60_000, now: () => clock } },
    });
  });
  afterAll(async () => {
    await hub.stop();
    await proxy.close();
  });

  it("costs a query at most the timeout, names the department, and opens its circuit after repeated failures", async () => {
    proxy.state.hang = true;
    const timedOut = {
      message: "The unions department did not answer in time; its part of the answer is missing",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "unions" },
    };

    const first = await ask();
    const second = await ask();
    const callsWhileHung = proxy.state.calls;
    const third = await ask();

    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.body.data.enterprise).toEqual({ creditCode: expect.any(String), supervisionChecks: null });
      expect(response.body.errors).toEqual([timedOut]);
    }
    expect(third.body.errors).toEqual([
      {
        message: "The unions department has failed repeatedly and is not asked for a while; its part of the answer is missing",
        extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "unions" },
      },
    ]);
    expect(proxy.state.calls).toBe(callsWhileHung);
    const health = await fetch(new URL("/health", hub.gatewayUrl));
    expect(health.status).toBe(503);
    expect(((await health.json()) as { subgraphs: Record<string, unknown> }).subgraphs.unions).toEqual({
      status: "down",
      error: "TimeoutError",
    });
  });

  it("lets one trial call through after the cooldown and closes the circuit when it succeeds", async () => {
    proxy.state.hang = false;
    clock += 60_000;

    const trial = await ask();
    const after = await ask();

    for (const response of [trial, after]) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.enterprise.supervisionChecks).toEqual(expect.any(Array));
    }
  });

  it("passes a department's refusal on, with its code and without the department's address", async () => {
    const refusal = { errors: [{ message: "Not authenticated: gateway signature expired", extensions: { code: "UNAUTHENTICATED" } }] };
    proxy.state.answer = { status: 401, contentType: "application/json; charset=utf-8", body: JSON.stringify(refusal) };

    const response = await ask();
    proxy.state.answer = undefined;

    expect(response.body.data.enterprise).toEqual({ creditCode: expect.any(String), supervisionChecks: null });
    expect(response.body.errors).toEqual([
      {
        message: "401: Unauthorized",
        extensions: { code: "UNAUTHENTICATED", subgraph: "unions", response: { status: 401, body: refusal } },
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain(new URL(proxy.url).port);
  });

  it("names a department whose answer is not GraphQL as unavailable", async () => {
    proxy.state.answer = { status: 200, contentType: "text/html", body: "<html>upstream proxy error</html>" };

    const response = await ask();
    proxy.state.answer = undefined;

    expect(response.body.data.enterprise).toEqual({ creditCode: expect.any(String), supervisionChecks: null });
    expect(response.body.errors).toEqual([
      {
        message: "The unions department answered with something other than GraphQL; its part of the answer is missing",
        extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "unions" },
      },
    ]);
  });
});
