import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { subgraphUrlVariable } from "../gateway/supergraph";
import { issueAgencyToken } from "../kernel/identity";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { ensureDevKeys, loadAgencySigningKey } from "../kernel/keys";
import { startProcess, startSubgraphProcesses } from "../scripts/hub";
import { subgraphs } from "../subgraphs";
import { dropBenchDatabases, localDatabasePid, option } from "./support";
import { runImport, type ImportSummary } from "../import/run";

/**
 * How fast a department loads its records: enterprise and insured-person files imported through
 * the gateway (its own process, governed, audited) into an empty hub, as `npm run import` does,
 * then the enterprise file again (every row unchanged). Prints rows per second and the CPU each
 * process spent, which names the bottleneck.
 *
 *   npm run -s build && LIANFANG_MYSQL_URL=mysql://root@127.0.0.1:3306 node dist/benchmarks/import.js [--enterprises 100000] [--persons 500000]
 */
const benchPrefix = "lfimportbench_";

const creditCode = (serial: number) => {
  const first17 = `91370303MA${String(serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckCharacter(first17);
};

/** Distinct valid ID numbers: 999 sequence numbers per birth date, birth dates from 1970 on. */
function idNumber(serial: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(serial / 999) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `370303${birth}${String((serial % 999) + 1).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

const industries = ["C2614", "C3311", "E4710", "G5430", "F5190"];

function writeFiles(folder: string, enterprises: number, persons: number) {
  const enterpriseFile = path.join(folder, "enterprises.csv");
  const personFile = path.join(folder, "persons.csv");
  const lines = ["统一社会信用代码,单位名称,行业代码,所在地区,参保登记日期"];
  for (let i = 0; i < enterprises; i++)
    lines.push(`${creditCode(i)},淄博基准测试有限公司${i},${industries[i % industries.length]},370303,2019-07-01`);
  fs.writeFileSync(enterpriseFile, lines.join("\n") + "\n");
  const people = ["公民身份号码,姓名,手机号码,参保单位统一社会信用代码,参保日期"];
  for (let i = 0; i < persons; i++)
    people.push(`${idNumber(i)},测试${i},1390000${String(i % 10_000).padStart(4, "0")},${creditCode(i % enterprises)},2020-01-01`);
  fs.writeFileSync(personFile, people.join("\n") + "\n");
  return { enterpriseFile, personFile };
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const enterprises = option("enterprises", 100_000);
  const persons = option("persons", 500_000);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-import-bench-"));
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
  delete env.LIANFANG_DEMO_SCALE;
  const files = writeFiles(workDir, enterprises, persons);
  process.stderr.write(`starting an empty hub (${process.env.LIANFANG_MYSQL_URL ? "MySQL" : "embedded"})...\n`);
  // hrss on its own, to measure what it spends.
  const subgraphProcesses = await startSubgraphProcesses({ env, without: ["hrss"] });
  const hrss = await startProcess("subgraphs/hrss/main.ts", { ...env, PORT: "0" }, "ignore");
  const subgraphUrls = { ...subgraphProcesses.subgraphUrls, hrss: hrss.url };
  const gatewayEnv: NodeJS.ProcessEnv = { ...env, PORT: "0" };
  for (const [name, url] of Object.entries(subgraphUrls)) gatewayEnv[subgraphUrlVariable(name)] = url;
  const gateway = await startProcess("gateway/main.ts", gatewayEnv, "ignore");
  const database = localDatabasePid();
  const token = await issueAgencyToken(await loadAgencySigningKey(keyDir, "hrss"), { agency: "hrss", user: "bench", roles: ["admin"] });
  const rows: string[] = [];
  try {
    const measure = async (label: string, kind: string, file: string) => {
      const processes = {
        gateway: gateway.child.pid!,
        hrss: hrss.child.pid!,
        database,
      };
      const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, pid ? cpuSeconds(pid) : 0]));
      const client = process.cpuUsage();
      const started = performance.now();
      const summary: ImportSummary = await runImport({ agency: "hrss", kind, file, dryRun: false, gatewayUrl: gateway.url, token });
      const seconds = (performance.now() - started) / 1000;
      const cpu = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, pid ? cpuSeconds(pid) - before[name] : 0]));
      const clientCpu = (process.cpuUsage(client).user + process.cpuUsage(client).system) / 1e6;
      if (summary.refused) throw new Error(`${label}: ${summary.refused} rows refused (${summary.errorsFile})`);
      rows.push(
        `| ${label} | ${summary.read} | ${summary.inserted}/${summary.updated}/${summary.unchanged} | ${seconds.toFixed(1)} | ${Math.round(summary.read / seconds)} | ${clientCpu.toFixed(1)} | ${cpu.gateway.toFixed(1)} | ${cpu.hrss.toFixed(1)} | ${cpu.database.toFixed(1)} |`,
      );
      process.stderr.write(`${rows[rows.length - 1]}\n`);
    };
    await measure("enterprises, empty hub", "enterprise", files.enterpriseFile);
    await measure("insured persons, enrolled", "person", files.personFile);
    await measure("enterprises again (unchanged)", "enterprise", files.enterpriseFile);
    process.stdout.write(
      [
        `${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${process.env.LIANFANG_MYSQL_URL ? "MySQL (MariaDB)" : "embedded"}, ${new Date().toISOString().slice(0, 10)}`,
        "",
        "| file | rows | inserted/updated/unchanged | s | rows/s | CPU s: import client | gateway | hrss | database |",
        "|---|---|---|---|---|---|---|---|---|",
        ...rows,
        "",
      ].join("\n"),
    );
  } finally {
    for (const child of [gateway.child, hrss.child]) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
    await subgraphProcesses.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    if (process.env.LIANFANG_MYSQL_URL) await dropBenchDatabases(process.env.LIANFANG_MYSQL_URL, benchPrefix);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
