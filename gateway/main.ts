import { z } from "zod";
import { readSupergraph, supergraphFile } from "../kernel/compose";
import { commonVariables, keyDirectory, port, readConfig } from "../kernel/config";
import { loadAuditSigningKey, loadGatewaySigningKey, trustedKeyFile } from "../kernel/keys";
import { exitOnStartupError, onShutdown } from "../kernel/lifecycle";
import { createLogger } from "../kernel/logger";
import { parseMaskPatterns, type MaskPatterns } from "../kernel/masking";
import { startTracing } from "../kernel/tracing";
import { watchTrustedKeys } from "../kernel/trusted-keys";
import { defaultAuditCommitDelayMs, headAnchorFile } from "./audit";
import { consoleRoutes, devSignInWanted } from "./console";
import { defaultLimits } from "./governance";
import { defaultSubgraphCalls, openGovernance, startGateway } from "./server";
import { subgraphUrlVariable, subgraphsOf } from "./supergraph";

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const gatewayVariables = {
  ...commonVariables,
  PORT: port(4000),
  HOST: z.string().default("127.0.0.1"),
  LIANFANG_SUPERGRAPH: z.string().default(supergraphFile),
  LIANFANG_MAX_BODY_BYTES: positive(100_000),
  LIANFANG_MAX_DEPTH: positive(defaultLimits.maxDepth),
  LIANFANG_MAX_ALIASES: positive(defaultLimits.maxAliases),
  LIANFANG_MAX_COST: positive(defaultLimits.maxCost),
  LIANFANG_RATE_LIMIT: positive(50),
  LIANFANG_SUBGRAPH_TIMEOUT_MS: positive(defaultSubgraphCalls.timeoutMs),
  LIANFANG_BREAKER_FAILURES: positive(defaultSubgraphCalls.breaker.failures),
  LIANFANG_BREAKER_COOLDOWN_MS: positive(defaultSubgraphCalls.breaker.cooldownMs),
  LIANFANG_INTROSPECTION: z.enum(["true", "false"]).default("false"),
  /** The operator's acknowledgement of an audit store that does not match its anchor: the store's newest record. */
  LIANFANG_AUDIT_ACKNOWLEDGE: z.coerce.number().int().nonnegative().optional(),
  LIANFANG_AUDIT_COMMIT_DELAY_MS: z.coerce.number().int().min(0).max(100).default(defaultAuditCommitDelayMs),
  LIANFANG_DEV_SIGNIN: z.enum(["true", "false"]).optional(),
  LIANFANG_MASK_PATTERNS: z
    .string()
    .default("")
    .transform((text, context) => {
      const patterns = parseMaskPatterns(text);
      if (typeof patterns === "string") context.addIssue({ code: "custom", message: patterns });
      return patterns as MaskPatterns;
    }),
};

async function main(): Promise<void> {
  const logger = createLogger("gateway");
  const stopTracing = startTracing("lianfang-gateway");
  try {
    const config = readConfig(gatewayVariables);
    const supergraphSdl = readSupergraph(config.LIANFANG_SUPERGRAPH);
    const graphs = subgraphsOf(supergraphSdl);
    // Each subgraph's address: its LIANFANG_<NAME>_URL, else the URL it was composed with.
    const urls = readConfig(
      Object.fromEntries(
        graphs.map(({ name, url }) => [
          subgraphUrlVariable(name),
          z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://hrss:4001/graphql" }).default(url),
        ]),
      ),
    );
    const subgraphUrls = Object.fromEntries(graphs.map(({ name }) => [name, String(urls[subgraphUrlVariable(name)])]));
    const keyDir = keyDirectory(config);
    // The gateway's own key is read once: a rotated key takes over at the next (rolling) restart,
    // while the departments already trust it beside the old one.
    const signingKey = await loadGatewaySigningKey(keyDir);
    const watching = { intervalMs: config.LIANFANG_KEY_RELOAD_MS, logger };
    const agencyKeys = watchTrustedKeys(trustedKeyFile(keyDir, "agency"), watching);
    const subgraphKeys = watchTrustedKeys(trustedKeyFile(keyDir, "subgraph"), watching);
    const governed = await openGovernance({
      supergraphSdl,
      coordinationUrl: subgraphUrls.coordination,
      signingKey,
      limits: { maxDepth: config.LIANFANG_MAX_DEPTH, maxAliases: config.LIANFANG_MAX_ALIASES, maxCost: config.LIANFANG_MAX_COST },
      masks: config.LIANFANG_MASK_PATTERNS,
      database: { mysqlUrl: config.LIANFANG_MYSQL_URL, dbPrefix: config.LIANFANG_DB_PREFIX, dataDir: config.LIANFANG_DATA_DIR },
      auditHeadFile: headAnchorFile(config.LIANFANG_DATA_DIR, config.LIANFANG_DB_PREFIX),
      auditKey: loadAuditSigningKey(keyDir),
      acknowledgeAuditSeq: config.LIANFANG_AUDIT_ACKNOWLEDGE,
      auditCommitDelayMs: config.LIANFANG_AUDIT_COMMIT_DELAY_MS,
      logger,
    });
    const gateway = await startGateway({
      port: config.PORT,
      host: config.HOST,
      supergraphSdl,
      subgraphUrls,
      governance: governed.governance,
      rateLimitPerSecond: config.LIANFANG_RATE_LIMIT,
      trustedKeys: agencyKeys.keys,
      trustedSubgraphKeys: subgraphKeys.keys,
      signingKey,
      subgraphCalls: {
        timeoutMs: config.LIANFANG_SUBGRAPH_TIMEOUT_MS,
        breaker: { failures: config.LIANFANG_BREAKER_FAILURES, cooldownMs: config.LIANFANG_BREAKER_COOLDOWN_MS },
      },
      maxBodyBytes: config.LIANFANG_MAX_BODY_BYTES,
      introspection: config.LIANFANG_INTROSPECTION === "true",
      logger,
      routes: await consoleRoutes({
        keyDir,
        agencies: graphs.map(({ name }) => name),
        devSignIn: devSignInWanted(process.env),
        trustedKeys: agencyKeys.keys,
      }),
    });
    logger.info({ url: gateway.url }, "gateway listening");
    onShutdown(logger, async () => {
      await gateway.stop();
      await governed.close();
      await stopTracing?.();
    });
    process.send?.({ ready: "gateway", url: gateway.url });
  } catch (error) {
    exitOnStartupError(logger, error);
  }
}

void main();
