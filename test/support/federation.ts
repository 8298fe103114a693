import { composeSupergraph } from "../../kernel/compose";
import type { CallIdentity } from "../../kernel/identity";
import type { GraphQLBody } from "../../kernel/http";
import { trustedKeys } from "../../kernel/identity";
import { createLogger } from "../../kernel/logger";
import { insertMissing } from "../../kernel/seeding";
import { startSubgraph, type RunningSubgraph } from "../../kernel/subgraph";
import { startGateway } from "../../gateway/server";
import { subgraphs } from "../../subgraphs";
import { generateCity, type City } from "../../synthetic/city";
import { testDatabase } from "./database";
import { testKeys, type TestKeys } from "./keys";

export interface ReceivedCall {
  identity: CallIdentity;
  body: GraphQLBody;
}

export interface Federation {
  city: City;
  keys: TestKeys;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** Every call each subgraph accepted, in order. */
  received: Record<string, ReceivedCall[]>;
  post: (body: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;
  stop: () => Promise<void>;
}

const silent = createLogger("test", "silent");

/**
 * The whole hub in this process, every part over real loopback HTTP: each subgraph on its own
 * port and database (embedded, or MySQL when LIANFANG_MYSQL_URL is set) seeded with a small
 * synthetic city, and the gateway composed from them.
 */
export async function startFederation(options: { without?: string[]; maxBodyBytes?: number } = {}): Promise<Federation> {
  const keys = await testKeys();
  const database = testDatabase();
  const city = generateCity({ size: { enterprises: 80, persons: 1500 }, seed: 7, linkingSecret: keys.linkingSecret });
  const received: Record<string, ReceivedCall[]> = {};
  const running: Record<string, RunningSubgraph> = {};
  for (const definition of subgraphs) {
    received[definition.name] = [];
    const subgraph = await startSubgraph(definition, {
      port: 0,
      mysqlUrl: database.mysqlUrl,
      dbPrefix: database.dbPrefix,
      gatewayKey: keys.gatewayVerifyingKey,
      linkingSecret: keys.linkingSecret,
      logger: silent,
      observe: (call) => received[definition.name].push(call),
    });
    for (const entityRows of definition.demo(city)) await insertMissing(subgraph.db, entityRows);
    running[definition.name] = subgraph;
  }
  const subgraphUrls = Object.fromEntries(Object.entries(running).map(([name, subgraph]) => [name, subgraph.url]));
  const { supergraphSdl } = await composeSupergraph(subgraphs, (name) => subgraphUrls[name]);
  for (const name of options.without ?? []) await running[name].stop();
  const gateway = await startGateway({
    port: 0,
    supergraphSdl,
    subgraphUrls,
    trustedKeys: trustedKeys(keys.trustedAgencyKeys),
    signingKey: keys.gatewaySigningKey,
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    introspection: false,
    logger: silent,
  });
  return {
    city,
    keys,
    gatewayUrl: gateway.url,
    subgraphUrls,
    received,
    post: async (body, headers = {}) => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    stop: async () => {
      await gateway.stop();
      for (const [name, subgraph] of Object.entries(running)) if (!options.without?.includes(name)) await subgraph.stop();
      await database.drop();
      keys.remove();
    },
  };
}
