import "reflect-metadata";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { AuditLog, HeadAnchor, auditEntryFor } from "../gateway/audit";
import { verifyChain } from "../gateway/audit-chain";
import { AuditStore } from "../gateway/audit-store";
import type { CallIdentity } from "../kernel/identity";
import { createLogger } from "../kernel/logger";
import { auditCommitRecords } from "../kernel/metrics";
import { dropBenchDatabases, listOption, option } from "./support";

/**
 * What one audit record costs the gateway: records appended by N concurrent callers, as N
 * concurrent requests do, each waiting until its record is committed (the anchor follows). Prints records
 * per second, the process's CPU per record (user and system: the syncs are the system's) and the CPU
 * per record of verifying the chain written (one signature checked per commit), on the
 * embedded store, or on MySQL when LIANFANG_MYSQL_URL is set.
 *
 *   node -r @swc-node/register benchmarks/audit.ts [--records 3000] [--concurrency 1,10,50] [--subjects 1]
 *     [--answer-ms 0] [--commit-waits 0]
 *
 * --subjects: enterprises each record names (a page of 200 enterprises names 200).
 * --answer-ms: how long each caller works on its answer before appending its record, as a request
 *   waits for its departments (its record expected meanwhile, as governance says it will come).
 * --commit-waits: the longest a commit waits for the records expected (LIANFANG_AUDIT_COMMIT_DELAY_MS),
 *   each measured in turn.
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

/** Audit commits made so far in this process. */
const commits = async (): Promise<number> =>
  (await auditCommitRecords.get()).values.find((value) => value.metricName === "lianfang_audit_commit_records_count")?.value ?? 0;

interface Run {
  concurrency: number;
  records: number;
  subjects: number;
  answerMs: number;
  commitDelayMs: number;
}

async function measure({ concurrency, records, subjects, answerMs, commitDelayMs }: Run, mysqlUrl: string | undefined): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-audit-bench-"));
  const logger = createLogger("audit-bench", "error");
  if (mysqlUrl) await dropBenchDatabases(mysqlUrl, benchPrefix);
  const store = await AuditStore.open({ dbPrefix: benchPrefix, dataDir, mysqlUrl }, logger);
  const signingKey = { keyId: "benchmark", privateKey: generateKeyPairSync("ed25519").privateKey };
  const log = new AuditLog(store, new HeadAnchor(path.join(dataDir, "audit-head.json")), signingKey, logger, { commitDelayMs });
  const named = creditCodes(subjects);
  // The first commit starts the embedded store's writer thread: not part of a record's cost.
  await log.append(auditEntryFor({ ...identity, requestId: "warm-up" }, { ...operation, creditCodes: [] }));
  let sent = 0;
  const commitsBefore = await commits();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < records) {
        sent++;
        const appended = log.expectRecord();
        // Departments answer in varied times: callers that start together do not stay in step.
        if (answerMs) await delay(answerMs * (0.5 + Math.random()));
        const committed = log.append(auditEntryFor({ ...identity, requestId: `request-${sent}` }, { ...operation, creditCodes: named }));
        appended();
        await committed;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const perCommit = records / ((await commits()) - commitsBefore);
  // Closing indexes the last records' subjects: part of their cost.
  await log.close();
  const cpu = process.cpuUsage(cpuBefore);
  // What an auditor's `npm run audit:verify` spends per record on this chain.
  const reopened = await AuditStore.open({ dbPrefix: benchPrefix, dataDir, mysqlUrl }, logger);
  const verifyStarted = process.cpuUsage();
  const check = await verifyChain(reopened.pages(), new Map([[signingKey.keyId, createPublicKey(signingKey.privateKey)]]));
  const verifyCpu = process.cpuUsage(verifyStarted);
  await reopened.close();
  if (!check.ok || check.checked !== records + 1) throw new Error(`the benchmark's chain does not verify: ${JSON.stringify(check.broken)}`);
  if (mysqlUrl) await dropBenchDatabases(mysqlUrl, benchPrefix);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return `| ${concurrency} | ${answerMs} | ${commitDelayMs} | ${Math.round(records / seconds)} | ${perCommit.toFixed(1)} | ${Math.round(cpu.user / records)} | ${Math.round(cpu.system / records)} | ${Math.round((cpu.user + cpu.system) / records)} | ${Math.round((verifyCpu.user + verifyCpu.system) / (records + 1))} |`;
}

async function main(): Promise<void> {
  const records = option("records", 3000);
  const subjects = option("subjects", 1);
  const answerMs = option("answer-ms", 0);
  const mysqlUrl = process.env.LIANFANG_MYSQL_URL || undefined;
  process.stdout.write(
    `audit store: ${mysqlUrl ? "MySQL" : "embedded (SQLite, WAL, synchronous = FULL)"}; ${records} records each, each naming ${subjects} enterprise(s); load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}\n\n`,
  );
  process.stdout.write(
    "| concurrent callers | answer ms | commit wait ms | records/s | records per commit | user µs/record | system µs/record | CPU µs/record | verify CPU µs/record |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
  );
  for (const concurrency of listOption("concurrency", [1, 10, 50]))
    for (const commitDelayMs of listOption("commit-waits", [0]))
      process.stdout.write(`${await measure({ concurrency, records, subjects, answerMs, commitDelayMs }, mysqlUrl)}\n`);
}

void main();
