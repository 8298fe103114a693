import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** One registry per process, served at `/metrics` in Prometheus text format. */
export const metrics = new Registry();
// The event-loop delay is sampled once a second, not every 10 ms (prom-client's default): its timer
// alone cost an idle process 8–9 ms of CPU a second; sampled, the percentiles still show stalls.
collectDefaultMetrics({ register: metrics, eventLoopMonitoringPrecision: 1000 });

export const sqlStatements = new Counter({
  name: "lianfang_sql_statements_total",
  help: "SQL statements run, by subgraph and first table",
  labelNames: ["subgraph", "table"] as const,
  registers: [metrics],
});

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestDuration = new Histogram({
  name: "lianfang_request_duration_seconds",
  help: "HTTP requests answered, by route, operation name and status",
  labelNames: ["route", "operation", "status"] as const,
  buckets: seconds,
  registers: [metrics],
});

export const subgraphFetchDuration = new Histogram({
  name: "lianfang_subgraph_fetch_duration_seconds",
  help: "Calls from the gateway to a subgraph, by subgraph and outcome (ok, error, unavailable, refused)",
  labelNames: ["subgraph", "outcome"] as const,
  buckets: seconds,
  registers: [metrics],
});

export const denials = new Counter({
  name: "lianfang_denials_total",
  help: "Operations refused by governance, by reason code",
  labelNames: ["reason"] as const,
  registers: [metrics],
});

export const rateLimited = new Counter({
  name: "lianfang_rate_limited_total",
  help: "Requests refused by a department's rate limit",
  labelNames: ["agency"] as const,
  registers: [metrics],
});

export const auditWrites = new Counter({
  name: "lianfang_audit_records_total",
  help: "Audit records committed or failed",
  labelNames: ["outcome"] as const,
  registers: [metrics],
});

export const auditCommitRecords = new Histogram({
  name: "lianfang_audit_commit_records",
  help: "Records per audit commit (group commit): one each means every record pays for its own transaction and disk sync",
  buckets: [1, 2, 4, 8, 16, 64, 500],
  registers: [metrics],
});

export const auditAnchorWrites = new Counter({
  name: "lianfang_audit_anchor_writes_total",
  help: "Writes of the audit chain's head to its anchor file, written or failed (a failing anchor falls behind the store)",
  labelNames: ["outcome"] as const,
  registers: [metrics],
});

export const grantBookRefreshes = new Counter({
  name: "lianfang_grant_book_refreshes_total",
  help: "Grant-book reads from the joint-prevention office, by outcome",
  labelNames: ["outcome"] as const,
  registers: [metrics],
});

/** Operation names are the caller's to choose: the first few hundred are labels, the rest one "other", so the registry stays bounded. */
const knownOperations = new Set<string>();
export function operationLabel(name: string | undefined): string {
  if (!name) return "anonymous";
  if (knownOperations.has(name)) return name;
  if (knownOperations.size >= 300 || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return "other";
  knownOperations.add(name);
  return name;
}
