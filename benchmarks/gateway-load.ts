/** The little of autocannon (which ships no types) that this script uses. */
interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  method: "POST";
  headers: Record<string, string>;
  requests: { setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }[];
}
interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
const autocannon = require("autocannon") as (options: LoadOptions) => Promise<LoadResult>;

/**
 * The load of one round of the side-by-side benchmark, in its own process so that it takes no
 * CPU from the measured gateway's: autocannon sends the bodies in turn, one counter shared by
 * all connections, so concurrent requests differ whenever the bodies do. Reads its plan as JSON
 * from argv[2] and prints its result as JSON.
 */
interface Plan {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  seconds: number;
  connections: number;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2]) as Plan;
  let next = 0;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    method: "POST",
    headers: { "content-type": "application/json", ...plan.headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: plan.bodies[next++ % plan.bodies.length] }) }],
  });
  process.stdout.write(
    JSON.stringify({
      answered: result.requests.total - result.non2xx,
      failed: result.errors + result.timeouts + result.non2xx,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
