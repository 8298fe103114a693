import "reflect-metadata";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ApolloGateway, IntrospectAndCompose } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import mysql from "mysql2/promise";
import { composeSupergraph } from "../kernel/compose";
import { issueAgencyToken } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey, loadLinkingSecret } from "../kernel/keys";
import { createLogger } from "../kernel/logger";
import { startProcess, startSubgraphProcesses, stopProcesses } from "../scripts/hub";
import { subgraphs } from "../subgraphs";
import { scales, type Scale } from "../synthetic/city";
import { seedCity } from "../synthetic/seed";
import { analysisStatements, regionPatternOf, reportStatements, type Statement } from "./report-sql";
import { dropBenchDatabases, localDatabasePid, openBenchGovernance, option, startBenchGateway, threadsCpuSeconds } from "./support";

/**
 * The meeting report at index speed: the whole report (every department's section) and the
 * key-industry analysis through the governed gateway (the report, the analysis and a one-department
 * floor also through the same gateway without governance), against the same figures computed by
 * hand-written SQL run directly on the departments' databases (in parallel, as the gateway asks
 * them), on MySQL, in interleaved rounds: each round asks every query in turn, each followed by its
 * SQL. The report and the floor are also asked of a stock Apollo Federation that runs the same SQL
 * (startStockFederation), whose report must equal the hub's to the figure. Prints the medians, the
 * ratio, the CPU each process spent on a call (the departments, the local MySQL server, this
 * process) and EXPLAIN for every statement.
 * Seeds the scale into its own databases (lfreportbench_* for `city`, lfreport<scale>_* for any
 * other) when they are not already full, and keeps them for the next run unless --drop is given.
 *
 *   LIANFANG_MYSQL_URL=mysql://root@127.0.0.1:3306 npm run benchmark:report -- [--scale city] [--rounds 15] [--drop]
 */
const benchPrefixOf = (scale: Scale) => (scale === "city" ? "lfreportbench_" : `lfreport${scale}_`);
const regionCode = process.argv.includes("--region") ? process.argv[process.argv.indexOf("--region") + 1] : "370300";
const year = option("year", 2024);

const reportQuery = `query Report($regionCode: String!, $period: String!) {
  meetingReport(regionCode: $regionCode, period: $period) {
    regionCode period regionName regionRule periodStart periodEnd
    jointWork { inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered }
    accidentStatistics { accidents deaths seriousInjuries byGrade { grade accidents deaths } byMonth { month accidents deaths } }
    occupationalDiseaseStatistics { newCases byCategory { categoryName cases } }
    injuryStatistics { applications recognised severelyDisabled }
  }
}`;

const sectionSelections: Record<string, string> = {
  jointWork: "jointWork { inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered }",
  accidentStatistics:
    "accidentStatistics { accidents deaths seriousInjuries byGrade { grade accidents deaths } byMonth { month accidents deaths } }",
  occupationalDiseaseStatistics: "occupationalDiseaseStatistics { newCases byCategory { categoryName cases } }",
  injuryStatistics: "injuryStatistics { applications recognised severelyDisabled }",
};

const floorQuery = `query Floor($regionCode: String!, $period: String!) {
  meetingReport(regionCode: $regionCode, period: $period) { regionName regionRule }
}`;

const analysisQuery = `query Analysis($regionCode: String!, $fromYear: Int!, $toYear: Int!) {
  industryAnalysis(regionCode: $regionCode, fromYear: $fromYear, toYear: $toYear) {
    regionCode
    divisions { code rank years { year insuredHeadcount accidents deaths recognisedInjuries newOccupationalDiseaseCases injuriesPerThousand rank } trend { direction changePercent } }
    sections { code rank }
    keyIndustries { code rank }
  }
}`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** CPU milliseconds spent during one call: by the department processes, by the local MySQL server, and by this process (both gateways and the client). */
interface CpuSpent {
  departments: number;
  database: number | undefined;
  benchmark: number;
}

