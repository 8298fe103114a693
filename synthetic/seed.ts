import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { openDatabase } from "../kernel/database";
import type { Logger } from "../kernel/logger";
import { insertMissing } from "../kernel/seeding";
import type { SubgraphDefinition } from "../kernel/subgraph";
import { type City, type CitySize, generateCity } from "./city";

/** Where the departments' databases live, exactly as their processes are configured. */
export interface SeedTarget {
  mysqlUrl?: string;
  prefix: string;
  /** Folder of the embedded files; omitted, embedded databases live in memory and vanish. */
  dataDir?: string;
  logger: Logger;
}

/** One department's table as seeding goes: rows generated, rows written so far, rows in the table. */
export interface EntitySeeding {
  subgraph: string;
  entity: string;
  generated: number;
  written: number;
  rowsBefore: number;
  rowsAfter: number;
  /** Wall time of this table's inserts, counts included. */
  seconds: number;
}

export interface SeedResult {
  entities: EntitySeeding[];
  /** Generating the city and every department's rows. */
  generationSeconds: number;
  /** Generation, then opening, migrating and filling every database. */
  totalSeconds: number;
}

/** Demo rows name their entity by class (or, in TypeORM's other form, by name string). */
const entityName = (entity: EntityTarget<ObjectLiteral>): string => (typeof entity === "function" ? entity.name : String(entity));

const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Opens a department's database as its process does: its entities, its migrations, its name. */
export const openSubgraphDatabase = (definition: SubgraphDefinition<City>, target: SeedTarget): Promise<DataSource> =>
  openDatabase({
    name: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    mysqlUrl: target.mysqlUrl,
    prefix: target.prefix,
    dataDir: target.dataDir,
    logger: target.logger,
  });

async function insertDepartment(
  definition: SubgraphDefinition<City>,
  tables: { entity: EntityTarget<ObjectLiteral>; rows: ObjectLiteral[]; state: EntitySeeding }[],
  target: SeedTarget,
  report: () => void,
): Promise<void> {
  const db = await openSubgraphDatabase(definition, target);
  try {
    for (const { entity, rows, state } of tables) {
      const started = process.hrtime.bigint();
      try {
        state.rowsBefore = await db.getRepository(entity).count();
        await insertMissing(db, { entity, rows }, (written) => {
          state.written = written;
          report();
        });
        state.rowsAfter = await db.getRepository(entity).count();
        state.seconds = secondsSince(started);
      } catch (error) {
        throw new Error(`seeding ${state.subgraph}/${state.entity} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    await db.destroy();
  }
}

/**
 * Generates the synthetic city and inserts every department's share of it, one department after
 * another (the tables of several departments at once only compete for MySQL's buffer pool), each
 * department's entities in its own order. Idempotent: rows already present are skipped, so a
 * second run writes nothing. `onProgress` sees every entity's state whenever rows are written.
 */
export async function seedCity(options: {
  size: CitySize;
  seed: number;
  linkingSecret: string;
  subgraphs: readonly SubgraphDefinition<City>[];
  target: SeedTarget;
  onProgress?: (entities: readonly EntitySeeding[]) => void;
}): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const city = generateCity({ size: options.size, seed: options.seed, linkingSecret: options.linkingSecret });
  const departments = options.subgraphs.map((definition) => ({
    definition,
    tables: definition.demo(city).map(({ entity, rows }) => ({
      entity,
      rows,
      state: {
        subgraph: definition.name,
        entity: entityName(entity),
        generated: rows.length,
        written: 0,
        rowsBefore: 0,
        rowsAfter: 0,
        seconds: 0,
      },
    })),
  }));
  const generationSeconds = secondsSince(started);
  const entities = departments.flatMap((department) => department.tables.map((table) => table.state));
  const report = () => options.onProgress?.(entities);
  report();
  for (const { definition, tables } of departments) await insertDepartment(definition, tables, options.target, report);
  return { entities, generationSeconds, totalSeconds: secondsSince(started) };
}
