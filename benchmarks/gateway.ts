import "reflect-metadata";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { composeSupergraph } from "../kernel/compose";
import { issueAgencyToken } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey } from "../kernel/keys";
import { createLogger } from "../kernel/logger";
import { startSubgraphProcesses } from "../scripts/hub";
import { subgraphs } from "../subgraphs";
import { dropBenchDatabases, openBenchGovernance, option, startBenchGateway } from "./support";

/**
 * What governance costs the gateway: the same cross-department query through a governed gateway
 * and an ungoverned one, over loopback, alternating rounds so both see the same machine. The
 * subgraphs run as their own processes (embedded, or MySQL with LIANFANG_MYSQL_URL); load comes
 * from autocannon in another process. Bounded: a fixed number of rounds of fixed length.
 *
 *   npm run -s build && node dist/benchmarks/gateway.js [--seconds 10] [--rounds 3] [--connections 10]
 */
const query = `query MeetingBrief {
  enterprises(first: 20, industryCode: "26") {
    nodes {
      creditCode name riskClass insuredHeadcount
      accidents { id grade deaths }
      occupationalDiseaseCases { diseaseName diagnosedOn }
      vehicles { plateNumber vehicleClass }
      supervisionChecks { checkedOn status }
    }
  }
}`;

/** Its own databases, dropped afterwards on MySQL. */
const benchPrefix = "lfgwbench_";

interface Round {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon in its own process; asynchronously, since the gateways answer from this one. */
async function load(url: string, token: string, seconds: number, connections: number): Promise<Round> {
  const child = spawn(process.execPath, [
    require.resolve("autocannon/autocannon.js"),
    "--json",
    "--connections",
    String(connections),
    "--duration",
    String(seconds),
    "--method",
    "POST",
    "--headers",
    "content-type=application/json",
    "--headers",
    `authorization=Bearer ${token}`,
    "--headers",
    "x-lianfang-purpose=MEETING_REPORT",
    "--body",
    JSON.stringify({ query }),
    url,
  ]);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (status !== 0) throw new Error(`autocannon failed: ${stderr}`);
  const result = JSON.parse(stdout);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const seconds = option("seconds", 10);
  const rounds = option("rounds", 3);
  const connections = option("connections", 10);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-bench-"));
  const keyDir = path.join(workDir, "keys");
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  const env = {
    ...process.env,
    LIANFANG_KEY_DIR: keyDir,
    LIANFANG_DATA_DIR: workDir,
    LIANFANG_DB_PREFIX: benchPrefix,
    LIANFANG_DEMO_SCALE: "small",
    LOG_LEVEL: "warn",
  };
  process.stderr.write("starting the seven subgraphs with the small demo city...\n");
  const subgraphProcesses = await startSubgraphProcesses({ env });
  const logger = createLogger("benchmark", "silent");
  const { supergraphSdl } = await composeSupergraph(subgraphs, (name) => subgraphProcesses.subgraphUrls[name]);
  const setup = { keyDir, supergraphSdl, subgraphUrls: subgraphProcesses.subgraphUrls, logger };
  const governed = await openBenchGovernance(setup, { mysqlUrl: process.env.LIANFANG_MYSQL_URL, dbPrefix: benchPrefix, dataDir: workDir });
  const withGovernance = await startBenchGateway(setup, governed.governance);
  const withoutGovernance = await startBenchGateway(setup);
  const token = await issueAgencyToken(await loadAgencySigningKey(keyDir, "coordination"), {
    agency: "coordination",
    user: "bench",
    roles: ["viewer"],
  });

  try {
    // Measure only a gateway that answers the query in full.
    for (const gateway of [withGovernance, withoutGovernance]) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-lianfang-purpose": "MEETING_REPORT" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: { enterprises: { nodes: unknown[] } }; errors?: unknown };
      if (!body.data || body.errors) throw new Error(`the benchmark query fails: ${JSON.stringify(body)}`);
      process.stderr.write(`${gateway.url}: ${body.data.enterprises.nodes.length} enterprises\n`);
    }
    await load(withGovernance.url, token, 2, connections);
    await load(withoutGovernance.url, token, 2, connections);
    const results: { governed: Round[]; ungoverned: Round[] } = { governed: [], ungoverned: [] };
    for (let round = 1; round <= rounds; round++) {
      process.stderr.write(`round ${round}/${rounds}\n`);
      results.ungoverned.push(await load(withoutGovernance.url, token, seconds, connections));
      results.governed.push(await load(withGovernance.url, token, seconds, connections));
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const summary = (name: string, runs: Round[]) =>
      `| ${name} | ${mean(runs.map((r) => r.requestsPerSecond)).toFixed(1)} | ${mean(runs.map((r) => r.p50)).toFixed(1)} | ${mean(runs.map((r) => r.p99)).toFixed(1)} | ${runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0)} |`;
    const cost = 1 - mean(results.governed.map((r) => r.requestsPerSecond)) / mean(results.ungoverned.map((r) => r.requestsPerSecond));
    process.stdout.write(
      [
        `${rounds} alternating rounds of ${seconds} s, ${connections} connections, database: ${process.env.LIANFANG_MYSQL_URL ? "MySQL" : "embedded"}`,
        "",
        "| gateway | requests/s | p50 ms | p99 ms | errors + non-2xx |",
        "|---|---|---|---|---|",
        summary("governance off", results.ungoverned),
        summary("governance on", results.governed),
        "",
        `governance costs ${(cost * 100).toFixed(1)}% of throughput`,
        "",
      ].join("\n"),
    );
  } finally {
    await withGovernance.stop();
    await withoutGovernance.stop();
    await governed.close();
    await subgraphProcesses.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    if (process.env.LIANFANG_MYSQL_URL) await dropBenchDatabases(process.env.LIANFANG_MYSQL_URL, benchPrefix);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
