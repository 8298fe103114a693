import type http from "node:http";
import type { IncomingMessage } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { SigningKey, TrustedKeys } from "../kernel/trusted-keys";
import type { DataSource } from "typeorm";
import { readCatalogue } from "../kernel/catalogue";
import { close, createHttpServer, listen, type Route } from "../kernel/http";
import { createLogger, type Logger } from "../kernel/logger";
import type { MaskPatterns } from "../kernel/masking";
import { metrics } from "../kernel/metrics";
import type { Clock } from "../kernel/clock";
import type { AuditKey } from "../kernel/keys";
import { AuditLog, HeadAnchor, auditEntryFor, defaultAuditCommitDelayMs } from "./audit";
import { AuditStore } from "./audit-store";
import { auditHead, auditTrail } from "./audit-trail";
import { gatewayContext, purposeHeader, type GatewayContext, type RefusalRecorder } from "./context";
import { governancePlugin, type GovernanceOptions, type Limits } from "./governance";
import { GrantBook } from "./grants";
import { hubHealth } from "./health";
import { RateLimiter } from "./rate-limit";
import { repeatedErrorsOncePlugin } from "./repeated-errors";
import { SignedDataSource, SubgraphConnections, type SubgraphCallOptions } from "./signed-data-source";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Omitted only to measure what governance costs (benchmarks); every real gateway governs. */
  governance?: GovernanceOptions;
  /** Requests per second per department (bursts of twice that). */
  rateLimitPerSecond: number;
  /** The rate limiter's milliseconds; the machine's clock unless a test freezes it. */
  rateLimitClock?: () => number;
  /** Where each subgraph answers, by name. */
  subgraphUrls: Record<string, string>;
  trustedKeys: TrustedKeys;
  /** The department servers' keys: each answer's report of whose data it served is checked with them. */
  trustedSubgraphKeys: TrustedKeys;
  signingKey: SigningKey;
  /** Timeout and circuit breaker of every subgraph call. */
  subgraphCalls?: SubgraphCallOptions;
  maxBodyBytes: number;
  introspection: boolean;
  logger?: Logger;
  /** More routes, such as the console's (gateway/console.ts). */
  routes?: Record<string, Route>;
}

export const defaultSubgraphCalls: SubgraphCallOptions = { timeoutMs: 10_000, breaker: { failures: 5, cooldownMs: 10_000 } };

export interface Gateway {
  server: http.Server;
  stop: () => Promise<void>;
}

