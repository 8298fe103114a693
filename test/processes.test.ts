import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import mysql from "mysql2/promise";
import { projectRoot } from "../kernel/project";
import { startHub, type RunningHub } from "../scripts/hub";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { accidentGrade } from "../subgraphs/emergency/accident-grade";
import { OccupationalDiseaseCase } from "../subgraphs/health/occupational-disease-case.entity";
import { Enterprise } from "../subgraphs/hrss/enterprise.entity";
import { Vehicle } from "../subgraphs/transport/vehicle.entity";
import { SupervisionCheck } from "../subgraphs/unions/supervision-check.entity";
import { generateCity, scales, type City } from "../synthetic/city";
import { eventually } from "./support/eventually";
import { testDatabase, type TestDatabase } from "./support/database";
import { seeded, whereEquals } from "./support/expected";
import { testKeys, type TestKeys } from "./support/keys";

const fiftyEnterprises = `{
  enterprises(first: 50) {
    nodes {
      creditCode name riskClass insuredHeadcount
      accidents { id grade deaths }
      occupationalDiseaseCases { id diseaseName }
      vehicles { plateNumber vehicleClass }
      supervisionChecks { id status }
    }
    pageInfo { hasNextPage }
  }
}`;

/** SQL statements each subgraph has run, by table, read from its /metrics. */
async function statementCounts(hub: RunningHub): Promise<Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const [name, url] of Object.entries(hub.subgraphUrls)) {
    const text = await (await fetch(new URL("/metrics", url))).text();
    counts[name] = {};
    for (const match of text.matchAll(/^lianfang_sql_statements_total\{subgraph="(\w+)",table="(\w+)"\} (\d+)$/gm)) {
      // The gateway's grant book reads the grants twice a second, whatever is being asked.
      if (match[2] !== "sharing_application") counts[name][match[2]] = Number(match[3]);
    }
  }
  return counts;
}

function difference(after: Record<string, Record<string, number>>, before: Record<string, Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(after).map(([name, tables]) => [
      name,
      Object.fromEntries(
        Object.entries(tables).flatMap(([table, count]) =>
          count - (before[name]?.[table] ?? 0) ? [[table, count - (before[name]?.[table] ?? 0)]] : [],
        ),
      ),
    ]),
  );
}

