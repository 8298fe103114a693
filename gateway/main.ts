import { z } from "zod";
import { commonVariables, keyDirectory, port, readConfig } from "../kernel/config";
import { trustedKeys } from "../kernel/identity";
import { loadGatewaySigningKey, loadTrustedAgencyKeys } from "../kernel/keys";
import { createLogger } from "../kernel/logger";
import { exitOnStartupError, onShutdown } from "../kernel/lifecycle";
import { startGateway } from "./server";
import { readSupergraph, subgraphUrlVariable, subgraphsOf, supergraphFile } from "./supergraph";

const gatewayVariables = {
  ...commonVariables,
  PORT: port(4000),
  HOST: z.string().default("127.0.0.1"),
  LIANFANG_SUPERGRAPH: z.string().default(supergraphFile),
  LIANFANG_MAX_BODY_BYTES: z.coerce.number().int().positive().default(100_000),
  LIANFANG_INTROSPECTION: z.enum(["true", "false"]).default("false"),
};

async function main(): Promise<void> {
  const logger = createLogger("gateway");
  try {
    const config = readConfig(gatewayVariables);
    const supergraphSdl = readSupergraph(config.LIANFANG_SUPERGRAPH);
    const graphs = subgraphsOf(supergraphSdl);
    // Each subgraph's address: its LIANFANG_<NAME>_URL, else the URL it was composed with.
    const urls = readConfig(Object.fromEntries(graphs.map(({ name, url }) => [subgraphUrlVariable(name), z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://hrss:4001/graphql" }).default(url)])));
    const keyDir = keyDirectory(config);
    const gateway = await startGateway({
      port: config.PORT,
      host: config.HOST,
      supergraphSdl,
      subgraphUrls: Object.fromEntries(graphs.map(({ name }) => [name, String(urls[subgraphUrlVariable(name)])])),
      trustedKeys: trustedKeys(loadTrustedAgencyKeys(keyDir)),
      signingKey: await loadGatewaySigningKey(keyDir),
      maxBodyBytes: config.LIANFANG_MAX_BODY_BYTES,
      introspection: config.LIANFANG_INTROSPECTION === "true",
      logger,
    });
    logger.info({ url: gateway.url }, "gateway listening");
    onShutdown(logger, gateway.stop);
    process.send?.({ ready: "gateway", url: gateway.url });
  } catch (error) {
    exitOnStartupError(logger, error);
  }
}

void main();