/** Builds the gateway's HTTP server without listening, so tests and `main.ts` choose where it runs. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger("gateway");
  const connections = new SubgraphConnections();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const configured = options.subgraphUrls[name] ?? url;
      if (!configured) throw new Error(`no URL for subgraph ${name}`);
      return new SignedDataSource(
        name,
        configured,
        options.signingKey,
        options.trustedSubgraphKeys,
        options.subgraphCalls ?? defaultSubgraphCalls,
        connections,
      );
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    // "Did you mean …" would name fields to a caller who may not introspect.
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: false,
    // The purpose header is a preflight header too: GET queries that state a purpose are no CSRF risk.
    csrfPrevention: { requestHeaders: ["x-apollo-operation-name", "apollo-require-preflight", purposeHeader] },
    // No landing page: Apollo's loads Sandbox from a CDN a government network cannot reach; the console is at `/`.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      repeatedErrorsOncePlugin,
      ...(options.governance ? [governancePlugin(options.governance)] : []),
    ],
    logger,
  });
  await apollo.start();
  const limiter = new RateLimiter(options.rateLimitPerSecond, options.rateLimitClock);
  const audit = options.governance?.audit;
  const recordRefusal: RefusalRecorder | undefined =
    audit &&
    (async (identity, body, code) => {
      const entry = auditEntryFor(identity, {
        operationName: body.operationName ?? null,
        query: body.query ?? "",
        fieldsRead: {},
        pids: [],
        creditCodes: [],
        outcome: `DENIED:${code}`,
      });
      await audit
        .append(entry)
        .catch((error: Error) => logger.error({ err: error.message, requestId: identity.requestId }, "refusal not audited"));
    });
  const server = createHttpServer<GatewayContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes,
    logger,
    context: (request, body) => gatewayContext(request, body, options.trustedKeys, limiter, recordRefusal),
    routes: {
      ...options.routes,
      "/health": async () => {
        const health = await hubHealth(options.subgraphUrls, options.governance);
        return { status: health.status === "ok" ? 200 : 503, contentType: "application/json", body: JSON.stringify(health) };
      },
      "/metrics": async () => ({ status: 200, contentType: metrics.contentType, body: await metrics.metrics() }),
      ...(audit
        ? {
            "/audit": (request: IncomingMessage) => auditTrail(request, audit, options.trustedKeys),
            "/audit/head": (request: IncomingMessage) => auditHead(request, audit, options.trustedKeys),
          }
        : {}),
    },
  });
  return {
    server,
    stop: async () => {
      await close(server);
      await apollo.stop();
      await connections.close();
    },
  };
}

export async function startGateway(
  options: GatewayOptions & { port: number; host?: string },
): Promise<{ url: string; stop: () => Promise<void> }> {
  const gateway = await createGateway(options);
  const origin = await listen(gateway.server, options.port, options.host);
  return { url: `${origin}/graphql`, stop: gateway.stop };
}

export interface GovernanceSetup {
  supergraphSdl: string;
  /** Where the joint-prevention office answers: the grant book reads its grants there. */
  coordinationUrl: string;
  signingKey: SigningKey;
  limits: Limits;
  masks: MaskPatterns;
  /** The audit store: the gateway's own database, `<prefix>audit`. */
  database: { mysqlUrl?: string; dbPrefix: string; dataDir?: string };
  /** Where the chain's head is anchored, outside the audit store. */
  auditHeadFile: string;
  /** Signs every audit record; the store never holds it. */
  auditKey: AuditKey;
  /** The operator's acknowledgement of a store that does not match its anchor: the store's newest seq. */
  acknowledgeAuditSeq?: number;
  /** The longest an audit commit waits for the records of requests under way (`defaultAuditCommitDelayMs`). */
  auditCommitDelayMs?: number;
  /** The time grants expire by; the machine's clock unless a test sets it. */
  clock?: Clock;
  logger: Logger;
}

/** How often the chain's head is written to the log, for an export outside the hub. */
const headLogIntervalMs = 60_000;

/** Opens the audit store and starts the grant book: everything governance needs, and how to close it. */
export async function openGovernance(
  setup: GovernanceSetup,
): Promise<{ governance: GovernanceOptions; auditDb: DataSource; close: () => Promise<void> }> {
  const store = await AuditStore.open(setup.database, setup.logger);
  const audit = new AuditLog(store, new HeadAnchor(setup.auditHeadFile), setup.auditKey, setup.logger, {
    commitDelayMs: setup.auditCommitDelayMs ?? defaultAuditCommitDelayMs,
  });
  try {
    await audit.checkAnchor(setup.acknowledgeAuditSeq);
  } catch (error) {
    await store.close();
    throw error;
  }
  let logged = -1;
  const logHead = async () => {
    const head = await store.head();
    if (head.seq !== logged) setup.logger.info({ auditHead: head }, "audit head");
    logged = head.seq;
  };
  const headLogger = setInterval(() => void logHead().catch(() => undefined), headLogIntervalMs);
  headLogger.unref();
  const grants = new GrantBook(setup.coordinationUrl, setup.signingKey, setup.logger, setup.clock);
  grants.start();
  return {
    governance: {
      catalogue: readCatalogue(setup.supergraphSdl),
      grants,
      audit,
      limits: setup.limits,
      masks: setup.masks,
      logger: setup.logger,
    },
    auditDb: store.db,
    close: async () => {
      grants.stop();
      clearInterval(headLogger);
      await logHead().catch(() => undefined);
      await audit.close();
    },
  };
}
