import { Counter, Registry, collectDefaultMetrics } from "prom-client";

/** One registry per process, served at `/metrics` in Prometheus text format. */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics });

export const sqlStatements = new Counter({
  name: "lianfang_sql_statements_total",
  help: "SQL statements run, by subgraph and first table",
  labelNames: ["subgraph", "table"] as const,
  registers: [metrics],
});
