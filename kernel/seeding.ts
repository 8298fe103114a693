import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/** Rows per INSERT: large enough to be fast, small enough for MySQL's packet and SQLite's variable limits. */
const chunkSize = 200;

/**
 * Inserts rows, skipping those whose primary key exists (INSERT IGNORE / INSERT OR IGNORE), in
 * one transaction: seeding twice with the same seed changes nothing.
 */
export async function insertMissing<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  await db.transaction(async (manager) => {
    for (let start = 0; start < rows.length; start += chunkSize) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(start, start + chunkSize) as never)
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  });
}
