import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from "typeorm";
import { SqljsDriver } from "typeorm/driver/sqljs/SqljsDriver";
import { StartupError } from "./errors";
import type { Logger } from "./logger";
import { sqlStatements } from "./metrics";
import { SnakeNamingStrategy } from "./naming";

export interface DatabaseOptions {
  /** The subgraph's name; its database is `<prefix><name>` on MySQL, `<name>.sqlite` embedded. */
  name: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  mysqlUrl?: string;
  prefix: string;
  /** Folder for the embedded database file; omitted, the embedded database lives in memory. */
  dataDir?: string;
  logger: Logger;
}

/** The table a statement reads or writes first: the label statements are counted by. */
export function statementTable(sql: string): string {
  const match = /\b(?:from|into|update)\s+[`"]?(\w+)[`"]?/i.exec(sql);
  return match ? match[1] : "none";
}

/**
 * Counts every statement per table (the N+1 guard and the `/metrics` figure) and logs failures
 * without their parameters, which may hold personal data.
 */
class StatementCounter implements TypeOrmLogger {
  /** Set by any statement that may change the database; the embedded saver clears it. */
  wrote = false;

  constructor(
    private readonly subgraph: string,
    private readonly logger: Logger,
  ) {}
  logQuery(query: string): void {
    if (/^\s*(select|insert|update|delete)\b/i.test(query)) {
      sqlStatements.inc({ subgraph: this.subgraph, table: statementTable(query) });
    }
    if (!/^\s*(select|pragma)\b/i.test(query)) this.wrote = true;
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: String(error), query }, "query failed");
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ time, query }, "slow query");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, "migration");
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn({ message }, "database");
  }
}

async function ensureMysqlDatabase(url: string, database: string): Promise<void> {
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({ uri: url, connectTimeout: 5000 });
    await connection.query(mysql.format("CREATE DATABASE IF NOT EXISTS ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", [database]));
  } catch (error) {
    throw new StartupError("LIANFANG_MYSQL_URL", `cannot reach MySQL or create database ${database}: ${(error as Error).message}`);
  } finally {
    await connection?.end().catch(() => undefined);
  }
}

/** Opens the subgraph's own database (MySQL when configured, else embedded) and runs its migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const logger = new StatementCounter(options.name, options.logger);
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    namingStrategy: new SnakeNamingStrategy(),
    logger,
    logging: true,
    maxQueryExecutionTime: 1000,
  } as const;
  let dataSource: DataSource;
  if (options.mysqlUrl) {
    const database = `${options.prefix}${options.name}`;
    await ensureMysqlDatabase(options.mysqlUrl, database);
    const url = new URL(options.mysqlUrl);
    dataSource = new DataSource({
      type: "mysql",
      host: url.hostname,
      port: Number(url.port || 3306),
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database,
      timezone: "Z",
      charset: "utf8mb4_unicode_ci",
      supportBigNumbers: true,
      extra: { connectionLimit: 10 },
      ...common,
    });
  } else {
    const location = options.dataDir ? path.join(options.dataDir, `${options.prefix}${options.name}.sqlite`) : undefined;
    if (location) fs.mkdirSync(path.dirname(location), { recursive: true });
    dataSource = new DataSource({
      type: "sqljs",
      location,
      autoSave: false,
      database: location && fs.existsSync(location) ? fs.readFileSync(location) : undefined,
      ...common,
    });
  }
  try {
    await dataSource.initialize();
  } catch (error) {
    const variable = options.mysqlUrl ? "LIANFANG_MYSQL_URL" : "LIANFANG_DATA_DIR";
    throw new StartupError(variable, `cannot open the ${options.name} database: ${(error as Error).message}`);
  }
  await dataSource.runMigrations({ transaction: "each" });
  if (dataSource.driver instanceof SqljsDriver && dataSource.driver.options.location)
    saveEmbeddedFile(dataSource, dataSource.driver, logger);
  return dataSource;
}

/** How long embedded writes may stay in memory before they reach the file. */
const embeddedSaveIntervalMs = 250;

/**
 * sql.js keeps the database in memory and writes the whole file on save, so saving after every
 * statement makes each write cost the size of the database (the audit log writes on every
 * request). Instead the file is saved at most every 250 ms when something changed, and on close:
 * a crash loses at most that much; a restart loses nothing. MySQL is the durable choice.
 */
function saveEmbeddedFile(dataSource: DataSource, driver: SqljsDriver, counter: StatementCounter): void {
  const saveIfChanged = async () => {
    if (!counter.wrote) return;
    counter.wrote = false;
    await driver.save();
  };
  const timer = setInterval(() => void saveIfChanged(), embeddedSaveIntervalMs);
  timer.unref();
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    clearInterval(timer);
    await saveIfChanged();
    await destroy();
  };
}
