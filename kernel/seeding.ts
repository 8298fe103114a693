import { createHash } from "node:crypto";
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Bound parameters per INSERT: under the embedded driver's 32,766 SQLite variables; on MySQL the
 * driver interpolates client-side, and 30,000 short values stay far below even a 4 MB
 * max_allowed_packet.
 */
const parametersPerStatement = 30_000;
/**
 * Rows per transaction: each commit is a resumable step (INSERT IGNORE skips what an interrupted
 * run already wrote) and, on the embedded driver, one save of the file.
 */
const rowsPerTransaction = 50_000;

/** Batches in flight at once on MySQL: two connections used both cores of the benchmark machine; three gained nothing. */
const mysqlConcurrentBatches = 2;

/**
 * From this many rows an empty MySQL table is filled through a staging copy that builds its
 * secondary indexes last; below it the indexes fit the buffer pool and the copy is not worth its DDL.
 */
const stagedFillRows = 20_000;
/** The staging copy of a table being filled, and the empty table it replaced, until dropped. */
const stagingSuffix = "__seeding";
const replacedSuffix = "__replaced";
/** How long a seeder waits for another that is filling the same table. */
const lockWaitSeconds = 3600;

/** One entity's demo rows; a department's demo data is a list of them in insertion order. */
export interface EntityRows<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  rows: T[];
}
export type DemoRows = EntityRows[];

export const demoRows = <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T[]): EntityRows => ({ entity, rows }) as EntityRows;

/** Rows per INSERT statement for an entity: as many as its column count allows under the parameter bound. */
function rowsPerStatement(db: DataSource, entity: EntityTarget<ObjectLiteral>): number {
  return Math.max(1, Math.floor(parametersPerStatement / db.getMetadata(entity).columns.length));
}

/**
 * The rows in primary-key order when every key column comes with the row: InnoDB then appends to
 * its clustered index instead of splitting pages at random (random pids made 500k persons 60%
 * slower). The sort is stable, so among rows sharing a key the first still wins.
 */
