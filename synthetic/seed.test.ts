import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "../kernel/logger";
import { subgraphs } from "../subgraphs";
import { testDatabase, type TestDatabase } from "../test/support/database";
import { generateCity } from "./city";
import { type SeedTarget, openSubgraphDatabase, seedCity } from "./seed";

/** Big enough to fill several INSERT statements per table for persons, small enough for a unit test. */
const size = { enterprises: 200, persons: 8_000 };
const linkingSecret = "seed-test-linking-secret";
const silent = createLogger("seed-test", "silent");

/** Rows and a SHA-256 of every table of every department, each read in primary-key order. */
async function contents(target: SeedTarget): Promise<Record<string, { rows: number; sha256: string }>> {
  const result: Record<string, { rows: number; sha256: string }> = {};
  for (const definition of subgraphs) {
    const db = await openSubgraphDatabase(definition, target);
    try {
      for (const entity of definition.entities) {
        const metadata = db.getMetadata(entity);
        const order = Object.fromEntries(metadata.primaryColumns.map((column) => [column.propertyName, "ASC" as const]));
        const rows = await db.getRepository(entity).find({ order });
        result[`${definition.name}.${metadata.tableName}`] = {
          rows: rows.length,
          sha256: createHash("sha256").update(JSON.stringify(rows)).digest("hex"),
        };
      }
    } finally {
      await db.destroy();
    }
  }
  return result;
}

describe("seeding the synthetic city (embedded, or MySQL when LIANFANG_MYSQL_URL is set)", () => {
  const folders: string[] = [];
  const databases: TestDatabase[] = [];
  /** A fresh, empty set of department databases. */
  const freshTarget = (): SeedTarget => {
    const database = testDatabase();
    databases.push(database);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-seed-"));
    folders.push(dataDir);
    return { mysqlUrl: database.mysqlUrl, prefix: database.dbPrefix, dataDir, logger: silent };
  };
  const seed = (target: SeedTarget, seedNumber = 2024) => seedCity({ size, seed: seedNumber, linkingSecret, subgraphs, target });

  afterAll(async () => {
    for (const database of databases) await database.drop();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("inserts every department's demo rows, then a second run inserts nothing and changes no row", async () => {
    const target = freshTarget();
    const first = await seed(target);
    const expected = generateCity({ size, seed: 2024, linkingSecret });
    const demoTotal = subgraphs.flatMap((definition) => definition.demo(expected)).reduce((total, table) => total + table.rows.length, 0);
    expect(first.entities.reduce((total, entity) => total + entity.generated, 0)).toBe(demoTotal);
    expect(
      first.entities.filter(
        (entity) => entity.written !== entity.generated || entity.rowsBefore !== 0 || entity.rowsAfter > entity.generated,
      ),
    ).toEqual([]);
    const afterFirst = await contents(target);

    const second = await seed(target);
    expect(second.entities.filter((entity) => entity.rowsAfter !== entity.rowsBefore)).toEqual([]);
    expect(second.entities.map((entity) => entity.rowsAfter)).toEqual(first.entities.map((entity) => entity.rowsAfter));
    expect(await contents(target)).toEqual(afterFirst);
  });

  it("the same seed gives identical rows in another fresh database, and another seed different rows", async () => {
    const [first, again, other] = [freshTarget(), freshTarget(), freshTarget()];
    await seed(first);
    await seed(again);
    await seed(other, 2025);
    const reference = await contents(first);
    expect(await contents(again)).toEqual(reference);
    const otherContents = await contents(other);
    expect(otherContents["hrss.person"].sha256).not.toBe(reference["hrss.person"].sha256);
  });

  it("stores exactly what TypeORM's own insert stores for every department's rows", async () => {
    const bulk = freshTarget();
    await seed(bulk);
    const plain = freshTarget();
    const city = generateCity({ size, seed: 2024, linkingSecret });
    for (const definition of subgraphs) {
      const db = await openSubgraphDatabase(definition, plain);
      try {
        for (const { entity, rows } of definition.demo(city)) {
          for (let start = 0; start < rows.length; start += 200) {
            await db
              .createQueryBuilder()
              .insert()
              .into(entity)
              .values(rows.slice(start, start + 200))
              .orIgnore()
              .updateEntity(false)
              .execute();
          }
        }
      } finally {
        await db.destroy();
      }
    }
    expect(await contents(bulk)).toEqual(await contents(plain));
  });
});
