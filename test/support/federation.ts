import type { Clock } from "../../kernel/clock";
import { composeSupergraph } from "../../kernel/compose";
import type { CallIdentity } from "../../kernel/identity";
import type { GraphQLBody } from "../../kernel/http";
import { createLogger } from "../../kernel/logger";
import { trustedKeyFile } from "../../kernel/keys";
import { insertMissing } from "../../kernel/seeding";
import { watchTrustedKeys } from "../../kernel/trusted-keys";
import { startSubgraph, type RunningSubgraph } from "../../kernel/subgraph";
import path from "node:path";
import type { DataSource } from "typeorm";
import { HeadAnchor } from "../../gateway/audit";
import { consoleRoutes } from "../../gateway/console";
import { purposeHeader } from "../../gateway/context";
import { defaultMaskPatterns } from "../../kernel/masking";
import { defaultLimits, type GovernanceOptions } from "../../gateway/governance";
import { openGovernance, startGateway } from "../../gateway/server";
import type { SubgraphCallOptions } from "../../gateway/signed-data-source";
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
  supergraphSdl: string;
  /** Every call each subgraph accepted on a department's behalf, in order. */
  received: Record<string, ReceivedCall[]>;
  governance: GovernanceOptions;
  auditDb: DataSource;
  /** The audit chain's head, anchored outside the audit store. */
  auditHead: HeadAnchor;
  /** Each department's own database, for tests that change what only time would change. */
  databases: Record<string, DataSource>;
  post: (body: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;
  /** Takes one department down while the rest of the hub runs on. */
  stopSubgraph: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

const silent = createLogger("test", "silent");

/**
 * The hub's time in tests: a fixed working day, so that statutory deadlines computed from "today"
 * do not change with the day the suite runs (nor need next year's holiday notice before it exists).
 */
export const testClock: Clock = () => new Date("2026-06-15T02:00:00Z");

/**
 * The whole hub in this process, every part over real loopback HTTP: each subgraph on its own
 * port and database (embedded, or MySQL when LIANFANG_MYSQL_URL is set) seeded with a small
 * synthetic city, and the governed gateway composed from them. Requests state the purpose
 * JOINT_INSPECTION unless a test says otherwise.
 */
export async function startFederation(
  options: {
    without?: string[];
    maxBodyBytes?: number;
    rateLimitPerSecond?: number;
    rateLimitClock?: () => number;
    subgraphCalls?: SubgraphCallOptions;
    introspection?: boolean;
    console?: { devSignIn: boolean };
    /** The hub's time, for the gateway and the departments alike. */
    clock?: Clock;
    /** The longest an audit commit waits for the records of requests under way. */
    auditCommitDelayMs?: number;
    /** Where the gateway reaches each subgraph, given where it listens (tests put a proxy between). */
    route?: (name: string, url: string) => string;
  } = {},
): Promise<Federation> {
  const keys = await testKeys();
  const database = testDatabase();
  const clock = options.clock ?? testClock;
  const city = generateCity({ size: { enterprises: 80, persons: 1500 }, seed: 7, linkingSecret: keys.linkingSecret });
  const received: Record<string, ReceivedCall[]> = {};
  // Every process of the hub watches its trusted key set, as in production; tests rotate keys by
  // rewriting the files.
  const watching = { intervalMs: 100, logger: silent };
  const gatewayKeys = watchTrustedKeys(trustedKeyFile(keys.keyDir, "gateway"), watching);
  const agencyKeys = watchTrustedKeys(trustedKeyFile(keys.keyDir, "agency"), watching);
  const subgraphKeys = watchTrustedKeys(trustedKeyFile(keys.keyDir, "subgraph"), watching);
  const running: Record<string, RunningSubgraph> = {};
  for (const definition of subgraphs) {
    received[definition.name] = [];
    const subgraph = await startSubgraph(definition, {
      port: 0,
      mysqlUrl: database.mysqlUrl,
      dbPrefix: database.dbPrefix,
      gatewayKeys: gatewayKeys.keys,
      signingKey: await keys.subgraphSigningKey(definition.name),
      linkingSecret: keys.linkingSecret,
      logger: silent,
      clock,
      // The gateway's own grant-book polling is not a department's request.
      observe: (call) => call.identity.agency !== "gateway" && received[definition.name].push(call),
    });
    for (const entityRows of definition.demo(city)) await insertMissing(subgraph.db, entityRows);
    running[definition.name] = subgraph;
  }
  const subgraphUrls = Object.fromEntries(Object.entries(running).map(([name, subgraph]) => [name, subgraph.url]));
  const gatewayUrls = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [name, options.route?.(name, url) ?? url]));
  const { supergraphSdl } = await composeSupergraph(subgraphs, (name) => subgraphUrls[name]);
  const stopped = new Set(options.without);
  for (const name of stopped) await running[name].stop();
  const governed = await openGovernance({
    supergraphSdl,
    coordinationUrl: subgraphUrls.coordination,
    signingKey: keys.gatewaySigningKey,
    limits: defaultLimits,
    masks: defaultMaskPatterns,
    database: { mysqlUrl: database.mysqlUrl, dbPrefix: database.dbPrefix },
    auditHeadFile: path.join(keys.keyDir, "audit-head.json"),
    auditKey: keys.auditKey,
    auditCommitDelayMs: options.auditCommitDelayMs,
    clock,
    logger: silent,
  });
  await governed.governance.grants.refresh();
  const gateway = await startGateway({
    port: 0,
    supergraphSdl,
    governance: governed.governance,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 1000,
    rateLimitClock: options.rateLimitClock,
    subgraphUrls: gatewayUrls,
    subgraphCalls: options.subgraphCalls,
    trustedKeys: agencyKeys.keys,
    trustedSubgraphKeys: subgraphKeys.keys,
    signingKey: keys.gatewaySigningKey,
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    introspection: options.introspection ?? false,
    logger: silent,
    ...(options.console
      ? {
          routes: await consoleRoutes({
            keyDir: keys.keyDir,
            agencies: subgraphs.map((subgraph) => subgraph.name),
            devSignIn: options.console.devSignIn,
            clock,
            trustedKeys: agencyKeys.keys,
          }),
        }
      : {}),
  });
  return {
    city,
    keys,
    gatewayUrl: gateway.url,
    subgraphUrls,
    supergraphSdl,
    received,
    governance: governed.governance,
    auditDb: governed.auditDb,
    auditHead: new HeadAnchor(path.join(keys.keyDir, "audit-head.json")),
    databases: Object.fromEntries(Object.entries(running).map(([name, subgraph]) => [name, subgraph.db])),
    post: async (body, headers = {}) => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", [purposeHeader]: "JOINT_INSPECTION", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    stopSubgraph: async (name) => {
      stopped.add(name);
      await running[name].stop();
    },
    stop: async () => {
      await gateway.stop();
      await governed.close();
      for (const [name, subgraph] of Object.entries(running)) if (!stopped.has(name)) await subgraph.stop();
      await database.drop();
      for (const watched of [gatewayKeys, agencyKeys, subgraphKeys]) watched.close();
      keys.remove();
    },
  };
}

