import type http from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import type { KeyLike } from "jose";
import { close, createHttpServer, listen } from "../kernel/http";
import { type TrustedKeys } from "../kernel/identity";
import { createLogger, type Logger } from "../kernel/logger";
import { metrics } from "../kernel/metrics";
import { gatewayContext, type GatewayContext } from "./context";
import { hubHealth } from "./health";
import { SignedDataSource } from "./signed-data-source";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph answers, by name. */
  subgraphUrls: Record<string, string>;
  trustedKeys: TrustedKeys;
  signingKey: KeyLike;
  maxBodyBytes: number;
  introspection: boolean;
  logger?: Logger;
}

export interface Gateway {
  server: http.Server;
  stop: () => Promise<void>;
}

/** Builds the gateway's HTTP server without listening, so tests and `main.ts` choose where it runs. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger("gateway");
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const configured = options.subgraphUrls[name] ?? url;
      if (!configured) throw new Error(`no URL for subgraph ${name}`);
      return new SignedDataSource(name, configured, options.signingKey);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    logger,
  });
  await apollo.start();
  const server = createHttpServer<GatewayContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes,
    context: (request) => gatewayContext(request, options.trustedKeys),
    routes: {
      "/health": async () => {
        const health = await hubHealth(options.subgraphUrls);
        return { status: health.status === "ok" ? 200 : 503, contentType: "application/json", body: JSON.stringify(health) };
      },
      "/metrics": async () => ({ status: 200, contentType: metrics.contentType, body: await metrics.metrics() }),
    },
  });
  return {
    server,
    stop: async () => {
      await close(server);
      await apollo.stop();
    },
  };
}

export async function startGateway(options: GatewayOptions & { port: number; host?: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  const gateway = await createGateway(options);
  const origin = await listen(gateway.server, options.port, options.host);
  return { url: `${origin}/graphql`, stop: gateway.stop };
}
