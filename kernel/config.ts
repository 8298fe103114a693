import path from "node:path";
import { z } from "zod";
import { StartupError } from "./errors";

/** Variables every Lianfang process reads. Each is documented in the README. */
export const commonVariables = {
  LIANFANG_MYSQL_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+(\/)?$/, "must look like mysql://user:password@host:port (no database: each subgraph owns one)")
    .optional(),
  LIANFANG_DB_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,40}$/, "must be lower-case letters, digits and _")
    .default("lianfang_"),
  LIANFANG_DATA_DIR: z.string().min(1).default(path.resolve(process.cwd(), "data")),
  LIANFANG_KEY_DIR: z.string().min(1).optional(),
  /** How often the trusted key sets are checked for change (keys rotate without restarts). */
  LIANFANG_KEY_RELOAD_MS: z.coerce.number().int().positive().default(5000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * Reads and validates configuration; a bad variable stops the process with its name and the
 * reason, before anything is opened.
 */
export function readConfig<Shape extends z.ZodRawShape>(shape: Shape, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new StartupError(String(issue.path[0] ?? "configuration"), issue.message);
  }
  return result.data;
}

/** Where keys live: LIANFANG_KEY_DIR, or `keys/` inside the data folder. */
export function keyDirectory(config: { LIANFANG_DATA_DIR: string; LIANFANG_KEY_DIR?: string }): string {
  return config.LIANFANG_KEY_DIR ?? path.join(config.LIANFANG_DATA_DIR, "keys");
}
