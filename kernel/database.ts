import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from "typeorm";
import { embeddedBusyTimeoutMs, prepareEmbeddedConnection } from "./embedded";
import { StartupError } from "./errors";
import type { Logger } from "./logger";
import { sqlStatements } from "./metrics";
import { SnakeNamingStrategy } from "./naming";

export interface DatabaseOptions {
  /** The subgraph's name; its database is `<prefix><name>` on MySQL, `<prefix><name>.sqlite` embedded. */
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
  constructor(
    private readonly subgraph: string,
    private readonly logger: Logger,
  ) {}
  logQuery(query: string): void {
    if (/^\s*(select|insert|update|delete)\b/i.test(query)) {
      sqlStatements.inc({ subgraph: this.subgraph, table: statementTable(query) });
    }
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: String(error), query }, "query failed");
  }
  logQuerySlow(durationMs: number, query: string): void {
    this.logger.warn({ durationMs, query }, "slow query");
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

/** The embedded file of a database, or undefined for an in-memory one. */
export const embeddedFile = (dataDir: string | undefined, prefix: string, name: string): string | undefined =>
  dataDir ? path.join(dataDir, `${prefix}${name}.sqlite`) : undefined;

/** Opens the subgraph's own database (MySQL when configured, else embedded) and runs its migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementCounter(options.name, options.logger),
    logging: true,
    maxQueryExecutionTime: 1000,
  } as const;
  let dataSource: DataSource;
  const database = `${options.prefix}${options.name}`;
  if (options.mysqlUrl) {
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
    const file = embeddedFile(options.dataDir, options.prefix, options.name);
    if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
    dataSource = new DataSource({
      type: "better-sqlite3",
      database: file ?? ":memory:",
      timeout: embeddedBusyTimeoutMs,
      prepareDatabase: prepareEmbeddedConnection,
      ...common,
    });
  }
  try {
    await dataSource.initialize();
  } catch (error) {
    const variable = options.mysqlUrl ? "LIANFANG_MYSQL_URL" : "LIANFANG_DATA_DIR";
    throw new StartupError(variable, `cannot open the ${options.name} database: ${(error as Error).message}`);
  }
  if (options.mysqlUrl) {
    await withMysqlLock(dataSource, `lianfang_migrate_${database}`, () => dataSource.runMigrations({ transaction: "each" }));
  } else {
    isolateEmbeddedTransactions(dataSource);
    await dataSource.runMigrations({ transaction: "each" });
  }
  return dataSource;
}

/** Several processes may open one database at once (gateways sharing an audit store): one migrates at a time. */
async function withMysqlLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT GET_LOCK(?, 60)", [name]);
    return await work();
  } finally {
    await runner.query("SELECT RELEASE_LOCK(?)", [name]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * The embedded driver has one connection, so TypeORM would nest a second concurrent transaction
 * inside the first as a savepoint, and a statement issued meanwhile by another request would join
 * whichever transaction is open. Here a transaction owns the connection: transactions run one at a
 * time, and any other statement waits until the open transaction ends.
 */
function isolateEmbeddedTransactions(dataSource: DataSource): void {
  const owner = new AsyncLocalStorage<symbol>();
  let current: symbol | undefined;
  let idle: Promise<unknown> = Promise.resolve();
  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner);
  runner.query = (async (...args: Parameters<typeof query>) => {
    while (current && owner.getStore() !== current) await idle.catch(() => undefined);
    return query(...args);
  }) as typeof query;
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  dataSource.transaction = ((...args: unknown[]) => {
    const turn = idle
      .catch(() => undefined)
      .then(() => {
        const token = Symbol("transaction");
        current = token;
        return owner
          .run(token, () => transaction(...args))
          .finally(() => {
            current = undefined;
          });
      });
    idle = turn;
    return turn;
  }) as typeof dataSource.transaction;
}