function inKeyOrder<T extends ObjectLiteral>(metadata: EntityMetadata, rows: T[]): T[] {
  const keys = metadata.primaryColumns;
  if (keys.some((key) => key.isGenerated)) return rows;
  const keyed = rows.map((row) => ({ row, key: keys.map((key) => key.getEntityValue(row)) }));
  keyed.sort((a, b) => {
    for (let index = 0; index < keys.length; index++) {
      if (a.key[index] < b.key[index]) return -1;
      if (a.key[index] > b.key[index]) return 1;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}

/**
 * A parameterised multi-row INSERT IGNORE / INSERT OR IGNORE, each value prepared by the driver
 * exactly as TypeORM's query builder prepares it (transformers, dates, simple arrays); a missing
 * value takes the column default. Built here because the query builder's per-parameter
 * bookkeeping cost more CPU than the database spent on 500k rows.
 */
function insertIgnoreStatement(
  db: DataSource,
  metadata: EntityMetadata,
  table: string,
  rows: readonly ObjectLiteral[],
): [string, unknown[]] {
  const driver = db.driver;
  const embedded = db.options.type !== "mysql";
  const columns = metadata.columns.filter((column) => column.isInsert);
  const unsupported = columns.find(
    (column) => column.isVersion || column.isDiscriminator || (column.isGenerated && column.generationStrategy === "uuid"),
  );
  if (unsupported)
    throw new Error(
      `insertMissing cannot fill ${metadata.name}.${unsupported.propertyName}: version, discriminator and generated uuid columns are not supported`,
    );
  const missing = columns.map((column) =>
    !embedded ? "DEFAULT" : column.default !== undefined && column.default !== null ? String(driver.normalizeDefault(column)) : "NULL",
  );
  const parameters: unknown[] = [];
  const tuples = rows.map((row) => {
    const values = columns.map((column, index) => {
      const value = driver.preparePersistentValue(column.getEntityValue(row), column);
      if (value === undefined) return missing[index];
      parameters.push(value);
      return "?";
    });
    return `(${values.join(", ")})`;
  });
  const names = columns.map((column) => driver.escape(column.databaseName)).join(", ");
  const verb = embedded ? "INSERT OR IGNORE INTO" : "INSERT IGNORE INTO";
  return [`${verb} ${driver.escape(table)} (${names}) VALUES ${tuples.join(", ")}`, parameters];
}

/**
 * Inserts rows in key order into `table` (the entity's own, or its staging copy), skipping those
 * whose primary key exists, in multi-row statements and one transaction per batch of statements.
 * On MySQL several batches run at once on their own connections, since the server, not Node, is
 * the bottleneck; each statement is built while the previous one runs.
 */
async function insertRows(
  db: DataSource,
  metadata: EntityMetadata,
  table: string,
  ordered: readonly ObjectLiteral[],
  onProgress?: (rowsDone: number) => void,
): Promise<void> {
  const statementRows = rowsPerStatement(db, metadata.target);
  const batchRows = Math.max(statementRows, Math.floor(rowsPerTransaction / statementRows) * statementRows);
  const batchStarts = Array.from({ length: Math.ceil(ordered.length / batchRows) }, (_, index) => index * batchRows);
  let written = 0;
  const insertBatch = (batchStart: number) =>
    db.transaction(async (manager) => {
      const batchEnd = Math.min(ordered.length, batchStart + batchRows);
      let running: Promise<void> | undefined;
      for (let start = batchStart; start < batchEnd; start += statementRows) {
        const end = Math.min(batchEnd, start + statementRows);
        const [sql, parameters] = insertIgnoreStatement(db, metadata, table, ordered.slice(start, end));
        await running;
        running = manager.query(sql, parameters).then(() => onProgress?.((written += end - start)));
      }
      await running;
    });
  const lanes = db.options.type === "mysql" ? mysqlConcurrentBatches : 1;
  const outcomes = await Promise.allSettled(
    Array.from({ length: lanes }, async () => {
      try {
        for (let next = batchStarts.shift(); next !== undefined; next = batchStarts.shift()) await insertBatch(next);
      } catch (error) {
        // The other lanes stop after their current batch, so nothing runs once this call returns.
        batchStarts.length = 0;
        throw error;
      }
    }),
  );
  const failure = outcomes.find((outcome) => outcome.status === "rejected");
  if (failure) throw failure.reason;
}

/** A non-unique B-tree index as information_schema describes it, enough to build it again. */
interface SecondaryIndex {
  name: string;
  /** Column, prefix length, descending: in index order. */
  parts: { column: string; prefix: number | null; descending: boolean }[];
}

/**
 * The secondary indexes of a MySQL table that can be built after its rows: non-unique, B-tree, on
 * columns, uncommented. Unique ones stay, since they decide which rows INSERT IGNORE skips.
 */
async function deferrableIndexes(db: DataSource, table: string): Promise<SecondaryIndex[]> {
  // SHOW INDEX lists the keys in the table's own order, which the rebuilt table must keep.
  const rows: {
    Key_name: string;
    Column_name: string | null;
    Sub_part: number | string | null;
    Collation: string | null;
    Non_unique: number | string;
    Index_type: string;
    Index_comment: string;
  }[] = await db.query(`SHOW INDEX FROM ${db.driver.escape(table)}`);
  const indexes = new Map<string, SecondaryIndex & { eligible: boolean }>();
  for (const row of rows) {
    const index = indexes.get(row.Key_name) ?? { name: row.Key_name, parts: [], eligible: true };
    index.eligible &&= Number(row.Non_unique) === 1 && row.Index_type === "BTREE" && !row.Index_comment && row.Column_name !== null;
    index.parts.push({
      column: String(row.Column_name),
      prefix: row.Sub_part === null ? null : Number(row.Sub_part),
      descending: row.Collation === "D",
    });
    indexes.set(row.Key_name, index);
  }
  return [...indexes.values()].filter((index) => index.eligible).map(({ name, parts }) => ({ name, parts }));
}

/** A table's CREATE TABLE as MySQL prints it, renamed `t` and without its AUTO_INCREMENT counter: equal for tables built alike. */
async function tableDefinition(db: DataSource, table: string): Promise<string> {
  const [row]: { "Create Table": string }[] = await db.query(`SHOW CREATE TABLE ${db.driver.escape(table)}`);
  return row["Create Table"].replace(/^CREATE TABLE `[^`]+`/, "CREATE TABLE `t`").replace(/ AUTO_INCREMENT=\d+/, "");
}

async function tableExists(db: DataSource, table: string): Promise<boolean> {
  const [{ found }]: { found: number | string }[] = await db.query(
    "SELECT COUNT(*) AS found FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
    [table],
  );
  return Number(found) > 0;
}

/**
 * Holds a MySQL named lock, one per database and table, while `work` runs: two seeders of the
 * same table take turns, the second finding it full.
 */
async function whileLocked<T>(db: DataSource, table: string, work: () => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  try {
    const [{ database }]: { database: string }[] = await runner.query("SELECT DATABASE() AS `database`");
    // Lock names are at most 64 characters; database and table names together may be longer.
    const name = `lianfang_seed_${createHash("sha256").update(`${database}.${table}`).digest("hex").slice(0, 40)}`;
    const [{ granted }]: { granted: number | string | null }[] = await runner.query("SELECT GET_LOCK(?, ?) AS granted", [
      name,
      lockWaitSeconds,
    ]);
    if (Number(granted) !== 1) throw new Error(`another seeder kept filling ${database}.${table} for over ${lockWaitSeconds} s`);
    try {
      return await work();
    } finally {
      await runner.query("SELECT RELEASE_LOCK(?)", [name]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The last step of a staged fill, and its recovery after an interruption: rows written to the
 * replaced table while the staging copy filled (a running hub) are copied over the seeded ones,
 * as they would have won in place, and the replaced table is dropped.
 */
async function mergeReplaced(db: DataSource, metadata: EntityMetadata): Promise<void> {
  const replaced = `${metadata.tableName}${replacedSuffix}`;
  if (!(await tableExists(db, replaced))) return;
  const name = (identifier: string) => db.driver.escape(identifier);
  const columns = metadata.columns
    .filter((column) => column.isInsert)
    .map((column) => name(column.databaseName))
    .join(", ");
  await db.query(`REPLACE INTO ${name(metadata.tableName)} (${columns}) SELECT ${columns} FROM ${name(replaced)}`);
  await db.query(`DROP TABLE ${name(replaced)}`);
}

/**
 * Fills an empty MySQL table through a staging copy: the copy takes the rows in key order with
 * only its primary and unique keys, then builds its other indexes by sorting, and replaces the
 * table in one atomic RENAME. Inserting 1.5 million rows one by one into secondary indexes larger
 * than the buffer pool made each insert a random page read; built afterwards, each index is one
 * sorted pass. The table keeps every index throughout: an interrupted fill leaves it as it was
 * and a staging copy, which the next run drops.
 */
async function fillEmptyMysqlTable(
  db: DataSource,
  metadata: EntityMetadata,
  ordered: readonly ObjectLiteral[],
  onProgress?: (rowsDone: number) => void,
): Promise<void> {
  const table = metadata.tableName;
  const staging = `${table}${stagingSuffix}`;
  const name = (identifier: string) => db.driver.escape(identifier);
  await db.query(`CREATE TABLE ${name(staging)} LIKE ${name(table)}`);
  try {
    const deferred = await deferrableIndexes(db, staging);
    if (deferred.length) {
      await db.query(`ALTER TABLE ${name(staging)} ${deferred.map((index) => `DROP INDEX ${name(index.name)}`).join(", ")}`);
    }
    await insertRows(db, metadata, staging, ordered, onProgress);
    if (deferred.length) {
      const part = ({ column, prefix, descending }: SecondaryIndex["parts"][number]) =>
        `${name(column)}${prefix === null ? "" : `(${prefix})`}${descending ? " DESC" : ""}`;
      const additions = deferred.map((index) => `ADD INDEX ${name(index.name)} (${index.parts.map(part).join(", ")})`);
      await db.query(`ALTER TABLE ${name(staging)} ${additions.join(", ")}`);
    }
    if ((await tableDefinition(db, staging)) !== (await tableDefinition(db, table))) {
      throw new Error(`the staging copy of ${table} came out defined unlike the table; the table is left as it was`);
    }
    await db.query(`RENAME TABLE ${name(table)} TO ${name(`${table}${replacedSuffix}`)}, ${name(staging)} TO ${name(table)}`);
  } catch (error) {
    await db.query(`DROP TABLE IF EXISTS ${name(staging)}`);
    throw error;
  }
  await mergeReplaced(db, metadata);
}

/**
 * Inserts rows, skipping those whose primary key exists: seeding twice with the same seed changes
 * nothing, and an interrupted run resumes. An empty MySQL table of many rows is filled through a
 * staging copy that builds its secondary indexes last (fillEmptyMysqlTable). `onProgress` hears
 * the number of rows written so far after each statement.
 */
export async function insertMissing(db: DataSource, { entity, rows }: EntityRows, onProgress?: (rowsDone: number) => void): Promise<void> {
  const metadata = db.getMetadata(entity);
  const ordered = inKeyOrder(metadata, rows);
  if (db.options.type !== "mysql" || rows.length < stagedFillRows) return insertRows(db, metadata, metadata.tablePath, ordered, onProgress);
  const table = metadata.tableName;
  await whileLocked(db, table, async () => {
    // What an interrupted staged fill left: a half-filled copy to drop, a replaced table to merge.
    await db.query(`DROP TABLE IF EXISTS ${db.driver.escape(`${table}${stagingSuffix}`)}`);
    await mergeReplaced(db, metadata);
    const [{ empty }]: { empty: number | string }[] = await db.query(
      `SELECT NOT EXISTS (SELECT 1 FROM ${db.driver.escape(table)}) AS empty`,
    );
    if (Number(empty) === 1) await fillEmptyMysqlTable(db, metadata, ordered, onProgress);
    else await insertRows(db, metadata, metadata.tablePath, ordered, onProgress);
  });
}
