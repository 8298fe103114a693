import type { AuditLog } from "./audit";
import type { GrantBook } from "./grants";

export interface SubgraphHealth {
  status: "up" | "down";
  latencyMs?: number;
  error?: string;
}

export interface HubHealth {
  status: "ok" | "degraded";
  subgraphs: Record<string, SubgraphHealth>;
  /** Governance is ready when the audit store answers and the grant book is fresh. */
  audit?: { status: "up" | "down"; seq?: number; error?: string };
  grants?: { status: "fresh" | "stale"; refreshedAt: string | null };
}

const healthTimeoutMs = 2000;

async function probe(graphqlUrl: string): Promise<SubgraphHealth> {
  const started = performance.now();
  try {
    const response = await fetch(new URL("/health", graphqlUrl), { signal: AbortSignal.timeout(healthTimeoutMs) });
    const latencyMs = Math.round(performance.now() - started);
    return response.ok ? { status: "up", latencyMs } : { status: "down", latencyMs, error: `health answered HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
    return { status: "down", error: cause ?? (error as Error).name };
  }
}

async function auditHealth(audit: AuditLog): Promise<NonNullable<HubHealth["audit"]>> {
  try {
    return { status: "up", seq: (await audit.store.head()).seq };
  } catch (error) {
    return { status: "down", error: (error as Error).message };
  }
}

/**
 * Asks every subgraph's /health at once, and checks the audit store and the grant book; the hub
 * is degraded while any subgraph is down, the audit store cannot be read or the grants are stale.
 */
export async function hubHealth(urls: Record<string, string>, governance?: { audit: AuditLog; grants: GrantBook }): Promise<HubHealth> {
  const [entries, audit] = await Promise.all([
    Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await probe(url)] as const)),
    governance && auditHealth(governance.audit),
  ]);
  const grants = governance && {
    status: governance.grants.isFresh() ? ("fresh" as const) : ("stale" as const),
    refreshedAt: governance.grants.refreshedAt?.toISOString() ?? null,
  };
  const ok = entries.every(([, health]) => health.status === "up") && audit?.status !== "down" && grants?.status !== "stale";
  return { status: ok ? "ok" : "degraded", subgraphs: Object.fromEntries(entries), ...(audit ? { audit, grants } : {}) };
}
