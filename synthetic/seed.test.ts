import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createLogger } from "../kernel/logger";
import { insertMissing } from "../kernel/seeding";
import { subgraphs } from "../subgraphs";
import { ExaminationKind, ExaminationResult, HealthExamination } from "../subgraphs/health/health-examination.entity";
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

/** Enough examinations to take the staged path (kernel/seeding.ts, from 20,000 rows), in random key order. */
function examinations(count: number): HealthExamination[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = (index * 7919) % count;
    return Object.assign(new HealthExamination(), {
      id: `HE-${String(serial).padStart(8, "0")}`,
      pid: createHash("md5").update(String(serial)).digest("hex"),
      creditCode: "91370303MA3C00001X",
      examinedOn: "2024-03-01",
      kind: ExaminationKind.ON_DUTY,
      result: ExaminationResult.NORMAL,
      version: 1,
    });
  });
}

const onMysql = process.env.LIANFANG_MYSQL_URL ? describe : describe.skip;

onMysql("filling a large empty MySQL table through a staging copy that builds its indexes last", () => {
  const database = testDatabase();
  const health = subgraphs.find((definition) => definition.name === "health")!;
  let db: DataSource;
  const rows = examinations(25_000);
  const definition = async () =>
    ((await db.query("SHOW CREATE TABLE health_examination")) as { "Create Table": string }[])[0]["Create Table"];
  const tables = async () => ((await db.query("SHOW TABLES")) as Record<string, string>[]).map((row) => Object.values(row)[0]).sort();
  const count = async () => db.getRepository(HealthExamination).count();

  beforeEach(async () => {
    db = await openSubgraphDatabase(health, { mysqlUrl: database.mysqlUrl, prefix: database.dbPrefix, logger: silent });
    await db.query("DELETE FROM health_examination");
  });
  afterEach(() => db.destroy());
  afterAll(() => database.drop());

  it("leaves the table defined as its migrations made it, holding every row, and a second fill inserts nothing", async () => {
    const [before, tablesBefore] = [await definition(), await tables()];
    await insertMissing(db, { entity: HealthExamination, rows });
    expect(await count()).toBe(rows.length);
    expect(await definition()).toBe(before);
    expect(await tables()).toEqual(tablesBefore);
    const stored = await db.getRepository(HealthExamination).findOneByOrFail({ id: rows[0].id });
    expect(stored).toEqual(rows[0]);
    await insertMissing(db, { entity: HealthExamination, rows: rows.map((row) => ({ ...row, result: ExaminationResult.RECHECK })) });
    expect(await count()).toBe(rows.length);
    expect(await db.getRepository(HealthExamination).countBy({ result: ExaminationResult.RECHECK })).toBe(0);
  });

  it("keeps a row written to the table while it fills, over the seeded row with the same key", async () => {
    const clerkRow = { ...rows[rows.length - 1], result: ExaminationResult.CONTRAINDICATION, version: 2 };
    let clerkWrite: Promise<unknown> | undefined;
    await insertMissing(db, { entity: HealthExamination, rows }, () => {
      clerkWrite ??= db.getRepository(HealthExamination).insert(clerkRow);
    });
    await clerkWrite;
    expect(await count()).toBe(rows.length);
    expect(await db.getRepository(HealthExamination).findOneByOrFail({ id: clerkRow.id })).toEqual(clerkRow);
  });

  it("interrupted, leaves the table empty and whole; the next run drops what was left and fills it", async () => {
    const [before, tablesBefore] = [await definition(), await tables()];
    const interrupted = insertMissing(db, { entity: HealthExamination, rows }, () => {
      throw new Error("interrupted");
    });
    await expect(interrupted).rejects.toThrow("interrupted");
    expect(await count()).toBe(0);
    expect(await definition()).toBe(before);
    expect(await tables()).toEqual(tablesBefore);

    // A process killed mid-fill leaves its half-filled copy; killed just after the swap, the replaced table with a clerk's row.
    await db.query("CREATE TABLE health_examination__seeding LIKE health_examination");
    await db.query(
      "INSERT INTO health_examination__seeding (id, pid, credit_code, examined_on, kind, result) VALUES ('HE-X', ?, ?, ?, ?, ?)",
      [rows[0].pid, rows[0].creditCode, rows[0].examinedOn, rows[0].kind, rows[0].result],
    );
    const clerkRow = { ...rows[1], result: ExaminationResult.RECHECK, version: 3 };
    await db.query("CREATE TABLE health_examination__replaced LIKE health_examination");
    await db.query(
      "INSERT INTO health_examination__replaced (id, pid, credit_code, examined_on, kind, result, version) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [clerkRow.id, clerkRow.pid, clerkRow.creditCode, clerkRow.examinedOn, clerkRow.kind, clerkRow.result, clerkRow.version],
    );
    await insertMissing(db, { entity: HealthExamination, rows });
    expect(await count()).toBe(rows.length);
    expect(await db.getRepository(HealthExamination).findOneByOrFail({ id: clerkRow.id })).toEqual(clerkRow);
    expect(await tables()).toEqual(tablesBefore);
    expect(await definition()).toBe(before);
  });
});
