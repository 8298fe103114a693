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
function insertIgnoreStatement(db: DataSource, metadata: EntityMetadata, rows: readonly ObjectLiteral[]): [string, unknown[]] {
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
  return [`${verb} ${driver.escape(metadata.tablePath)} (${names}) VALUES ${tuples.join(", ")}`, parameters];
}

/**
 * Inserts rows, skipping those whose primary key exists, in multi-row statements and one
 * transaction per batch of statements: seeding twice with the same seed changes nothing. On
 * MySQL several batches run at once on their own connections, since the server, not Node, is the
 * bottleneck; each statement is built while the previous one runs. `onProgress` hears the number
 * of rows written so far after each statement.
 */
export async function insertMissing(db: DataSource, { entity, rows }: EntityRows, onProgress?: (rowsDone: number) => void): Promise<void> {
  const metadata = db.getMetadata(entity);
  const ordered = inKeyOrder(metadata, rows);
  const statementRows = rowsPerStatement(db, entity);
  const batchRows = Math.max(statementRows, Math.floor(rowsPerTransaction / statementRows) * statementRows);
  const batchStarts = Array.from({ length: Math.ceil(ordered.length / batchRows) }, (_, index) => index * batchRows);
  let written = 0;
  const insertBatch = (batchStart: number) =>
    db.transaction(async (manager) => {
      const batchEnd = Math.min(ordered.length, batchStart + batchRows);
      let running: Promise<void> | undefined;
      for (let start = batchStart; start < batchEnd; start += statementRows) {
        const end = Math.min(batchEnd, start + statementRows);
        const [sql, parameters] = insertIgnoreStatement(db, metadata, ordered.slice(start, end));
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