/**
 * Runs the conditional-sharing procedure through the gateway: the applicant applies, the owner
 * approves, and the gateway's grant book is refreshed. Returns the application id.
 */
export async function grant(
  hub: Federation,
  request: { applicant: string; resource: string; purpose: string; unmasked?: boolean; days?: number },
): Promise<string> {
  const applied = await hub.post(
    {
      query: "mutation Apply($input: ApplyForResourceInput!) { applyForResource(input: $input) { id owner } }",
      variables: {
        input: {
          resource: request.resource,
          purpose: request.purpose,
          justification: "test",
          days: request.days ?? 30,
          unmasked: request.unmasked ?? false,
        },
      },
    },
    { authorization: `Bearer ${await hub.keys.token({ agency: request.applicant })}` },
  );
  const application = applied.body.data?.applyForResource;
  if (!application) throw new Error(`application refused: ${JSON.stringify(applied.body.errors)}`);
  const approved = await hub.post(
    { query: "mutation Approve($id: ID!) { approveApplication(input: { id: $id }) { status } }", variables: { id: application.id } },
    { authorization: `Bearer ${await hub.keys.token({ agency: application.owner, roles: ["admin"] })}` },
  );
  if (approved.body.data?.approveApplication.status !== "APPROVED")
    throw new Error(`approval failed: ${JSON.stringify(approved.body.errors)}`);
  await hub.governance.grants.refresh();
  return application.id;
}
