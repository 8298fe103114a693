import { StartupError } from "./errors";
import type { Logger } from "./logger";

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
