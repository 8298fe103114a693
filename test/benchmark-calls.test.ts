import { TrustedKeys } from "../kernel/trusted-keys";
import { acceptUnsignedVariable, benchmarkVariable, unsignedCallIdentity, unsignedBenchmarkEnv } from "../kernel/benchmark-calls";
import { StartupError } from "../kernel/errors";
import { createLogger } from "../kernel/logger";
import { startSubgraph, type RunningSubgraph } from "../kernel/subgraph";
import { hrss } from "../subgraphs/hrss/hrss.subgraph";
import { testDatabase } from "./support/database";
import { testKeys } from "./support/keys";

const query = "{ enterprises(first: 1) { nodes { creditCode } } }";

describe("unsigned subgraph calls, for the side-by-side gateway benchmark only", () => {
  it("are off by default", () => {
    expect(unsignedCallIdentity({}, "127.0.0.1")).toBeUndefined();
    expect(unsignedCallIdentity({ [benchmarkVariable]: "side-by-side" }, "127.0.0.1")).toBeUndefined();
  });

  it("are refused without the explicit benchmark flag", () => {
    expect(() => unsignedCallIdentity({ [acceptUnsignedVariable]: "true" }, "127.0.0.1")).toThrow(StartupError);
    expect(() => unsignedCallIdentity({ [acceptUnsignedVariable]: "true", [benchmarkVariable]: "yes" }, "127.0.0.1")).toThrow(
      "honoured only by the gateway benchmark",
    );
  });

  it("are refused on any address but loopback", () => {
    expect(() => unsignedCallIdentity(unsignedBenchmarkEnv, "0.0.0.0")).toThrow("honoured only on loopback, not on HOST=0.0.0.0");
  });

  it("are refused for any value but true", () => {
    expect(() => unsignedCallIdentity({ ...unsignedBenchmarkEnv, [acceptUnsignedVariable]: "1" }, "127.0.0.1")).toThrow(StartupError);
  });

  it("are the benchmark caller, each call its own request, when both flags are set on loopback", () => {
    const identity = unsignedCallIdentity(unsignedBenchmarkEnv, "127.0.0.1");
    expect(identity?.()).toEqual({
      agency: "coordination",
      user: "benchmark",
      roles: ["viewer"],
      purpose: "MEETING_REPORT",
      requestId: expect.any(String),
    });
    expect(identity?.().requestId).not.toEqual(identity?.().requestId);
  });

  describe("a subgraph", () => {
    const database = testDatabase();
    let keys: Awaited<ReturnType<typeof testKeys>>;
    const running: RunningSubgraph[] = [];

    beforeAll(async () => {
      keys = await testKeys();
    });
    afterAll(async () => {
      for (const subgraph of running) await subgraph.stop();
      await database.drop();
      keys.remove();
    });

    async function start(unsigned: boolean): Promise<RunningSubgraph> {
      const subgraph = await startSubgraph(hrss, {
        port: 0,
        mysqlUrl: database.mysqlUrl,
        dbPrefix: `${database.dbPrefix}${unsigned ? "u" : "s"}_`,
        gatewayKeys: new TrustedKeys(keys.trustedGatewayKeys),
        signingKey: await keys.subgraphSigningKey("hrss"),
        linkingSecret: keys.linkingSecret,
        logger: createLogger("test", "silent"),
        unsignedCallIdentity: unsigned ? unsignedCallIdentity(unsignedBenchmarkEnv, "127.0.0.1") : undefined,
      });
      running.push(subgraph);
      return subgraph;
    }
    const post = async (url: string) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
    };

    it("started as the process starts it by default refuses an unsigned call", async () => {
      const subgraph = await start(unsignedCallIdentity({}, "127.0.0.1") !== undefined);
      const response = await post(subgraph.url);
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
    });

    it("answers an unsigned call only when the benchmark switched it on", async () => {
      const subgraph = await start(true);
      const response = await post(subgraph.url);
      expect(response).toEqual({ status: 200, body: { data: { enterprises: { nodes: [] } }, extensions: expect.any(Object) } });
    });
  });
});
