import "reflect-metadata";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { unsignedBenchmarkEnv } from "../kernel/benchmark-calls";
import { projectRoot } from "../kernel/project";
import { readSupergraph, supergraphFile } from "../kernel/compose";
import { issueAgencyToken } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey } from "../kernel/keys";
import { startProcess, startSubgraphProcesses } from "../scripts/hub";
import { subgraphs } from "../subgraphs";
import { dropBenchDatabases, listOption, median, option, threadsCpuSeconds } from "./support";

/**
 * Gateways side by side (issue 13): the seven subgraphs run once, seeded with the small demo
 * city, and against them, each in its own process on the same supergraph, Lianfang's gateway
 * governed (gateway/main.ts, as `npm start` runs it), Lianfang's gateway without governance, a
 * bare @apollo/gateway in @apollo/server, and Hive Gateway with its defaults (subgraph calls in
 * flight deduplicated) and with that deduplication off. The same query shapes go to each in
 * interleaved rounds; per round and gateway it reads the gateway's CPU time (utime + stime from
 * /proc/<pid>/stat) and its RSS. Requests per gateway CPU-second do not depend on how busy the
 * rest of the machine is; requests per second do.
 *
 *   npm run bench:gateways -- [--seconds 10] [--rounds 5] [--connections 10] [--idle 10] [--settle 20] [--without-hive]
 *
 * Five rounds of 10 s by default: a round of 5 s on the page of 200 is a few hundred requests, and
 * three of them scattered the ratio by ±15 % from run to run on this kind of machine.
 *
 * After the interleaved rounds, as many rounds again load the governed and the ungoverned gateway at
 * once, so that what governance costs is read off the same moment of the machine for both.
 *
 * --without-hive: Lianfang's two gateways and bare Apollo only, for a quicker comparison of a change.
 * --shape <text>: only the query shapes whose name contains the text (with BENCH_PROFILE_DIR, to profile one shape).
 * --commit-waits <ms,ms...>: besides the governed gateway on its defaults, one more governed gateway
 *   for each audit commit wait given (LIANFANG_AUDIT_COMMIT_DELAY_MS), each with its own audit store.
 *
 * It runs compiled (dist/, as `npm start` does); every Lianfang process it starts runs compiled too.
 *
 * Hive Gateway is installed on first use into a scratch folder outside the repository
 * (BENCH_HIVE_DIR, default <tmp>/lianfang-hive-gateway), so it never enters the lock file.
 */
const hiveVersion = "2.15.1";
const benchPrefix = "lfgwside_";

const enterpriseFields = `creditCode name riskClass insuredHeadcount
      accidents { id grade deaths }
      occupationalDiseaseCases { diseaseName diagnosedOn }
      vehicles { plateNumber vehicleClass }
      supervisionChecks { checkedOn status }`;
const oneEnterprise = `query OneEnterprise($creditCode: String!) {
  enterprise(creditCode: $creditCode) { creditCode name riskClass insuredHeadcount accidents { id grade deaths } }
}`;
const page = `query EnterprisePage($first: Int!, $after: String) {
  enterprises(first: $first, after: $after) { nodes { ${enterpriseFields} } pageInfo { endCursor hasNextPage } }
}`;

interface Shape {
  name: string;
  bodies: string[];
}

interface GatewayUnderTest {
  name: string;
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

interface Measure {
  perCpuSecond: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  rssUnderLoadMb: number;
  failed: number;
}

const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

/** The process's CPU seconds so far, user and system. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The cursor of a page that starts after this enterprise (kernel/pagination.ts). */
const cursorAfter = (creditCode: string) => Buffer.from(creditCode, "utf8").toString("base64url");

/** The committed supergraph, each subgraph's URL replaced by where the benchmark's copy listens. */
function supergraphFor(subgraphUrls: Record<string, string>): string {
  return readSupergraph(supergraphFile).replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (_, name: string) => `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`,
  );
}

