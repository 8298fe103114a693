import fs from "node:fs";
import mysql from "mysql2/promise";
import { headAnchorFile } from "../gateway/audit";
import { defaultLimits, type GovernanceOptions } from "../gateway/governance";
import { openGovernance, startGateway } from "../gateway/server";
import { loadAuditSigningKey, loadGatewaySigningKey, loadTrustedAgencyKeys, loadTrustedSubgraphKeys } from "../kernel/keys";
import type { Logger } from "../kernel/logger";
import { defaultMaskPatterns } from "../kernel/masking";
import { TrustedKeys } from "../kernel/trusted-keys";

/** A numeric command-line option, `--name value`. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** A comma-separated list of numbers given on the command line (`--name 1,10,50`), or the fallback. */
export function listOption(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1].split(",").map(Number) : fallback;
}

/**
 * The CPU time of the threads a process has now, to the nanosecond (/proc/<pid>/task/<tid>/schedstat):
 * idle costs a few milliseconds a second, less than the 10 ms ticks of /proc/<pid>/stat tell apart.
 * Threads that ended are not counted: it measures idle, or a call between two readings, not load.
 */
export function threadsCpuSeconds(pid: number): number {
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  const nanoseconds = tasks.reduce((sum, tid) => {
    try {
      return sum + Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      return sum; // the thread ended after the listing
    }
  }, 0);
  return nanoseconds / 1e9;
}

/** The middle of the readings (the upper of the two middle ones when they are even in number). */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The local MySQL/MariaDB server's process, when the server runs on this machine; otherwise its CPU is not told. */
export function localDatabasePid(): number | undefined {
  for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (["mariadbd", "mysqld"].includes(fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim())) return Number(entry);
    } catch {
      // the process ended after the listing
    }
  }
  return undefined;
}

/** Drops the MySQL databases a benchmark made under its own prefix. */
export async function dropBenchDatabases(mysqlUrl: string, prefix: string): Promise<void> {
  const connection = await mysql.createConnection({ uri: mysqlUrl });
  // `_` and `%` in the prefix are themselves, not LIKE's wildcards: lfreportbench_ must not match lfreportlarge_.
  const [rows] = await connection.query<mysql.RowDataPacket[]>("SHOW DATABASES LIKE ?", [`${prefix.replace(/[\\%_]/g, "\\$&")}%`]);
  for (const row of rows) await connection.query(mysql.format("DROP DATABASE ??", [Object.values(row)[0]]));
  await connection.end();
}

/** Where a benchmark's gateways find their subgraphs, keys and audit store. */
export interface BenchGatewaySetup {
  keyDir: string;
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  logger: Logger;
}

/** Lianfang's gateway as the benchmarks start it, governed when given governance, the rate limit out of the way. */
export async function startBenchGateway(setup: BenchGatewaySetup, governance?: GovernanceOptions) {
  const { keyDir, supergraphSdl, subgraphUrls, logger } = setup;
  return startGateway({
    port: 0,
    supergraphSdl,
    subgraphUrls,
    rateLimitPerSecond: 1_000_000,
    trustedKeys: new TrustedKeys(loadTrustedAgencyKeys(keyDir)),
    trustedSubgraphKeys: new TrustedKeys(loadTrustedSubgraphKeys(keyDir)),
    signingKey: await loadGatewaySigningKey(keyDir),
    maxBodyBytes: 100_000,
    introspection: false,
    logger,
    governance,
  });
}

/** The governance a governed benchmark gateway runs with: its audit store (MySQL when `mysqlUrl` is set, else embedded in `dataDir`), anchor and grant book. */
export async function openBenchGovernance(setup: BenchGatewaySetup, database: { mysqlUrl?: string; dbPrefix: string; dataDir: string }) {
  const { keyDir, supergraphSdl, subgraphUrls, logger } = setup;
  return openGovernance({
    supergraphSdl,
    coordinationUrl: subgraphUrls.coordination,
    signingKey: await loadGatewaySigningKey(keyDir),
    limits: defaultLimits,
    masks: defaultMaskPatterns,
    database,
    auditHeadFile: headAnchorFile(database.dataDir, database.dbPrefix),
    auditKey: loadAuditSigningKey(keyDir),
    logger,
  });
}
