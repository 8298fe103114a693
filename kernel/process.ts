import fs from "node:fs";
import { z } from "zod";
import { type City, type Scale, generateCity, scales } from "../synthetic/city";
import { unsignedCallIdentity } from "./benchmark-calls";
import { addHolidayNotices } from "./calendar";
import { commonVariables, keyDirectory, port, readConfig } from "./config";
import { loadLinkingSecret, loadSubgraphSigningKey, trustedKeyFile } from "./keys";
import { StartupError } from "./errors";
import { exitOnStartupError, onShutdown } from "./lifecycle";
import { createLogger } from "./logger";
import { insertMissing } from "./seeding";
import { startSubgraph, type SubgraphDefinition } from "./subgraph";
import { startTracing } from "./tracing";
import { watchTrustedKeys } from "./trusted-keys";

const subgraphVariables = {
  ...commonVariables,
  PORT: port(0),
  HOST: z.string().default("127.0.0.1"),
  /** Seed the synthetic city at this scale on start (idempotent); unset, seed nothing. */
  LIANFANG_DEMO_SCALE: z.enum(Object.keys(scales) as [Scale, ...Scale[]]).optional(),
  LIANFANG_DEMO_SEED: z.coerce.number().int().default(2024),
  /** A JSON file of holiday notices published after this release (the shape of reference/statutory-holidays.ts). */
  LIANFANG_HOLIDAY_NOTICES: z.string().min(1).optional(),
};

function loadHolidayNotices(file: string): void {
  try {
    addHolidayNotices(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (error) {
    throw new StartupError("LIANFANG_HOLIDAY_NOTICES", `${file}: ${(error as Error).message}`);
  }
}

/** The body of every `subgraphs/<name>/main.ts`: configure, migrate, seed if asked, serve. */
export async function runSubgraphProcess(definition: SubgraphDefinition<City>): Promise<void> {
  const logger = createLogger(definition.name);
  const stopTracing = startTracing(`lianfang-${definition.name}`);
  try {
    const config = readConfig(subgraphVariables);
    if (config.LIANFANG_HOLIDAY_NOTICES) loadHolidayNotices(config.LIANFANG_HOLIDAY_NOTICES);
    const keyDir = keyDirectory(config);
    const linkingSecret = loadLinkingSecret(keyDir);
    const gatewayKeys = watchTrustedKeys(trustedKeyFile(keyDir, "gateway"), { intervalMs: config.LIANFANG_KEY_RELOAD_MS, logger });
    const subgraph = await startSubgraph(definition, {
      port: config.PORT,
      host: config.HOST,
      mysqlUrl: config.LIANFANG_MYSQL_URL,
      dbPrefix: config.LIANFANG_DB_PREFIX,
      dataDir: config.LIANFANG_DATA_DIR,
      gatewayKeys: gatewayKeys.keys,
      signingKey: await loadSubgraphSigningKey(keyDir, definition.name),
      linkingSecret,
      logger,
      unsignedCallIdentity: unsignedCallIdentity(process.env, config.HOST),
    });
    if (config.LIANFANG_DEMO_SCALE) {
      const city = generateCity({ size: scales[config.LIANFANG_DEMO_SCALE], seed: config.LIANFANG_DEMO_SEED, linkingSecret });
      for (const entityRows of definition.demo(city)) await insertMissing(subgraph.db, entityRows);
      logger.info({ scale: config.LIANFANG_DEMO_SCALE, seed: city.seed }, "demo city seeded");
    }
    onShutdown(logger, async () => {
      await subgraph.stop();
      await stopTracing?.();
    });
    process.send?.({ ready: definition.name, url: subgraph.url });
  } catch (error) {
    exitOnStartupError(logger, error);
  }
}
