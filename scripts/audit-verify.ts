import "reflect-metadata";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { HeadAnchor, headAnchorFile } from "../gateway/audit";
import { verifyChain, type ChainHead } from "../gateway/audit-chain";
import { AuditStore } from "../gateway/audit-store";
import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { loadAuditVerifyingKeys } from "../kernel/keys";
import { createLogger } from "../kernel/logger";

/** Heads exported earlier (`GET /audit/head` or the gateway's "audit head" log lines), one JSON object a line. */
function exportedHeads(file: string): ChainHead[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const parsed = JSON.parse(line) as { seq?: number; hash?: string; auditHead?: ChainHead };
      const head = parsed.auditHead ?? parsed;
      if (!Number.isInteger(head.seq) || typeof head.hash !== "string") throw new Error(`${file}: not an audit head: ${line}`);
      return { seq: head.seq as number, hash: head.hash as string };
    });
}

/**
 * `npm run audit:verify [-- --heads <file>]`: checks every record of the gateway's audit chain —
 * its hash, its number, its link, and the audit key's signature of its commit — against the head
 * anchored in the data folder and any heads exported outside the hub, and names every broken
 * range. Exits 1 when anything is broken.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { heads: { type: "string" } } });
  const config = readConfig(commonVariables);
  const store = await AuditStore.open(
    { mysqlUrl: config.LIANFANG_MYSQL_URL, dbPrefix: config.LIANFANG_DB_PREFIX, dataDir: config.LIANFANG_DATA_DIR },
    createLogger("audit-verify", "warn"),
  );
  try {
    const anchored = new HeadAnchor(headAnchorFile(config.LIANFANG_DATA_DIR, config.LIANFANG_DB_PREFIX)).read();
    const heads = [...(anchored ? [anchored] : []), ...(values.heads ? exportedHeads(values.heads) : [])];
    const check = await verifyChain(store.pages(), loadAuditVerifyingKeys(keyDirectory(config)), heads);
    if (check.ok) {
      process.stdout.write(`audit chain intact: ${check.checked} records\n`);
      return;
    }
    process.stdout.write(`audit chain BROKEN (${check.checked} records read):\n`);
    for (const range of check.broken) {
      process.stdout.write(
        `  ${range.from === range.to ? `record ${range.from}` : `records ${range.from} to ${range.to}`}: ${range.problem}\n`,
      );
    }
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
