import { Table, type QueryRunner } from "typeorm";

/**
 * Where the hub places an event (an accident, an injury, a diagnosis, an inspected enterprise, a
 * vehicle, a construction project, a complaint): in the region of the employer's registration,
 * read from its 统一社会信用代码. Every department records the employer's credit code, so every
 * department can apply this rule to its own rows; where an accident happened is known only to
 * emergency management, and an employer's address only to the departments that keep a register of it.
 */
export const employerRegionRule =
  "本报告各部分一律按用人单位登记地统计: 用人单位统一社会信用代码第3至8位 (登记管理机关行政区划码, GB/T 2260) 属于本地区的, 其事故、工伤、职业病、参保人员、联合检查对象, 营运车辆和道路运输经营许可, 施工项目及其安全检查和进场工人, 工会监督检查和职工投诉计入本地区; 不按事故发生地或劳动者户籍地统计。";

/** The registration region inside a credit code (GB 32100: characters 3 to 8). */
export const employerRegionOf = (creditCode: string): string => creditCode.slice(2, 8);

/**
 * The column as entities declare it. The database derives it from the credit code on every write
 * (a generated column), so no write path — mutation, batch upsert, import, seeding, a clerk's SQL —
 * can store a region that disagrees with the code; the hub never writes it.
 */
export const employerRegionColumn = { type: "varchar", length: 6, nullable: true, insert: false, update: false } as const;

/**
 * Adds `employer_region_code`, derived from `creditCodeColumn`, and back-fills it in the same
 * statement (a generated column is computed for every existing row), then the composite indexes
 * the region-scoped reports read by. MySQL/MariaDB store the value; SQLite can add only a virtual
 * generated column to an existing table, but an index on it stores the value all the same.
 */
export async function addEmployerRegion(
  queryRunner: QueryRunner,
  table: string,
  creditCodeColumn: string,
  /** Index name → columns (names at most 64 characters, MySQL's limit). */
  indices: Record<string, string[]>,
): Promise<void> {
  const storage = queryRunner.connection.options.type === "mysql" ? "STORED" : "VIRTUAL";
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  const expression = `substr(${escape(creditCodeColumn)}, 3, 6)`;
  await queryRunner.query(
    `ALTER TABLE ${escape(table)} ADD COLUMN ${escape("employer_region_code")} varchar(6) GENERATED ALWAYS AS (${expression}) ${storage}`,
  );
  if (storage === "VIRTUAL") await registerGeneratedColumn(queryRunner, table, expression);
  await createIndices(queryRunner, table, indices);
}

/**
 * Plain CREATE INDEX, the same on both databases: the ORM's index helpers re-read the table, and
 * on the embedded driver they rebuild it from what they read, which would lose a generated column.
 */
export async function createIndices(queryRunner: QueryRunner, table: string, indices: Record<string, string[]>): Promise<void> {
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  for (const [name, columns] of Object.entries(indices)) {
    await queryRunner.query(`CREATE INDEX ${escape(name)} ON ${escape(table)} (${columns.map(escape).join(", ")})`);
  }
}

export async function dropIndices(queryRunner: QueryRunner, table: string, indices: Record<string, string[]>): Promise<void> {
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  const mysql = queryRunner.connection.options.type === "mysql";
  for (const name of Object.keys(indices)) {
    await queryRunner.query(`DROP INDEX ${escape(name)}${mysql ? ` ON ${escape(table)}` : ""}`);
  }
}

/**
 * On the embedded driver TypeORM rebuilds a table to change it (a later migration's addColumn), and
 * keeps a generated column only if its own `typeorm_metadata` table records the expression.
 */
async function registerGeneratedColumn(queryRunner: QueryRunner, table: string, expression: string): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: "typeorm_metadata",
      columns: [
        { name: "type", type: "varchar", isNullable: false },
        ...["database", "schema", "table", "name"].map((name) => ({ name, type: "varchar", isNullable: true })),
        { name: "value", type: "text", isNullable: true },
      ],
    }),
    true,
  );
  await queryRunner.query(`INSERT INTO "typeorm_metadata" ("type", "table", "name", "value") VALUES (?, ?, ?, ?)`, [
    "GENERATED_COLUMN",
    table,
    "employer_region_code",
    expression,
  ]);
}

export async function dropEmployerRegion(queryRunner: QueryRunner, table: string, indices: Record<string, string[]>): Promise<void> {
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  await dropIndices(queryRunner, table, indices);
  if (queryRunner.connection.options.type !== "mysql") {
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = ? AND "table" = ? AND "name" = ?`, [
      "GENERATED_COLUMN",
      table,
      "employer_region_code",
    ]);
  }
  await queryRunner.query(`ALTER TABLE ${escape(table)} DROP COLUMN ${escape("employer_region_code")}`);
}
