import { fork } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import mysql from "mysql2/promise";
import { Agent, request } from "undici";
import { localDatabasePid, median, option, threadsCpuSeconds } from "./support";

/**
 * What one hop costs on this machine: the floor under every call through the hub, which no code
 * of the hub's can go below. A round trip over loopback TCP to another process, an HTTP call to
 * another process (undici to node:http over a kept-alive connection, as the gateway calls a
 * department), a MySQL `SELECT 1` (mysql2, as the departments and the audit store ask), a message
 * to a worker thread and back (as the embedded audit store's writer is asked), and a 4 KiB write
 * with its data sync (as the audit anchor is written). Each is repeated in turn, in interleaved
 * rounds; prints the medians per round trip: wall time and the CPU of this process and of the
 * other side (the serving process, or the MySQL server). With `--gap-ms`, each round trip waits
 * that long after the last, so that both sides fall idle between them, as between a lone
 * client's calls; on a virtual machine waking an idle core can cost more than the hop itself.
 *
 *   npm run -s build && node dist/benchmarks/hops.js [--trips 2000] [--rounds 5] [--gap-ms 0]
 *   (with LIANFANG_MYSQL_URL=mysql://root@127.0.0.1:3306 also the MySQL round trip)
 */

interface Hop {
  name: string;
  /** One round trip. */
  trip: () => Promise<void>;
  /** The other side's process, when it is one. */
  otherPid?: number;
  close: () => unknown;
}

const payload = Buffer.alloc(64, "x");
const body = JSON.stringify({ query: "{ meetingReport { regionName } }", variables: { regionCode: "370300" } });

/** The serving side, in a process of its own: a TCP echo server and an HTTP server answering a small JSON body. */
function serve(): void {
  const echo = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on("data", (chunk) => socket.write(chunk));
  });
  const web = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      outgoing.writeHead(200, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ data: { received: Buffer.concat(chunks).length } }));
    });
  });
  echo.listen(0, "127.0.0.1", () =>
    web.listen(0, "127.0.0.1", () =>
      process.send!({ tcp: (echo.address() as net.AddressInfo).port, http: (web.address() as net.AddressInfo).port }),
    ),
  );
}

async function tcpHop(port: number, otherPid: number): Promise<Hop> {
  const socket = net.connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  await new Promise((resolve) => socket.once("connect", resolve));
  let waiting: (() => void) | undefined;
  let received = 0;
  socket.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received >= payload.length) {
      received -= payload.length;
      waiting?.();
    }
  });
  return {
    name: "TCP over loopback, 64 bytes each way",
    otherPid,
    trip: () =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        socket.write(payload);
      }),
    close: () => socket.destroy(),
  };
}

function httpHop(port: number, otherPid: number): Hop {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  return {
    name: "HTTP call, undici to node:http, kept alive",
    otherPid,
    trip: async () => {
      const answer = await request(`http://127.0.0.1:${port}/graphql`, {
        dispatcher,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await answer.body.text();
    },
    close: () => dispatcher.close(),
  };
}

function workerHop(): Hop {
  const echo = `const { parentPort } = require("node:worker_threads"); parentPort.on("message", (message) => parentPort.postMessage(message));`;
  const worker = new Worker(echo, { eval: true });
  return {
    name: "worker thread, a message there and back",
    trip: () =>
      new Promise<void>((resolve) => {
        worker.once("message", () => resolve());
        worker.postMessage({ id: 1, op: "append" });
      }),
    close: () => worker.terminate(),
  };
}

function syncHop(file: string): Hop {
  const handle = fs.openSync(file, "w");
  const page = Buffer.alloc(4096, "a");
  return {
    name: "4 KiB written and data-synced",
    trip: async () => {
      fs.writeSync(handle, page, 0, page.length, 0);
      fs.fdatasyncSync(handle);
    },
    close: () => fs.closeSync(handle),
  };
}

async function mysqlHop(url: string): Promise<Hop> {
  const connection = await mysql.createConnection({ uri: url });
  return {
    name: "MySQL SELECT 1 (mysql2)",
    otherPid: localDatabasePid(),
    trip: async () => {
      await connection.query("SELECT 1");
    },
    close: () => connection.end(),
  };
}

interface Reading {
  wallUs: number;
  ownCpuUs: number;
  otherCpuUs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall time counts the round trips alone; CPU counts the pauses too, as the row with no hop shows. */
async function measure(hop: Hop, trips: number, gapMs: number): Promise<Reading> {
  const other = () => (hop.otherPid ? threadsCpuSeconds(hop.otherPid) : 0);
  const otherBefore = other();
  const cpuBefore = process.cpuUsage();
  let wallMs = 0;
  for (let trip = 0; trip < trips; trip++) {
    if (gapMs) await pause(gapMs);
    const start = performance.now();
    await hop.trip();
    wallMs += performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const otherSeconds = other() - otherBefore;
  return {
    wallUs: (wallMs * 1000) / trips,
    ownCpuUs: (cpu.user + cpu.system) / trips,
    otherCpuUs: hop.otherPid ? (otherSeconds * 1e6) / trips : undefined,
  };
}

async function main(): Promise<void> {
  const trips = option("trips", 2000);
  const rounds = option("rounds", 5);
  const gapMs = option("gap-ms", 0);
  const server = fork(__filename, ["--serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ports = await new Promise<{ tcp: number; http: number }>((resolve) => server.once("message", resolve));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-hops-"));
  const hops: Hop[] = [
    { name: "no hop (what the loop and its pauses cost)", trip: async () => undefined, close: () => undefined },
    await tcpHop(ports.tcp, server.pid!),
    httpHop(ports.http, server.pid!),
    ...(process.env.LIANFANG_MYSQL_URL ? [await mysqlHop(process.env.LIANFANG_MYSQL_URL)] : []),
    workerHop(),
    syncHop(path.join(scratch, "page")),
  ];
  try {
    for (const hop of hops) await measure(hop, Math.min(trips, 200), gapMs); // warm up
    const readings = new Map<Hop, Reading[]>(hops.map((hop) => [hop, []]));
    for (let round = 1; round <= rounds; round++) {
      process.stderr.write(`round ${round}/${rounds}\n`);
      for (const hop of hops) readings.get(hop)!.push(await measure(hop, trips, gapMs));
    }
    const [one, five, fifteen] = os.loadavg();
    console.log(
      `${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}, load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}`,
    );
    console.log(
      `${rounds} interleaved rounds of ${trips} round trips each${gapMs ? `, ${gapMs} ms apart` : ", one after another"}; medians of the rounds, per round trip\n`,
    );
    console.log("| hop | wall µs | this process CPU µs | other side CPU µs |");
    console.log("|---|---:|---:|---:|");
    for (const [hop, list] of readings) {
      const of = (figure: (reading: Reading) => number) => median(list.map(figure)).toFixed(0);
      const other = hop.otherPid ? of((reading) => reading.otherCpuUs!) : "—";
      console.log(`| ${hop.name} | ${of((reading) => reading.wallUs)} | ${of((reading) => reading.ownCpuUs)} | ${other} |`);
    }
  } finally {
    for (const hop of hops) await hop.close();
    server.kill();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv.includes("--serve")) serve();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
