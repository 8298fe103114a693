import DataLoader from "dataloader";
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from "typeorm";

type Key = string | number;

/**
 * DataLoaders for one request: every lookup of the same entity by the same column within one
 * tick becomes one `WHERE column IN (...)`. Created per request so nothing leaks between callers.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<Key, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  /** The one row whose `column` equals the key, or null. */
  one<T extends ObjectLiteral>(entity: EntityTarget<T>, column: keyof T & string): DataLoader<Key, T | null> {
    return this.loader(entity, column, "one", (rows, keys) => {
      const byKey = new Map(rows.map((row) => [row[column] as Key, row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
  }

  /** Every row whose `column` equals the key, in primary-key order. */
  many<T extends ObjectLiteral>(entity: EntityTarget<T>, column: keyof T & string): DataLoader<Key, T[]> {
    return this.loader(entity, column, "many", (rows, keys) => {
      const byKey = new Map<Key, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) byKey.get(row[column] as Key)?.push(row);
      return keys.map((key) => byKey.get(key) ?? []);
    });
  }

  private loader<T extends ObjectLiteral, R>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    kind: string,
    arrange: (rows: T[], keys: readonly Key[]) => R[],
  ): DataLoader<Key, R> {
    const repository = this.dataSource.getRepository(entity);
    const cacheKey = `${repository.metadata.name}.${column}.${kind}`;
    let loader = this.cache.get(cacheKey) as DataLoader<Key, R> | undefined;
    if (!loader) {
      const primary = repository.metadata.primaryColumns.map((c) => c.propertyName);
      loader = new DataLoader<Key, R>(async (keys) => {
        const rows = await repository.find({
          where: { [column]: In([...keys]) } as FindOptionsWhere<T>,
          order: Object.fromEntries(primary.map((name) => [name, "ASC"])) as FindOptionsOrder<T>,
        });
        return arrange(rows, keys);
      });
      this.cache.set(cacheKey, loader as DataLoader<Key, unknown>);
    }
    return loader;
  }
}
