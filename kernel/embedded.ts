/** How long a statement waits for another process's write lock on an embedded file (several gateways may share one). */
export const embeddedBusyTimeoutMs = 10_000;

/**
 * Every connection to an embedded file: a write-ahead log, and a commit on disk (synchronous =
 * FULL) before it is acknowledged, so a crash at any moment leaves the last committed state,
 * never a torn file. Temporary storage (statement journals, sorts) is kept in memory: it is never
 * read after a crash, and as files it cost a write per page a statement changes (the audit's
 * subject index, thousands of rows per statement, spent a twentieth of its CPU there).
 * Kept apart from the database module so a writer thread need not load TypeORM.
 */
export function prepareEmbeddedConnection(connection: { pragma: (sql: string) => unknown }): void {
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL");
  connection.pragma("temp_store = MEMORY");
}
