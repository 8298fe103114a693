import { TrustedKeys } from "../kernel/trusted-keys";
import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { consoleDistDir, consoleRoutes } from "../gateway/console";
import { startGateway } from "../gateway/server";
import { readSupergraph, supergraphFile } from "../kernel/compose";
import { issueAgencyToken } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey, loadGatewaySigningKey, loadTrustedAgencyKeys, loadTrustedSubgraphKeys } from "../kernel/keys";
import { createLogger } from "../kernel/logger";
import { ensureConsoleBuilt } from "../scripts/console";
import { subgraphs } from "../subgraphs";
import { median } from "./support";

/**
 * The console's first page over loopback: how long until a person can use it, and how many bytes
 * it takes, in Debian's Chromium with an empty cache each time; and the size of every chunk. The
 * gateway serves the built console; the pages measured ask the hub nothing before a person acts,
 * so no subgraph runs. A one-line page from a bare server is loaded the same way first: what
 * Chromium itself spends opening any page here, the floor under the console's figures. Bounded: a
 * fixed number of loads.
 *
 *   node -r @swc-node/register benchmarks/console.ts [--loads 10]
 */
const loads = Number(process.argv[process.argv.indexOf("--loads") + 1]) || 10;
const chromiumPath = process.env.LIANFANG_CHROMIUM ?? "/usr/bin/chromium";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  ensureConsoleBuilt();
  const agencies = subgraphs.map((subgraph) => subgraph.name);
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-console-bench-"));
  await ensureDevKeys(keyDir, agencies);
  const trustedKeys = new TrustedKeys(loadTrustedAgencyKeys(keyDir));
  const gateway = await startGateway({
    port: 0,
    supergraphSdl: readSupergraph(supergraphFile),
    subgraphUrls: {},
    trustedKeys,
    trustedSubgraphKeys: new TrustedKeys(loadTrustedSubgraphKeys(keyDir)),
    signingKey: await loadGatewaySigningKey(keyDir),
    maxBodyBytes: 100_000,
    rateLimitPerSecond: 50,
    introspection: false,
    logger: createLogger("bench", "silent"),
    routes: await consoleRoutes({ keyDir, agencies, devSignIn: true, trustedKeys }),
  });
  const origin = new URL(gateway.url).origin;
  const token = await issueAgencyToken(await loadAgencySigningKey(keyDir, "emergency"), {
    agency: "emergency",
    user: "bench",
    roles: ["viewer"],
  });
  const blank = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>空白页</title><p data-testid="blank">登录</p></html>');
  });
  await new Promise<void>((resolve) => blank.listen(0, "127.0.0.1", resolve));
  const blankUrl = `http://127.0.0.1:${(blank.address() as { port: number }).port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  const pages = [
    { name: "空白页 (one line of HTML: Chromium's own floor)", url: blankUrl, ready: "blank", signedIn: false },
    { name: "登录页 (sign-in, `/`)", url: `${origin}/`, ready: "dev-sign-in", signedIn: false },
    { name: "一企一档 (signed in, `/#/enterprises`)", url: `${origin}/#/enterprises`, ready: "enterprise-search", signedIn: true },
  ];
  const results = [];
  try {
    for (const measured of pages) {
      const times: number[] = [];
      const busy: number[] = [];
      let bytes = 0;
      let requests = 0;
      for (let load = 0; load < loads; load++) {
        const context = await browser.newContext();
        if (measured.signedIn) {
          // Runs in the page before the console: as if this tab had signed in and chosen its work.
          const work = JSON.stringify({ purpose: "JOINT_INSPECTION", caseRef: "LJ-2025-001" });
          await context.addInitScript(
            `sessionStorage.setItem("lianfang.token", ${JSON.stringify(token)}); sessionStorage.setItem("lianfang.work", ${JSON.stringify(work)});`,
          );
        }
        const page = await context.newPage();
        // Chromium's own count of main-thread work: what the page costs, whatever else the machine runs.
        const devtools = await context.newCDPSession(page);
        await devtools.send("Performance.enable");
        const bodies: Promise<number>[] = [];
        page.on("response", (response) =>
          bodies.push(
            response.body().then(
              (body) => body.length,
              () => 0,
            ),
          ),
        );
        const started = performance.now();
        await page.goto(measured.url);
        await page.getByTestId(measured.ready).waitFor();
        times.push(performance.now() - started);
        const { metrics } = await devtools.send("Performance.getMetrics");
        busy.push((metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0) * 1000);
        const sizes = await Promise.all(bodies);
        bytes = sizes.reduce((sum, size) => sum + size, 0);
        requests = sizes.length;
        await context.close();
      }
      results.push({ name: measured.name, median: median(times), max: Math.max(...times), busy: median(busy), bytes, requests });
    }
  } finally {
    await browser.close();
    blank.close();
    await gateway.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  }
  const chunks = fs
    .readdirSync(path.join(consoleDistDir, "assets"))
    .map((file) => {
      const content = fs.readFileSync(path.join(consoleDistDir, "assets", file));
      return { file, raw: content.length, gzip: gzipSync(content).length };
    })
    .sort((a, b) => b.raw - a.raw);
  process.stdout.write(
    [
      `First page over loopback, Chromium, empty cache, ${loads} loads each (until the page's form is on screen);`,
      `load average when done: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores:`,
      "",
      "| Page | Median | Slowest | Main-thread work (median) | Requests | Bytes (uncompressed, as served) |",
      "|---|---|---|---|---|---|",
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.median.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.busy.toFixed(0)} ms | ${r.requests} | ${kib(r.bytes)} |`,
      ),
      "",
      "Chunks of the build (console/dist/assets):",
      "",
      "| Chunk | Size | Gzipped |",
      "|---|---|---|",
      ...chunks.map((chunk) => `| ${chunk.file.replace(/-[\w-]{8}\.(js|css)$/, ".$1")} | ${kib(chunk.raw)} | ${kib(chunk.gzip)} |`),
      `| **total** | ${kib(chunks.reduce((sum, chunk) => sum + chunk.raw, 0))} | ${kib(chunks.reduce((sum, chunk) => sum + chunk.gzip, 0))} |`,
      "",
    ].join("\n"),
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
