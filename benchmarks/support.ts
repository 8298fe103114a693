import mysql from "mysql2/promise";

/** A numeric command-line option, `--name value`. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Drops the MySQL databases a benchmark made under its own prefix. */
export async function dropBenchDatabases(mysqlUrl: string, prefix: string): Promise<void> {
  const connection = await mysql.createConnection({ uri: mysqlUrl });
  // `_` and `%` in the prefix are themselves, not LIKE's wildcards: lfreportbench_ must not match lfreportlarge_.
  const [rows] = await connection.query<mysql.RowDataPacket[]>("SHOW DATABASES LIKE ?", [`${prefix.replace(/[\\%_]/g, "\\$&")}%`]);
  for (const row of rows) await connection.query(mysql.format("DROP DATABASE ??", [Object.values(row)[0]]));
  await connection.end();
}