/** Times a call and reads what it cost each process in CPU, before and after it (outside the timed span). */
function meterFor(departmentPids: number[], databasePid: number | undefined) {
  const ownCpu = () => (({ user, system }) => (user + system) / 1000)(process.cpuUsage());
  const others = () => ({
    departments: departmentPids.reduce((sum, pid) => sum + threadsCpuSeconds(pid), 0) * 1000,
    database: databasePid === undefined ? undefined : threadsCpuSeconds(databasePid) * 1000,
  });
  return async (work: () => Promise<unknown>): Promise<{ ms: number; cpu: CpuSpent }> => {
    // This process's own CPU is read nearest the call, so reading the others' /proc files is not counted in it.
    const before = { ...others(), benchmark: ownCpu() };
    const started = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const after = { benchmark: ownCpu(), ...others() };
    return {
      ms,
      cpu: {
        departments: after.departments - before.departments,
        database: after.database === undefined ? undefined : after.database - before.database!,
        benchmark: after.benchmark - before.benchmark,
      },
    };
  };
}

/** The median of each process's CPU over the calls, as "departments / database / benchmark" milliseconds. */
function medianCpu(spent: CpuSpent[]): string {
  const database = spent.flatMap((cpu) => (cpu.database === undefined ? [] : [cpu.database]));
  return [
    median(spent.map((cpu) => cpu.departments)).toFixed(1),
    database.length ? median(database).toFixed(1) : "—",
    median(spent.map((cpu) => cpu.benchmark)).toFixed(1),
  ].join(" / ");
}

/**
 * The same report on the stock stack and nothing else: four minimal departments
 * (benchmarks/stock-department.ts, the hand-written SQL) behind a stock @apollo/gateway in
 * @apollo/server's standalone server, in this process as the hub's gateways are. What it costs is
 * what federating the report on this stack costs before anything of the hub's.
 */
async function startStockFederation(env: NodeJS.ProcessEnv, logger: ReturnType<typeof createLogger>) {
  const departments = await Promise.all(
    ["coordination", "emergency", "health", "hrss"].map(async (name) => ({
      name,
      ...(await startProcess(
        "benchmarks/stock-department.ts",
        { ...env, STOCK_DEPARTMENT: name, BENCH_REGION: regionCode, BENCH_YEAR: String(year) },
        "ignore",
      )),
    })),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs: departments.map(({ name, url }) => ({ name, url })) }),
    logger,
  });
  const server = new ApolloServer({ gateway, logger });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return {
    url,
    pids: departments.map(({ child }) => child.pid!),
    stop: async () => {
      await server.stop();
      await stopProcesses(departments.map(({ child }) => child));
    },
  };
}

async function tableRows(mysqlUrl: string, database: string, table: string): Promise<number> {
  const connection = await mysql.createConnection({ uri: mysqlUrl });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(mysql.format("SELECT COUNT(*) AS n FROM ??.??", [database, table]));
    return Number(rows[0].n);
  } catch {
    return 0;
  } finally {
    await connection.end();
  }
}

/**
 * The analysis's insured headcount comes from hrss's insured cohorts, not from the persons: the
 * benchmark stops unless the two agree on the last year, so it never times figures that are wrong.
 */
async function checkInsuredCohorts(ask: (query: string, variables: object) => Promise<unknown>, hrss: mysql.Pool): Promise<void> {
  type Rows = { years: { insuredHeadcount: number }[] }[];
  const { industryAnalysis } = (await ask(
    `query Insured($regionCode: String!, $year: Int!) {
      industryAnalysis(regionCode: $regionCode, fromYear: $year, toYear: $year) {
        divisions { years { insuredHeadcount } } unclassified { years { insuredHeadcount } }
      }
    }`,
    { regionCode, year },
  )) as { industryAnalysis: { divisions: Rows; unclassified: Rows[number] | null } };
  const analysed = [...industryAnalysis.divisions, ...(industryAnalysis.unclassified ? [industryAnalysis.unclassified] : [])].reduce(
    (total, row) => total + row.years[0].insuredHeadcount,
    0,
  );
  const [[{ persons }]] = await hrss.query<mysql.RowDataPacket[]>(
    "SELECT COUNT(*) AS persons FROM person WHERE employer_region_code LIKE ? AND insured_since < ?",
    [regionPatternOf(regionCode), `${year + 1}-01-01`],
  );
  if (analysed !== Number(persons))
    throw new Error(
      `the analysis counts ${analysed} insured at the end of ${year}, the persons ${persons}: the insured cohorts are out of step`,
    );
  process.stderr.write(`insured at the end of ${year}: ${analysed}, by the cohorts and by the persons alike\n`);
}

