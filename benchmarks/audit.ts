import "reflect-metadata";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AuditLog, HeadAnchor, auditEntryFor } from "../gateway/audit";
import { AuditStore } from "../gateway/audit-store";
import type { CallIdentity } from "../kernel/identity";
import { createLogger } from "../kernel/logger";
import { dropBenchDatabases, option } from "./support";

/**
 * What one audit record costs the gateway: records appended by N concurrent callers, as N
 * concurrent requests do, each waiting until its record is committed (the anchor follows). Prints records
 * per second and the process's CPU per record (user and system: the syncs are the system's), on the
 * embedded store, or on MySQL when LIANFANG_MYSQL_URL is set.
 *
 *   node -r @swc-node/register benchmarks/audit.ts [--records 3000] [--concurrency 1,10,50] [--subjects 1]
 *
 * --subjects: enterprises each record names (a page of 200 enterprises names 200).
 */
const benchPrefix = "lfauditbench_";

const identity: CallIdentity = {
  agency: "coordination",
  user: "benchmark",
  roles: ["viewer"],
  requestId: "",
  purpose: "MEETING_REPORT",
  caseRef: "2026-联防-001",
};
const operation = {
  operationName: "Enterprise",
  query: "query Enterprise($creditCode: String!) { enterprise(creditCode: $creditCode) { name accidents { grade } } }",
  fieldsRead: { hrss: ["Query.enterprise", "Enterprise.name"], emergency: ["Enterprise.accidents", "Accident.grade"] },
  pids: [],
  outcome: "ALLOWED",
};

/** Distinct, well-formed-looking credit codes (the log does not check them). */
const creditCodes = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => `91370303MA3C${String(index).padStart(5, "0")}X`);

async function measure(concurrency: number, records: number, subjects: number, mysqlUrl: string | undefined): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-audit-bench-"));
  const logger = createLogger("audit-bench", "error");
  if (mysqlUrl) await dropBenchDatabases(mysqlUrl, benchPrefix);
  const store = await AuditStore.open({ dbPrefix: benchPrefix, dataDir, mysqlUrl }, logger);
  const log = new AuditLog(
    store,
    new HeadAnchor(path.join(dataDir, "audit-head.json")),
    {
      keyId: "benchmark",
      privateKey: generateKeyPairSync("ed25519").privateKey,
    },
    logger,
  );
  const named = creditCodes(subjects);
  // The first commit starts the embedded store's writer thread: not part of a record's cost.
  await log.append(auditEntryFor({ ...identity, requestId: "warm-up" }, { ...operation, creditCodes: [] }));
  let sent = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < records) {
        sent++;
        await log.append(auditEntryFor({ ...identity, requestId: `request-${sent}` }, { ...operation, creditCodes: named }));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Closing indexes the last records' subjects: part of their cost.
  await log.close();
  const cpu = process.cpuUsage(cpuBefore);
  if (mysqlUrl) await dropBenchDatabases(mysqlUrl, benchPrefix);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return `| ${concurrency} | ${Math.round(records / seconds)} | ${Math.round(cpu.user / records)} | ${Math.round(cpu.system / records)} | ${Math.round((cpu.user + cpu.system) / records)} |`;
}

async function main(): Promise<void> {
  const records = option("records", 3000);
  const subjects = option("subjects", 1);
  const index = process.argv.indexOf("--concurrency");
  const levels = (index > 0 ? process.argv[index + 1] : "1,10,50").split(",").map(Number);
  const mysqlUrl = process.env.LIANFANG_MYSQL_URL || undefined;
  process.stdout.write(
    `audit store: ${mysqlUrl ? "MySQL" : "embedded (SQLite, WAL, synchronous = FULL)"}; ${records} records each, each naming ${subjects} enterprise(s); load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}\n\n`,
  );
  process.stdout.write(
    "| concurrent callers | records/s | user µs/record | system µs/record | CPU µs/record |\n|---:|---:|---:|---:|---:|\n",
  );
  for (const concurrency of levels) process.stdout.write(`${await measure(concurrency, records, subjects, mysqlUrl)}\n`);
}

void main();
