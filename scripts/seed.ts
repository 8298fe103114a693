import "reflect-metadata";
import { parseArgs } from "node:util";
import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { ensureDevKeys, loadLinkingSecret } from "../kernel/keys";
import { createLogger, type Logger } from "../kernel/logger";
import { subgraphs } from "../subgraphs";
import { type Scale, scales } from "../synthetic/city";
import { type EntitySeeding, seedCity } from "../synthetic/seed";

const usage = `usage: npm run seed -- --scale <${Object.keys(scales).join("|")}> [--seed N]`;
/** The seed subgraph processes use when LIANFANG_DEMO_SEED is unset. */
const defaultSeed = 2024;

/**
 * Errors only unless LOG_LEVEL asks for more: bulk statements routinely pass the one-second
 * slow-query mark. A logged statement is cut short, since one holds thousands of placeholders.
 */
function seedLogger(level: string): Logger {
  const shorten = (query: unknown) =>
    typeof query === "string" && query.length > 300 ? `${query.slice(0, 300)}… (${query.length} characters)` : query;
  return createLogger("seed", level).child({}, { serializers: { query: shorten } });
}

const count = (value: number) => value.toLocaleString("en-US");

function progressBar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

/**
 * Progress on stderr: on a terminal one bar per department table, redrawn at most every 100 ms;
 * elsewhere (CI logs) one line as each table finishes.
 */
function progressReporter(stream: NodeJS.WriteStream): (entities: readonly EntitySeeding[]) => void {
  const label = (entity: EntitySeeding) => `${entity.subgraph}/${entity.entity}`;
  const line = (entity: EntitySeeding, labelWidth: number) =>
    `${label(entity).padEnd(labelWidth)} ${progressBar(entity.written, entity.generated)} ${count(entity.written)}/${count(entity.generated)}`;
  if (!stream.isTTY) {
    const finished = new Set<EntitySeeding>();
    return (entities) => {
      for (const entity of entities) {
        if (entity.written < entity.generated || finished.has(entity)) continue;
        finished.add(entity);
        stream.write(`${line(entity, 0)}\n`);
      }
    };
  }
  let drawnLines = 0;
  let lastDraw = 0;
  return (entities) => {
    const now = Date.now();
    const complete = entities.every((entity) => entity.written === entity.generated);
    if (now - lastDraw < 100 && !complete) return;
    lastDraw = now;
    const labelWidth = Math.max(...entities.map((entity) => label(entity).length));
    const up = drawnLines ? `\x1b[${drawnLines}A` : "";
    stream.write(up + entities.map((entity) => `\x1b[2K${line(entity, labelWidth)}\n`).join(""));
    drawnLines = entities.length;
  };
}

function summaryTable(entities: readonly EntitySeeding[]): string {
  const header = ["subgraph", "entity", "generated", "inserted", "rows in table", "seconds"];
  const body = entities.map((entity) => [
    entity.subgraph,
    entity.entity,
    count(entity.generated),
    count(entity.rowsAfter - entity.rowsBefore),
    count(entity.rowsAfter),
    entity.seconds.toFixed(1),
  ]);
  const sum = (pick: (entity: EntitySeeding) => number) => count(entities.reduce((total, entity) => total + pick(entity), 0));
  const total = [
    "total",
    "",
    sum((entity) => entity.generated),
    sum((entity) => entity.rowsAfter - entity.rowsBefore),
    sum((entity) => entity.rowsAfter),
    "",
  ];
  const rows = [header, ...body, total];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row: string[]) =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [format(header), rule, ...body.map(format), rule, format(total)].join("\n");
}

/**
 * `npm run seed -- --scale city`: writes the synthetic city into every department's database,
 * configured as the subgraph processes are (LIANFANG_MYSQL_URL, LIANFANG_DB_PREFIX,
 * LIANFANG_DATA_DIR, LIANFANG_KEY_DIR). Idempotent; stop the hub first when it runs embedded,
 * since each process holds its own copy of the file.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: "string" }, seed: { type: "string", default: String(defaultSeed) } } });
  if (!values.scale || !(values.scale in scales)) throw new Error(`--scale must be one of ${Object.keys(scales).join(", ")}\n${usage}`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}\n${usage}`);
  const scale = values.scale as Scale;
  const config = readConfig(commonVariables);
  const keyDir = keyDirectory(config);
  // Person pids are keyed with the hub's linking secret: the same one the subgraphs will load.
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  const result = await seedCity({
    size: scales[scale],
    seed,
    linkingSecret: loadLinkingSecret(keyDir),
    subgraphs,
    target: {
      mysqlUrl: config.LIANFANG_MYSQL_URL,
      prefix: config.LIANFANG_DB_PREFIX,
      dataDir: config.LIANFANG_DATA_DIR,
      logger: seedLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "error"),
    },
    onProgress: progressReporter(process.stderr),
  });
  const generated = result.entities.reduce((total, entity) => total + entity.generated, 0);
  const database = config.LIANFANG_MYSQL_URL
    ? `MySQL, databases ${config.LIANFANG_DB_PREFIX}<subgraph>`
    : `embedded, ${config.LIANFANG_DATA_DIR}`;
  process.stdout.write(
    [
      `synthetic city: scale ${scale}, seed ${seed}, ${database}`,
      summaryTable(result.entities),
      `generated in ${result.generationSeconds.toFixed(1)} s; generated and inserted in ${result.totalSeconds.toFixed(1)} s ` +
        `(${count(Math.round(generated / result.totalSeconds))} rows/s); ${process.uptime().toFixed(1)} s since the command started`,
      "",
    ].join("\n"),
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
