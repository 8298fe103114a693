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

/**
 * Stops the process cleanly on SIGINT or SIGTERM and, when the hub started it (with an IPC
 * channel), once that channel closes: the hub is gone, however it ended, and a department left
 * running would hold its port and its database connections for good.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ reason }, "stopping");
      await stop();
      process.exit(0);
    })());
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  if (process.connected) process.once("disconnect", () => void shutdown("the hub that started this process is gone"));
}
