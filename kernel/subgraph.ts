import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import type { DataSource } from "typeorm";
import { requestIdAttribute, startCallSpan } from "./tracing";
import type { SigningKey, TrustedKeys } from "./trusted-keys";
import { systemClock, type Clock } from "./clock";
import { openDatabase } from "./database";
import { close, createHttpServer, describeRequest, header, listen, type GraphQLBody, type RouteHandler } from "./http";
import { personPid } from "./identifiers/pseudonym";
import { type CallIdentity, ReplayGuard, bodyDigest, gatewayAgency, newRequestId, verifyCall } from "./identity";
import { Loaders } from "./loaders";
import { createLogger, type Logger } from "./logger";
import { metrics } from "./metrics";
import type { DemoRows } from "./seeding";
import { applyCatalogue, sharingSchemaExtension, type SharingCatalogue } from "./sharing";
import { SubjectCollector, collectSubjects, signSubjectReport } from "./subjects";

/** What every resolver of every subgraph receives. */
export interface SubgraphContext {
  identity: CallIdentity;
  db: DataSource;
  loaders: Loaders;
  logger: Logger;
  /** The pid of a normalized ID number, keyed with the hub's linking secret. */
  pseudonymise: (normalizedIdNumber: string) => string;
  /** Whose data this call touched, reported to the gateway's audit signed with the department's key. */
  subjects: SubjectCollector;
  /** The time: deadlines and expiries are computed from it, never from the machine's clock directly. */
  clock: Clock;
  /** The gateway's call: its id and the digest of the exact operation it signed. */
  call: { callId: string; digest: string };
}

export type ReferenceResolver<Representation, Result> = (
  representation: Representation,
  context: SubgraphContext,
) => Result | null | Promise<Result | null>;

/** `__resolveReference` per entity type this subgraph can resolve. */
export type References = Record<string, { __resolveReference: ReferenceResolver<never, unknown> }>;

/** The reference of an entity owned elsewhere: the representation is all this subgraph needs. */
export const keyOnlyReference = (typeName: string): References => reference(typeName, (representation: object) => representation);

/** Declares how a subgraph turns a federation representation into its own object. */
export function reference<Representation, Result>(typeName: string, resolve: ReferenceResolver<Representation, Result>): References {
  return { [typeName]: { __resolveReference: resolve as ReferenceResolver<never, unknown> } };
}

/**
 * The whole of a department's subgraph: everything else about running it lives here in the
 * kernel. `DemoCity` defaults to never so any definition passes where seeding is not used.
 */
export interface SubgraphDefinition<DemoCity = never> {
  /** Lower-case; the same in folder, process, compose service, database and supergraph. */
  name: string;
  resolvers: NonEmptyArray<Function>;
  references: References;
  /** Entities it extends that none of its own fields return: reachable only through federation. */
  extendedOnly?: Function[];
  /** Its sharing catalogue (资源目录): the level of every field it lets others read. */
  catalogue: SharingCatalogue;
  entities: Function[];
  migrations: Function[];
  /** Plain GET routes beside /graphql that the department serves from its database (coordination's grant version). */
  routes?: (db: DataSource) => Record<string, RouteHandler>;
  /** The department's share of the synthetic city, as rows to insert. */
  demo: (city: DemoCity) => DemoRows;
}

const federationLink =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@composeDirective"])\n';

/** Builds a Federation 2 subgraph schema from type-graphql classes and the reference resolvers. */
export async function buildFederatedSchema(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.extendedOnly,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = applyCatalogue(
    federationLink + sharingSchemaExtension + printSchemaWithDirectives(schema),
    definition.catalogue,
    definition.name,
  );
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, resolver] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...resolver };
  }
  const subgraphSchema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
  collectSubjects(subgraphSchema, (context) => (context as Partial<SubgraphContext>).subjects);
  return subgraphSchema;
}

/** The subgraph's SDL as composition reads it (schema/<name>.graphql). */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(definition));
}