/** Installs Hive Gateway into the scratch folder unless it is there already; its command-line entry and two configurations. */
function ensureHive(): { bin: string; defaults: string; noDedup: string } {
  const folder = process.env.BENCH_HIVE_DIR ?? path.join(os.tmpdir(), "lianfang-hive-gateway");
  const manifest = path.join(folder, "node_modules", "@graphql-hive", "gateway", "package.json");
  const installed = fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
  if (installed !== hiveVersion) {
    process.stderr.write(`installing @graphql-hive/gateway@${hiveVersion} into ${folder}...\n`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "lianfang-hive-scratch", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", `@graphql-hive/gateway@${hiveVersion}`], {
      cwd: folder,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const defaults = path.join(folder, "defaults.config.mjs");
  const noDedup = path.join(folder, "no-dedup.config.mjs");
  fs.writeFileSync(defaults, "export const gatewayConfig = {};\n");
  // Identical subgraph calls in flight are sent once by default; off, each request makes its own.
  fs.writeFileSync(
    noDedup,
    "export const gatewayConfig = { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } };\n",
  );
  return { bin: path.join(folder, "node_modules", "@graphql-hive", "gateway", "dist", "bin.js"), defaults, noDedup };
}

async function startHive(name: string, bin: string, config: string, supergraph: string): Promise<GatewayUnderTest> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [bin, "supergraph", supergraph, "--host", "127.0.0.1", "--port", String(port), "--config-path", config, "--disable-websockets"],
    { cwd: path.dirname(config), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NODE_ENV: "production" } },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readiness`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 600) throw new Error(`${name} did not become ready: ${stderr}`);
    await sleep(100);
  }
  return { name, url, pid: child.pid!, stop: () => stopChild(child) };
}

async function startNode(name: string, entry: string, env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Promise<GatewayUnderTest> {
  const { child, url } = await startProcess(entry, env, "ignore", nodeOptions);
  return { name, url, pid: child.pid!, stop: () => stopChild(child) };
}

async function post(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** One round of load on one gateway, from its own process. */
function load(url: string, headers: Record<string, string>, bodies: string[], seconds: number, connections: number) {
  const compiled = path.extname(__filename) === ".js";
  const child = spawn(
    process.execPath,
    [
      ...(compiled ? [] : ["-r", "@swc-node/register"]),
      path.join(__dirname, `gateway-load${path.extname(__filename)}`),
      JSON.stringify({ url, headers, bodies, seconds, connections }),
    ],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ answered: number; failed: number; requestsPerSecond: number; p50: number; p99: number }>((resolve, reject) =>
    child.once("exit", (status) => (status === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`load failed: ${stderr}`)))),
  );
}

/** Loads the gateways at once, each from its own process with its own connections, and measures each over the same seconds. */
async function measureTogether(
  gateways: GatewayUnderTest[],
  headers: Record<string, string>,
  shape: Shape,
  seconds: number,
  connections: number,
): Promise<Measure[]> {
  const peakRss = gateways.map((gateway) => rssMb(gateway.pid));
  const sampler = setInterval(
    () => gateways.forEach((gateway, index) => (peakRss[index] = Math.max(peakRss[index], rssMb(gateway.pid)))),
    250,
  );
  const cpuBefore = gateways.map((gateway) => cpuSeconds(gateway.pid));
  const results = await Promise.all(gateways.map((gateway) => load(gateway.url, headers, shape.bodies, seconds, connections)));
  const cpu = gateways.map((gateway, index) => cpuSeconds(gateway.pid) - cpuBefore[index]);
  clearInterval(sampler);
  return results.map((result, index) => ({
    perCpuSecond: result.answered / cpu[index],
    requestsPerSecond: result.requestsPerSecond,
    p50: result.p50,
    p99: result.p99,
    rssUnderLoadMb: peakRss[index],
    failed: result.failed,
  }));
}

async function main(): Promise<void> {
  const seconds = option("seconds", 10);
  const rounds = option("rounds", 5);
  const connections = option("connections", 10);
  const idleSeconds = option("idle", 10);
  const settleSeconds = option("settle", 20);
  const mysqlUrl = process.env.LIANFANG_MYSQL_URL;
  const withHive = !process.argv.includes("--without-hive");
  const hive = withHive ? ensureHive() : undefined;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-gateways-"));
  const keyDir = path.join(workDir, "keys");
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LIANFANG_KEY_DIR: keyDir,
    LIANFANG_DATA_DIR: workDir,
    LIANFANG_DB_PREFIX: benchPrefix,
    LOG_LEVEL: "warn",
  };
  const started: GatewayUnderTest[] = [];
  process.stderr.write(`starting the seven subgraphs with the small demo city (${mysqlUrl ? "MySQL" : "embedded"})...\n`);
  const subgraphProcesses = await startSubgraphProcesses({ env: { ...env, ...unsignedBenchmarkEnv, LIANFANG_DEMO_SCALE: "small" } });
  try {
    const supergraph = path.join(workDir, "supergraph.graphql");
    fs.writeFileSync(supergraph, supergraphFor(subgraphProcesses.subgraphUrls));
    const gatewayEnv = { ...env, LIANFANG_SUPERGRAPH: supergraph, PORT: "0" };
    process.stderr.write("starting the gateways...\n");
    // BENCH_PROFILE_DIR: a CPU profile of the governed gateway, written there when it stops.
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const governedEnv = { ...gatewayEnv, LIANFANG_RATE_LIMIT: "1000000" };
    started.push(await startNode("Lianfang, governed", "gateway/main.ts", governedEnv, profile));
    for (const wait of listOption("commit-waits", [])) {
      const variant = { ...governedEnv, LIANFANG_AUDIT_COMMIT_DELAY_MS: String(wait), LIANFANG_DB_PREFIX: `${benchPrefix}w${wait}_` };
      started.push(await startNode(`Lianfang, governed, commit wait ${wait} ms`, "gateway/main.ts", variant));
    }
    const ungoverned = await startNode("Lianfang, governance off", "benchmarks/gateway-process.ts", {
      ...gatewayEnv,
      BENCH_GATEWAY: "ungoverned",
    });
    started.push(ungoverned);
    started.push(
      await startNode("bare Apollo Gateway 2.14.4", "benchmarks/gateway-process.ts", { ...gatewayEnv, BENCH_GATEWAY: "apollo" }),
    );
    if (hive) {
      started.push(await startHive(`Hive Gateway ${hiveVersion} (defaults)`, hive.bin, hive.defaults, supergraph));
      started.push(await startHive(`Hive Gateway ${hiveVersion} (dedup off)`, hive.bin, hive.noDedup, supergraph));
    }
    const governed = started[0];
    const apollo = started.find((gateway) => gateway.name.startsWith("bare Apollo"))!;
    const hiveDefaults = started.find((gateway) => gateway.name.includes("(defaults)"));

    const token = await issueAgencyToken(await loadAgencySigningKey(keyDir, "coordination"), {
      agency: "coordination",
      user: "benchmark",
      roles: ["viewer"],
    });
    const headers = { authorization: `Bearer ${token}`, "x-lianfang-purpose": "MEETING_REPORT" };

    // Distinct requests for the mix: single enterprises by their codes, and pages from different cursors.
    const listing = await post(governed.url, headers, JSON.stringify({ query: page, variables: { first: 200 } }));
    const nodes = ((listing.data?.enterprises as { nodes: { creditCode: string }[] } | undefined)?.nodes ?? []).map(
      (node) => node.creditCode,
    );
    if (nodes.length < 200) throw new Error(`the demo city should list 200 enterprises: ${JSON.stringify(listing.errors)}`);
    const codeWithAccidents = nodes[0];
    const shapes: Shape[] = [
      {
        name: "1 enterprise, 2 subgraphs",
        bodies: [JSON.stringify({ query: oneEnterprise, variables: { creditCode: codeWithAccidents } })],
      },
      { name: "50 enterprises, 5 subgraphs", bodies: [JSON.stringify({ query: page, variables: { first: 50 } })] },
      { name: "200 enterprises, 5 subgraphs", bodies: [JSON.stringify({ query: page, variables: { first: 200 } })] },
      {
        name: "mix of distinct requests",
        bodies: nodes
          .slice(0, 60)
          .flatMap((code, index) => [
            JSON.stringify({ query: oneEnterprise, variables: { creditCode: code } }),
            JSON.stringify({ query: page, variables: { first: 10 + (index % 4) * 10, after: cursorAfter(nodes[index * 2]) } }),
          ]),
      },
    ];

    const shapeIndex = process.argv.indexOf("--shape");
    if (shapeIndex > 0) shapes.splice(0, shapes.length, ...shapes.filter((shape) => shape.name.includes(process.argv[shapeIndex + 1])));

    // Every gateway answers every shape in full, and the same, before anything is measured.
    for (const shape of shapes) {
      for (const body of [shape.bodies[0], shape.bodies[1]].filter(Boolean)) {
        const answers = await Promise.all(started.map((gateway) => post(gateway.url, headers, body)));
        answers.forEach((answer, index) => {
          if (!answer.data || answer.errors)
            throw new Error(`${started[index].name} fails ${shape.name}: ${JSON.stringify(answer.errors)}`);
        });
        const texts = answers.map((answer) => JSON.stringify(answer.data));
        const differing = started.filter((_, index) => texts[index] !== texts[started.indexOf(apollo)]).map((gateway) => gateway.name);
        if (differing.length) throw new Error(`${differing.join(", ")} answer ${shape.name} differently from bare Apollo`);
      }
    }

    // Idle is the steady state: the first answers' after-work (the audit index caught up a second
    // after a commit) is let pass, and each gateway's figure is the lower of two readings of
    // `idleSeconds` back to back. V8's memory reducer collects the start's garbage once, 20 to 40 s
    // after the last work, a few hundred milliseconds of CPU that in a single reading passed for
    // 20 ms a second; it lands in one reading, while work done every few seconds shows in both.
    process.stderr.write(`idle for twice ${idleSeconds} s, after ${settleSeconds} s to settle...\n`);
    await sleep(settleSeconds * 1000);
    const idleReadings = started.map((): number[] => []);
    let before = { at: performance.now(), cpu: started.map((gateway) => threadsCpuSeconds(gateway.pid)) };
    for (let reading = 0; reading < 2; reading++) {
      await sleep(idleSeconds * 1000);
      const now = { at: performance.now(), cpu: started.map((gateway) => threadsCpuSeconds(gateway.pid)) };
      now.cpu.forEach((seconds, index) => idleReadings[index].push(((seconds - before.cpu[index]) * 1e6) / (now.at - before.at)));
      before = now;
    }
    const idle = new Map(
      started.map(
        (gateway, index) => [gateway.name, { cpuMsPerSecond: Math.min(...idleReadings[index]), rssMb: rssMb(gateway.pid) }] as const,
      ),
    );

    for (const gateway of started) for (const shape of shapes) await load(gateway.url, headers, shape.bodies, 1, connections);
    const results = new Map<string, Measure[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const shape of shapes) {
        // Rotate the order each round, so no gateway always follows the same one.
        const order = started.map((_, index) => started[(index + round + shapes.indexOf(shape)) % started.length]);
        for (const gateway of order) {
          process.stderr.write(`round ${round}/${rounds}, ${shape.name}, ${gateway.name}\n`);
          const key = `${gateway.name}|${shape.name}`;
          const [measured] = await measureTogether([gateway], headers, shape, seconds, connections);
          results.set(key, [...(results.get(key) ?? []), measured]);
        }
      }
    }

    // What governance costs: the share of the ungoverned gateway's requests per CPU-second it gives up, as
    // BENCHMARKS.md has always counted it.
    const costPercent = (governedPerCpu: number, ungovernedPerCpu: number) => 100 - (100 * governedPerCpu) / ungovernedPerCpu;
    // The machine moves more between the interleaved rounds than governance costs; loaded at once, the
    // governed and the ungoverned gateway meet the same moment of it (each with its own connections).
    const costsAtOnce = new Map<string, number[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const shape of shapes) {
        process.stderr.write(`round ${round}/${rounds}, ${shape.name}, governed and ungoverned at once\n`);
        // Each round the other gateway's load starts first.
        const [governedRun, ungovernedRun] =
          round % 2
            ? await measureTogether([governed, ungoverned], headers, shape, seconds, connections)
            : (await measureTogether([ungoverned, governed], headers, shape, seconds, connections)).reverse();
        costsAtOnce.set(shape.name, [
          ...(costsAtOnce.get(shape.name) ?? []),
          costPercent(governedRun.perCpuSecond, ungovernedRun.perCpuSecond),
        ]);
      }
    }

    const load1 = os.loadavg().map((value) => value.toFixed(2));
    const lines = [
      `${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}, load average ${load1.join(" ")}`,
      `${rounds} interleaved rounds of ${seconds} s, ${connections} connections; subgraphs and audit: ${mysqlUrl ? "MySQL" : "embedded"}; medians`,
      "",
    ];
    const runsOf = (gateway: GatewayUnderTest, shape: Shape) => results.get(`${gateway.name}|${shape.name}`) ?? [];
    for (const shape of shapes) {
      lines.push(`### ${shape.name}`, "");
      lines.push("| gateway | requests / gateway CPU-s | requests/s | p50 ms | p99 ms | RSS idle → load MB | idle CPU ms/s | failed |");
      lines.push("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (const gateway of started) {
        const runs = runsOf(gateway, shape);
        const at = idle.get(gateway.name)!;
        lines.push(
          `| ${gateway.name} | ${median(runs.map((run) => run.perCpuSecond)).toFixed(0)} | ${median(runs.map((run) => run.requestsPerSecond)).toFixed(0)} | ${median(runs.map((run) => run.p50)).toFixed(0)} | ${median(runs.map((run) => run.p99)).toFixed(0)} | ${at.rssMb.toFixed(0)} → ${Math.max(...runs.map((run) => run.rssUnderLoadMb)).toFixed(0)} | ${at.cpuMsPerSecond.toFixed(1)} | ${runs.reduce((sum, run) => sum + run.failed, 0)} |`,
        );
      }
      lines.push("");
    }
    const perCpu = (gateway: GatewayUnderTest, shape: Shape) => median(runsOf(gateway, shape).map((run) => run.perCpuSecond));
    // The interleaved rounds' pairs show how far the machine moves between runs.
    for (const shape of shapes) {
      const governedRuns = runsOf(governed, shape);
      const costs = runsOf(ungoverned, shape)
        .map((run, round) => costPercent(governedRuns[round].perCpuSecond, run.perCpuSecond))
        .sort((a, b) => a - b);
      lines.push(
        `governance ${shape.name}: costs ${costPercent(perCpu(governed, shape), perCpu(ungoverned, shape)).toFixed(0)} % of the ungoverned gateway's requests per CPU-second (the rounds, lowest first: ${costs.map((cost) => cost.toFixed(0)).join(", ")} %)`,
      );
      const atOnce = [...costsAtOnce.get(shape.name)!].sort((a, b) => a - b);
      lines.push(
        `governance ${shape.name}, both loaded at once: costs ${median(atOnce).toFixed(0)} % (the rounds, lowest first: ${atOnce.map((cost) => cost.toFixed(0)).join(", ")} %)`,
      );
    }
    for (const shape of shapes) {
      const againstHive = hiveDefaults ? `, governed/hive = ${(perCpu(governed, shape) / perCpu(hiveDefaults, shape)).toFixed(2)}` : "";
      lines.push(
        `ratio ${shape.name}: governed/bare-apollo = ${(perCpu(governed, shape) / perCpu(apollo, shape)).toFixed(2)}${againstHive}`,
      );
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    for (const gateway of started) await gateway.stop();
    await subgraphProcesses.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    if (mysqlUrl) await dropBenchDatabases(mysqlUrl, benchPrefix);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
