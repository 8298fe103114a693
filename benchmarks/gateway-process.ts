import "reflect-metadata";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readSupergraph } from "../kernel/compose";
import { createLogger } from "../kernel/logger";
import { subgraphsOf } from "../gateway/supergraph";
import { startBenchGateway } from "./support";

/**
 * One gateway of the side-by-side benchmark (benchmarks/gateways.ts) in its own process, so that
 * its CPU time and memory are its own: `ungoverned` is Lianfang's gateway without governance
 * (still authenticating callers and signing calls), `apollo` a bare @apollo/gateway in
 * @apollo/server's standalone server, as its documentation sets one up. The governed gateway
 * is the real one, gateway/main.ts. Reads BENCH_GATEWAY, LIANFANG_SUPERGRAPH and LIANFANG_KEY_DIR.
 */
async function main(): Promise<void> {
  const supergraphSdl = readSupergraph(String(process.env.LIANFANG_SUPERGRAPH));
  const logger = createLogger("benchmark", "warn");
  let url: string;
  if (process.env.BENCH_GATEWAY === "ungoverned") {
    const gateway = await startBenchGateway({
      keyDir: String(process.env.LIANFANG_KEY_DIR),
      supergraphSdl,
      subgraphUrls: Object.fromEntries(subgraphsOf(supergraphSdl).map(({ name, url: address }) => [name, address])),
      logger,
    });
    url = gateway.url;
  } else if (process.env.BENCH_GATEWAY === "apollo") {
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl, logger }), logger });
    ({ url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } }));
    url = new URL("/graphql", url).toString();
  } else {
    throw new Error(`BENCH_GATEWAY must be ungoverned or apollo, not ${process.env.BENCH_GATEWAY}`);
  }
  process.send?.({ ready: process.env.BENCH_GATEWAY, url });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