export interface SubgraphRuntimeOptions {
  port: number;
  host?: string;
  mysqlUrl?: string;
  dbPrefix: string;
  /** Omitted: an in-memory embedded database (tests). */
  dataDir?: string;
  /** The gateway keys this department trusts (several while the gateway's key rotates). */
  gatewayKeys: TrustedKeys;
  /** The department server's own key: it signs what each answer reports about whose data it served. */
  signingKey: SigningKey;
  linkingSecret: string;
  maxBodyBytes?: number;
  logger?: Logger;
  /** The time the department works in; the machine's clock unless a test sets it. */
  clock?: Clock;
  /** Benchmark only (kernel/benchmark-calls.ts): who an unsigned call is; absent, every call must be gateway-signed. */
  unsignedCallIdentity?: () => CallIdentity;
  /** Sees every authenticated call before it executes (tests record what each subgraph received). */
  observe?: (call: { identity: CallIdentity; body: GraphQLBody }) => void;
}

export interface RunningSubgraph {
  url: string;
  db: DataSource;
  stop: () => Promise<void>;
}

export const callIdentityHeader = "x-lianfang-call";

/** Where the joint-prevention office answers the version of its grants, which the gateway's grant book polls. */
export const grantVersionPath = "/grants/version";
/** The version the gateway holds; naming it asks coordination to answer only when it changes (or after a while). */
export const grantVersionKnownParameter = "known";

/** Opens the database, runs migrations and serves the subgraph; only gateway-signed calls get an answer. */
export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphRuntimeOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  const db = await openDatabase({
    name: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    mysqlUrl: options.mysqlUrl,
    prefix: options.dbPrefix,
    dataDir: options.dataDir,
    logger,
  });
  const pseudonymise = (normalizedIdNumber: string) => personPid(normalizedIdNumber, options.linkingSecret);
  const replays = new ReplayGuard();
  const apollo = new ApolloServer<SubgraphContext>({
    schema: await buildFederatedSchema(definition),
    introspection: false,
    includeStacktraceInErrorResponses: false,
    logger,
    plugins: [
      // Apollo's federated traces (ftv1) serve Apollo Studio, which the hub does not use; left on, the
      // plugin builds a trace tree for every call before finding that the gateway asked for none.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart({ request, contextValue }) {
          const span = startCallSpan(`${definition.name} call`, (name) => request.http?.headers.get(name), {
            [requestIdAttribute]: contextValue.identity.requestId,
            "lianfang.agency": contextValue.identity.agency,
            "lianfang.purpose": contextValue.identity.purpose,
          });
          return {
            async willSendResponse({ contextValue, response }) {
              span.end();
              if (response.body.kind !== "single" || !contextValue.subjects) return;
              const report = signSubjectReport(options.signingKey, definition.name, contextValue.call, contextValue.subjects.subjects());
              response.body.singleResult.extensions = { ...response.body.singleResult.extensions, subjects: report };
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  const server = createHttpServer<SubgraphContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes ?? 2_000_000,
    logger,
    context: async (request, body, raw) => {
      const digest = bodyDigest(raw);
      const signature = header(request, callIdentityHeader);
      const { identity, callId } =
        !signature && options.unsignedCallIdentity
          ? { identity: options.unsignedCallIdentity(), callId: newRequestId() }
          : verifyCall(options.gatewayKeys, signature, digest, definition.name, replays);
      describeRequest(request, {
        requestId: identity.requestId,
        agency: identity.agency,
        purpose: identity.purpose,
        background: identity.agency === gatewayAgency,
      });
      options.observe?.({ identity, body });
      return {
        identity,
        db,
        loaders: new Loaders(db),
        logger,
        pseudonymise,
        clock: options.clock ?? systemClock,
        subjects: new SubjectCollector(),
        call: { callId, digest },
      };
    },
    routes: {
      ...definition.routes?.(db),
      "/health": async () => {
        const up = await db.query("SELECT 1").then(
          () => true,
          () => false,
        );
        const body = JSON.stringify({ subgraph: definition.name, status: up ? "up" : "down", database: db.options.type });
        return { status: up ? 200 : 503, contentType: "application/json", body };
      },
      "/metrics": async () => ({ status: 200, contentType: metrics.contentType, body: await metrics.metrics() }),
    },
  });
  const url = await listen(server, options.port, options.host);
  logger.info({ url: `${url}/graphql`, database: db.options.type }, "subgraph listening");
  return {
    url: `${url}/graphql`,
    db,
    stop: async () => {
      await close(server);
      await apollo.stop();
      await db.destroy();
    },
  };
}
