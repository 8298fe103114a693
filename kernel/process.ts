import { z } from "zod";
import { type City, generateCity } from "../synthetic/city";
import { commonVariables, keyDirectory, port, readConfig } from "./config";
import { StartupError } from "./errors";
import { loadGatewayVerifyingKey, loadLinkingSecret } from "./keys";
import { createLogger, type Logger } from "./logger";
import { startSubgraph, type SubgraphDefinition } from "./subgraph";

const subgraphVariables = {
  ...commonVariables,
  PORT: port(0),
  HOST: z.string().default("127.0.0.1"),
  /** Seed the synthetic city at this scale on start (idempotent); unset, seed nothing. */
  LIANFANG_DEMO_SCALE: z.enum(["small", "city", "large"]).optional(),
  LIANFANG_DEMO_SEED: z.coerce.number().int().default(2024),
};

/** Stops the process on a start-up failure with the variable at fault, never a stack of internals. */
export function exitOnStartupError(logger: Logger, error: unknown): never {
  if (error instanceof StartupError) {
    logger.fatal({ variable: error.variable }, error.message);
    process.stderr.write(`lianfang: cannot start: ${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "cannot start");
  }
  process.exit(1);
}

export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** The body of every `subgraphs/<name>/main.ts`: configure, migrate, seed if asked, serve. */
export async function runSubgraphProcess(definition: SubgraphDefinition<City>): Promise<void> {
  const logger = createLogger(definition.name);
  try {
    const config = readConfig(subgraphVariables);
    const keyDir = keyDirectory(config);
    const subgraph = await startSubgraph(definition, {
      port: config.PORT,
      host: config.HOST,
      mysqlUrl: config.LIANFANG_MYSQL_URL,
      dbPrefix: config.LIANFANG_DB_PREFIX,
      dataDir: config.LIANFANG_DATA_DIR,
      gatewayKey: await loadGatewayVerifyingKey(keyDir),
      logger,
    });
    if (config.LIANFANG_DEMO_SCALE) {
      const city = generateCity({ scale: config.LIANFANG_DEMO_SCALE, seed: config.LIANFANG_DEMO_SEED, linkingSecret: loadLinkingSecret(keyDir) });
      await definition.seedDemo(subgraph.db, city);
      logger.info({ scale: city.scale, seed: city.seed }, "demo city seeded");
    }
    onShutdown(logger, subgraph.stop);
    process.send?.({ ready: definition.name, url: subgraph.url });
  } catch (error) {
    exitOnStartupError(logger, error);
  }
}
