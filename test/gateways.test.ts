import { TrustedKeys } from "../kernel/trusted-keys";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { HeadAnchor, headAnchorFile } from "../gateway/audit";
import { verifyChain } from "../gateway/audit-chain";
import { AuditStore } from "../gateway/audit-store";
import { subgraphUrlVariable } from "../gateway/supergraph";
import { createLogger } from "../kernel/logger";
import { startSubgraph, type RunningSubgraph } from "../kernel/subgraph";
import { startProcess } from "../scripts/hub";
import { subgraphs } from "../subgraphs";
import { testDatabase, type TestDatabase } from "./support/database";
import { testKeys, type TestKeys } from "./support/keys";

/**
 * What an office does when one gateway is not enough: three gateway processes behind any load
 * balancer, one audit store. Each append takes the chain's head inside the store's own exclusive
 * transaction, so the three extend one chain: no record lost, none numbered twice.
 */
describe("three gateways sharing one audit store", () => {
  let keys: TestKeys;
  let database: TestDatabase;
  let dataDir: string;
  const departments: RunningSubgraph[] = [];
  const gateways: { child: ChildProcess; url: string }[] = [];

  beforeAll(async () => {
    keys = await testKeys();
    database = testDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-gateways-"));
    const silent = createLogger("test", "silent");
    for (const definition of subgraphs) {
      departments.push(
        await startSubgraph(definition, {
          port: 0,
          mysqlUrl: database.mysqlUrl,
          dbPrefix: database.dbPrefix,
          gatewayKeys: new TrustedKeys(keys.trustedGatewayKeys),
          signingKey: await keys.subgraphSigningKey(definition.name),
          linkingSecret: keys.linkingSecret,
          logger: silent,
        }),
      );
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LIANFANG_KEY_DIR: keys.keyDir,
      LIANFANG_DATA_DIR: dataDir,
      LIANFANG_DB_PREFIX: database.dbPrefix,
      LIANFANG_RATE_LIMIT: "100000",
      LOG_LEVEL: "silent",
      PORT: "0",
    };
    subgraphs.forEach((definition, index) => (env[subgraphUrlVariable(definition.name)] = departments[index].url));
    // One after another: the first to open the store migrates it.
    for (let gateway = 0; gateway < 3; gateway++) gateways.push(await startProcess("gateway/main.ts", env, "ignore"));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      gateways.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    for (const department of departments) await department.stop();
    await database.drop();
    keys.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps one verifiable chain under concurrent load, every request recorded exactly once", async () => {
    const tokens = await Promise.all(["hrss", "emergency", "unions"].map((agency) => keys.token({ agency })));
    const requests = Array.from({ length: 150 }, (_, index) => index);
    const requestIds: string[] = [];
    const statuses: number[] = [];
    const lanes = Array.from({ length: 12 }, async () => {
      for (let index = requests.shift(); index !== undefined; index = requests.shift()) {
        const response = await fetch(gateways[index % 3].url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${tokens[index % tokens.length]}`,
            "x-lianfang-purpose": "STATISTICS",
          },
          body: JSON.stringify({ query: `query Load${index} { enterprises(first: 1) { nodes { creditCode } } }` }),
        });
        statuses.push(response.status);
        requestIds.push(response.headers.get("x-request-id")!);
        await response.arrayBuffer();
      }
    });
    await Promise.all(lanes);

    const store = await AuditStore.open(
      { mysqlUrl: database.mysqlUrl, dbPrefix: database.dbPrefix, dataDir },
      createLogger("test", "silent"),
    );
    try {
      const recorded = (await store.db.query("SELECT seq, request_id FROM audit_record ORDER BY seq")) as {
        seq: number;
        request_id: string;
      }[];
      const chain = await verifyChain(store.pages(), keys.auditVerifyingKeys, [
        new HeadAnchor(headAnchorFile(dataDir, database.dbPrefix)).read()!,
      ]);

      expect(statuses).toEqual(Array(150).fill(200));
      expect(recorded.map((record) => Number(record.seq))).toEqual(Array.from({ length: 150 }, (_, index) => index + 1));
      expect(recorded.map((record) => record.request_id).sort()).toEqual([...requestIds].sort());
      expect(chain).toEqual({ ok: true, checked: 150, broken: [] });
    } finally {
      await store.close();
    }
  }, 300_000);
});
