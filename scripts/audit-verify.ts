import "reflect-metadata";
import { HeadAnchor, headAnchorFile, openAuditStore, verifyAuditChain } from "../gateway/audit";
import { commonVariables, readConfig } from "../kernel/config";
import { createLogger } from "../kernel/logger";

/**
 * `npm run audit:verify`: recomputes the gateway's audit chain from its first record, checks it
 * against the head anchored in the data folder, and names the first record altered, deleted or
 * inserted. Exits 1 when the chain is broken.
 */
async function main(): Promise<void> {
  const config = readConfig(commonVariables);
  const db = await openAuditStore(
    { mysqlUrl: config.LIANFANG_MYSQL_URL, dbPrefix: config.LIANFANG_DB_PREFIX, dataDir: config.LIANFANG_DATA_DIR },
    createLogger("audit-verify", "warn"),
  );
  try {
    const check = await verifyAuditChain(db, new HeadAnchor(headAnchorFile(config.LIANFANG_DATA_DIR, config.LIANFANG_DB_PREFIX)).read());
    if (check.ok) {
      process.stdout.write(`audit chain intact: ${check.checked} records\n`);
    } else {
      process.stdout.write(
        `audit chain BROKEN at record ${check.firstBroken?.seq}: ${check.firstBroken?.problem} (${check.checked} records verified before it)\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
