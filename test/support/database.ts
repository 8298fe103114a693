import mysql from "mysql2/promise";

/**
 * The database a test runs on: embedded by default, MySQL when LIANFANG_MYSQL_URL is set. Each
 * test file gets its own database prefix, so files run in parallel and leave nothing behind.
 */
export interface TestDatabase {
  mysqlUrl?: string;
  dbPrefix: string;
  drop: () => Promise<void>;
}

let files = 0;

export function testDatabase(): TestDatabase {
  const mysqlUrl = process.env.LIANFANG_MYSQL_URL || undefined;
  const dbPrefix = `lftest_${process.pid}_${files++}_`;
  return {
    mysqlUrl,
    dbPrefix,
    drop: async () => {
      if (!mysqlUrl) return;
      const connection = await mysql.createConnection({ uri: mysqlUrl });
      try {
        const [rows] = await connection.query<mysql.RowDataPacket[]>("SHOW DATABASES LIKE ?", [`${dbPrefix}%`]);
        for (const row of rows) await connection.query(mysql.format("DROP DATABASE ??", [Object.values(row)[0]]));
      } finally {
        await connection.end();
      }
    },
  };
}
