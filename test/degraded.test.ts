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
});
