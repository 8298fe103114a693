export interface SubgraphHealth {
  status: "up" | "down";
  latencyMs?: number;
  error?: string;
}

export interface HubHealth {
  status: "ok" | "degraded";
  subgraphs: Record<string, SubgraphHealth>;
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

/** Asks every subgraph's /health at once; the hub is degraded while any one is down. */
export async function hubHealth(urls: Record<string, string>): Promise<HubHealth> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await probe(url)] as const));
  const subgraphs = Object.fromEntries(entries);
  return { status: entries.every(([, health]) => health.status === "up") ? "ok" : "degraded", subgraphs };
}