describe("the hub as separate processes, as `npm start` runs it", () => {
  let hub: RunningHub;
  let keys: TestKeys;
  let database: TestDatabase;
  let dataDir: string;
  let city: City;
  let hubEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    keys = await testKeys();
    database = testDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-data-"));
    hubEnv = {
      ...process.env,
      LIANFANG_KEY_DIR: keys.keyDir,
      LIANFANG_DATA_DIR: dataDir,
      LIANFANG_DB_PREFIX: database.dbPrefix,
      LIANFANG_DEMO_SCALE: "small",
      LOG_LEVEL: "warn",
    };
    hub = await startHub({ env: hubEnv, gatewayPort: 0 });
    city = generateCity({ size: scales.small, seed: 2024, linkingSecret: keys.linkingSecret });
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await database.drop();
    keys.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 50 enterprises from five departments with one batched statement per entity type", async () => {
    const before = await statementCounts(hub);
    const response = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await keys.token({ agency: "coordination" })}`,
        "x-lianfang-purpose": "MEETING_REPORT",
      },
      body: JSON.stringify({ query: fiftyEnterprises }),
    });
    const after = await statementCounts(hub);

    const firstFifty = seeded(city, "hrss", Enterprise)
      .sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1))
      .slice(0, 50);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: {
        data: {
          enterprises: {
            nodes: firstFifty.map((enterprise) => ({
              creditCode: enterprise.creditCode,
              name: enterprise.name,
              riskClass: enterprise.riskClass,
              insuredHeadcount: enterprise.insuredHeadcount,
              accidents: whereEquals(seeded(city, "emergency", Accident), "creditCode", enterprise.creditCode, "id").map((a) => ({
                id: a.id,
                grade: accidentGrade(a),
                deaths: a.deaths,
              })),
              occupationalDiseaseCases: whereEquals(
                seeded(city, "health", OccupationalDiseaseCase),
                "creditCode",
                enterprise.creditCode,
                "id",
              ).map((c) => ({ id: c.id, diseaseName: c.diseaseName })),
              vehicles: whereEquals(seeded(city, "transport", Vehicle), "creditCode", enterprise.creditCode, "plateNumber").map((v) => ({
                plateNumber: v.plateNumber,
                vehicleClass: v.vehicleClass,
              })),
              supervisionChecks: whereEquals(seeded(city, "unions", SupervisionCheck), "creditCode", enterprise.creditCode, "id").map(
                (c) => ({ id: c.id, status: c.status }),
              ),
            })),
            pageInfo: { hasNextPage: true },
          },
        },
      },
    });
    expect(difference(after, before)).toEqual({
      hrss: { enterprise: 1 },
      emergency: { accident: 1 },
      health: { occupational_disease_case: 1 },
      transport: { vehicle: 1 },
      housing: {},
      unions: { supervision_check: 1 },
      coordination: {},
    });
  });

  it("reports every subgraph, the audit store and the grant book ready at /health", async () => {
    const health = await (await fetch(new URL("/health", hub.gatewayUrl))).json();

    expect(health).toEqual({
      status: "ok",
      subgraphs: Object.fromEntries(Object.keys(hub.subgraphUrls).map((name) => [name, { status: "up", latencyMs: expect.any(Number) }])),
      audit: { status: "up", seq: expect.any(Number) },
      grants: { status: "fresh", refreshedAt: expect.any(String) },
    });
  });

  it("leaves, once stopped, an audit chain that `npm run audit:verify` finds intact", async () => {
    await hub.stop();
    const verify = spawnSync(process.execPath, ["-r", "@swc-node/register", "scripts/audit-verify.ts"], { env: hubEnv, encoding: "utf8" });

    expect({ status: verify.status, stdout: verify.stdout }).toEqual({
      status: 0,
      stdout: expect.stringMatching(/^audit chain intact: [1-9]\d* records\n$/),
    });
  });
});

/** Gone, or a zombie no one has reaped yet: either way it runs nothing and holds nothing. */
function hasEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return true; // reaped between the two looks
  }
  return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
}

describe("a department whose hub has gone", () => {
  it("stops by itself when the hub that started it is killed, freeing its port and its database connections", async () => {
    const keys = await testKeys();
    const database = testDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-data-"));
    const env = {
      ...process.env,
      LIANFANG_KEY_DIR: keys.keyDir,
      LIANFANG_DATA_DIR: dataDir,
      LIANFANG_DB_PREFIX: database.dbPrefix,
      LOG_LEVEL: "warn",
    };
    // A stand-in for the hub's process: it starts one department as `npm start` does, says where, and is then killed outright.
    const hub = spawn(
      process.execPath,
      [
        "-r",
        "@swc-node/register",
        "-e",
        `require("./scripts/hub").startProcess("subgraphs/unions/main.ts", process.env, "ignore").then(({ child, url }) => console.log(JSON.stringify({ pid: child.pid, url })));`,
      ],
      { cwd: projectRoot, env, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const [line] = (await once(readline.createInterface({ input: hub.stdout! }), "line")) as [string];
      const department = JSON.parse(line) as { pid: number; url: string };
      const connections = async () => {
        if (!database.mysqlUrl) return 0;
        const connection = await mysql.createConnection({ uri: database.mysqlUrl });
        try {
          const [[row]] = await connection.query<mysql.RowDataPacket[]>(
            "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ?",
            [`${database.dbPrefix}unions`],
          );
          return Number(row.n);
        } finally {
          await connection.end();
        }
      };
      expect((await fetch(department.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(
        401,
      );
      if (database.mysqlUrl) expect(await connections()).toBeGreaterThan(0);

      hub.kill("SIGKILL");
      // A minute: the department stops in its own time, however loaded the machine.
      expect(await eventually(() => hasEnded(department.pid), Boolean, 60_000)).toBe(true);

      await expect(fetch(department.url)).rejects.toThrow();
      expect(await eventually(connections, (open) => open === 0, 60_000)).toBe(0);
    } finally {
      hub.kill("SIGKILL");
      await database.drop();
      keys.remove();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