/** The analysis counts injuries by the division stamped on each recognition: the benchmark stops unless every stamp is its employer's. */
async function checkRecognitionDivisions(hrss: mysql.Pool): Promise<void> {
  const [[{ misstamped, recognitions }]] = await hrss.query<mysql.RowDataPacket[]>(
    `SELECT SUM(r.employer_division <> COALESCE(SUBSTR(e.industry_code, 1, 2), '')) AS misstamped, COUNT(*) AS recognitions
     FROM injury_recognition r LEFT JOIN enterprise e ON e.credit_code = r.credit_code`,
  );
  if (Number(misstamped) !== 0)
    throw new Error(`${misstamped} of ${recognitions} recognitions carry a division other than their employer's`);
  process.stderr.write(`every one of ${recognitions} recognitions carries its employer's division\n`);
}

async function main(): Promise<void> {
  const mysqlUrl = process.env.LIANFANG_MYSQL_URL;
  if (!mysqlUrl) throw new Error("LIANFANG_MYSQL_URL must name the MySQL/MariaDB server: the benchmark measures index use there");
  const scaleName = (process.argv.includes("--scale") ? process.argv[process.argv.indexOf("--scale") + 1] : "city") as Scale;
  if (!(scaleName in scales)) throw new Error(`--scale must be one of ${Object.keys(scales).join(", ")}`);
  const benchPrefix = benchPrefixOf(scaleName);
  const rounds = option("rounds", 15);
  const workDir = path.join(os.tmpdir(), "lianfang-report-bench");
  const keyDir = path.join(workDir, "keys");
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  const logger = createLogger("benchmark", "silent");
  const persons = await tableRows(mysqlUrl, `${benchPrefix}hrss`, "person");
  if (persons < scales[scaleName].persons) {
    process.stderr.write(`seeding the ${scaleName} city into ${benchPrefix}* (found ${persons} persons)...\n`);
    const seeded = await seedCity({
      size: scales[scaleName],
      seed: 2024,
      linkingSecret: loadLinkingSecret(keyDir),
      subgraphs,
      target: { mysqlUrl, prefix: benchPrefix, logger },
    });
    process.stderr.write(`seeded in ${seeded.totalSeconds.toFixed(1)} s\n`);
  }
  // The departments run as the Dockerfile runs them (NODE_ENV=production: graphql without its development checks).
  const env = {
    ...process.env,
    NODE_ENV: "production",
    LIANFANG_KEY_DIR: keyDir,
    LIANFANG_DATA_DIR: workDir,
    LIANFANG_DB_PREFIX: benchPrefix,
    LOG_LEVEL: "warn",
  };
  process.stderr.write("starting the seven subgraphs...\n");
  const subgraphProcesses = await startSubgraphProcesses({ env });
  const { supergraphSdl } = await composeSupergraph(subgraphs, (name) => subgraphProcesses.subgraphUrls[name]);
  const setup = { keyDir, supergraphSdl, subgraphUrls: subgraphProcesses.subgraphUrls, logger };
  const stock = await startStockFederation(env, logger);
  const governed = await openBenchGovernance(setup, { mysqlUrl, dbPrefix: benchPrefix, dataDir: workDir });
  const gateway = await startBenchGateway(setup, governed.governance);
  // The same gateway without governance: what the catalogue, masking and the audit record add to each answer.
  const ungoverned = await startBenchGateway(setup);
  const token = await issueAgencyToken(await loadAgencySigningKey(keyDir, "coordination"), {
    agency: "coordination",
    user: "bench",
    roles: ["viewer"],
  });
  const pools = new Map(
    ["hrss", "emergency", "health", "coordination"].map((name) => [
      name,
      mysql.createPool({ uri: mysqlUrl, database: `${benchPrefix}${name}`, timezone: "Z", connectionLimit: 4 }),
    ]),
  );
  const askAt = (url: string) => async (query: string, variables: object) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-lianfang-purpose": "MEETING_REPORT" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`the gateway did not answer in full: ${JSON.stringify(body).slice(0, 500)}`);
    return body.data;
  };
  const ask = askAt(gateway.url);
  const askUngoverned = askAt(ungoverned.url);
  const askStock = askAt(stock.url);
  const ofReport = reportStatements(regionCode, year);
  const ofAnalysis = analysisStatements(regionCode, year);
  // Departments answer in parallel through the gateway; by hand, too: one connection each, their statements in order.
  const byHand = (statements: Statement[]) =>
    Promise.all(
      [...new Set(statements.map((statement) => statement.department))].map(async (department) => {
        for (const statement of statements.filter((candidate) => candidate.department === department)) {
          await pools.get(department)!.query(statement.sql, statement.parameters);
        }
      }),
    );
  try {
    const measurements = [
      {
        name: `meetingReport(${regionCode}, ${year})`,
        gateway: () => ask(reportQuery, { regionCode, period: String(year) }),
        statements: ofReport,
      },
      {
        name: `meetingReport(${regionCode}, ${year}), governance off`,
        gateway: () => askUngoverned(reportQuery, { regionCode, period: String(year) }),
        statements: ofReport,
      },
      {
        name: `meetingReport(${regionCode}, ${year}), stock Apollo Federation`,
        gateway: () => askStock(reportQuery, { regionCode, period: String(year) }),
        statements: ofReport,
      },
      {
        name: `industryAnalysis(${regionCode}, ${year - 4}..${year})`,
        gateway: () => ask(analysisQuery, { regionCode, fromYear: year - 4, toYear: year }),
        statements: ofAnalysis,
      },
      {
        name: `industryAnalysis(${regionCode}, ${year - 4}..${year}), governance off`,
        gateway: () => askUngoverned(analysisQuery, { regionCode, fromYear: year - 4, toYear: year }),
        statements: ofAnalysis,
      },
      // Each section alone: where the report's time goes beyond its SQL.
      ...Object.entries(sectionSelections).map(([section, selection]) => ({
        name: `meetingReport { ${section} } alone`,
        gateway: () =>
          ask(
            `query Section($regionCode: String!, $period: String!) { meetingReport(regionCode: $regionCode, period: $period) { ${selection} } }`,
            {
              regionCode,
              period: String(year),
            },
          ),
        statements: ofReport.filter((statement) => statement.section === section),
      })),
      // What a request to one department costs here, whatever its SQL: the floor under the report's figure.
      ...(
        [
          ["", ask],
          [", governance off", askUngoverned],
          [", stock Apollo Federation", askStock],
        ] as const
      ).map(([label, askFloor]) => ({
        name: `floor: meetingReport { regionName regionRule } (one department, no SQL)${label}`,
        gateway: () => askFloor(floorQuery, { regionCode, period: String(year) }),
        statements: [],
      })),
    ];
    const report = (await ask(reportQuery, { regionCode, period: String(year) })) as {
      meetingReport: { accidentStatistics: { accidents: number }; injuryStatistics: { applications: number } };
    };
    process.stderr.write(
      `report answers: ${report.meetingReport.accidentStatistics.accidents} accidents, ${report.meetingReport.injuryStatistics.applications} injury applications\n`,
    );
    // The stock departments shape the hand-written SQL's rows into the report: the same report proves the SQL computes the same figures.
    const stockReport = await askStock(reportQuery, { regionCode, period: String(year) });
    if (!isDeepStrictEqual(stockReport, report))
      throw new Error(
        `the hand-written SQL computes another report than the hub's: ${JSON.stringify(stockReport)} against ${JSON.stringify(report)}`,
      );
    process.stderr.write("the hand-written SQL, shaped by the stock departments, gives the hub's report to the figure\n");
    await checkInsuredCohorts(ask, pools.get("hrss")!);
    await checkRecognitionDivisions(pools.get("hrss")!);
    const lines: string[] = [];
    lines.push(
      `scale ${scaleName}, MySQL ${await serverVersion(pools.get("hrss")!)}, ${rounds} interleaved rounds after 3 warm-ups, ` +
        `${os.cpus().length} cores, load average ${os
          .loadavg()
          .map((load) => load.toFixed(2))
          .join(" ")} at start, ${new Date().toISOString()}`,
      "",
      "| query | gateway median ms | hand-written SQL median ms | ratio |",
      "|---|---:|---:|---:|",
    );
    for (const measurement of measurements) {
      for (let warmUp = 0; warmUp < 3; warmUp++) {
        await measurement.gateway().catch(() => undefined);
        await byHand(measurement.statements);
      }
    }
    const measured = meterFor([...subgraphProcesses.children.map((child) => child.pid!), ...stock.pids], localDatabasePid());
    type Timing = { viaGateway: number[]; viaSql: number[]; gatewayCpu: CpuSpent[]; sqlCpu: CpuSpent[]; failures: string[] };
    // Interleaved: each round asks every measurement in turn, so that governed and ungoverned see the same machine.
    const timings = measurements.map((): Timing => ({ viaGateway: [], viaSql: [], gatewayCpu: [], sqlCpu: [], failures: [] }));
    for (let round = 0; round < rounds; round++) {
      for (const [index, measurement] of measurements.entries()) {
        const timing = timings[index];
        // A partial answer (a department timed out on the loaded machine) is counted, not timed.
        await measured(measurement.gateway).then(
          ({ ms, cpu }) => {
            timing.viaGateway.push(ms);
            timing.gatewayCpu.push(cpu);
          },
          (error: Error) => timing.failures.push(`${measurement.name}: ${error.message.slice(0, 200)}`),
        );
        if (measurement.statements.length) {
          const { ms, cpu } = await measured(() => byHand(measurement.statements));
          timing.viaSql.push(ms);
          timing.sqlCpu.push(cpu);
        }
      }
    }
    for (const [index, measurement] of measurements.entries()) {
      const { viaGateway, viaSql, failures } = timings[index];
      const gatewayMs = median(viaGateway);
      const sqlMs = viaSql.length ? median(viaSql) : undefined;
      lines.push(
        `| ${measurement.name} | ${gatewayMs.toFixed(1)} | ${sqlMs?.toFixed(1) ?? "—"} | ${sqlMs ? (gatewayMs / sqlMs).toFixed(2) : "—"} |` +
          (failures.length ? ` (${failures.length} of ${rounds} rounds answered partially, not timed)` : ""),
      );
      for (const failure of failures) process.stderr.write(`${failure}\n`);
    }
    // Where each call's time goes: the CPU each process spent on it (medians), against the hand-written SQL's.
    lines.push(
      "",
      "CPU per call, medians, ms: the department processes (the hub's seven and the four stock ones) / the MySQL server / this process (the gateways and the client):",
      "",
      "| query | via the gateway | by hand |",
      "|---|---:|---:|",
      ...measurements.map(({ name }, index) => {
        const { gatewayCpu, sqlCpu } = timings[index];
        return `| ${name} | ${gatewayCpu.length ? medianCpu(gatewayCpu) : "—"} | ${sqlCpu.length ? medianCpu(sqlCpu) : "—"} |`;
      }),
    );
    lines.push(
      "",
      `load average at end ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")}`,
      "",
      "EXPLAIN of each hand-written statement (the resolvers' statements read the same indexes):",
      "",
    );
    lines.push("| department | section | table | type | key | rows | Extra |", "|---|---|---|---|---|---:|---|");
    for (const statement of [...ofReport, ...ofAnalysis]) {
      const [plan] = await pools.get(statement.department)!.query<mysql.RowDataPacket[]>(`EXPLAIN ${statement.sql}`, statement.parameters);
      for (const step of plan) {
        lines.push(
          `| ${statement.department} | ${statement.section} | ${step.table} | ${step.type} | ${step.key ?? "—"} | ${step.rows} | ${step.Extra ?? ""} |`,
        );
      }
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    for (const pool of pools.values()) await pool.end();
    await Promise.allSettled([gateway.stop(), ungoverned.stop(), stock.stop()]);
    await governed.close();
    await subgraphProcesses.stop();
    if (process.argv.includes("--drop")) await dropBenchDatabases(mysqlUrl, benchPrefix);
  }
}

async function serverVersion(pool: mysql.Pool): Promise<string> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT VERSION() AS version");
  return String(rows[0].version);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
