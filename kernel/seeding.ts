import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/** Rows per INSERT: large enough to be fast, small enough for MySQL's packet and SQLite's variable limits. */
const chunkSize = 200;

/** One entity's demo rows; a department's demo data is a list of them in insertion order. */
export interface EntityRows<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  rows: T[];
}
export type DemoRows = EntityRows[];

export const demoRows = <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T[]): EntityRows =>
  ({ entity, rows }) as EntityRows;

/**
 * Inserts rows, skipping those whose primary key exists (INSERT IGNORE / INSERT OR IGNORE), in
 * one transaction: seeding twice with the same seed changes nothing.
 */
export async function insertMissing(db: DataSource, { entity, rows }: EntityRows): Promise<void> {
  await db.transaction(async (manager) => {
    for (let start = 0; start < rows.length; start += chunkSize) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(start, start + chunkSize))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  });
}
