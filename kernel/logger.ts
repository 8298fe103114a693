import pino, { type Logger } from "pino";

/**
 * Paths never written to a log in clear: credentials and personal data. Callers log identifiers
 * (pids, request ids), never ID numbers or phones, but redaction guards against mistakes.
 */
const redactedPaths = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "token",
  "*.token",
  "idNumber",
  "*.idNumber",
  "phone",
  "*.phone",
  "secret",
  "*.secret",
  "parameters",
  "*.parameters",
];

export type { Logger };

/** Structured JSON logs, one line per event, named by the process that writes them. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ name, level, redact: { paths: redactedPaths, censor: "[redacted]" } });
}
