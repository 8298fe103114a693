import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import type { CatalogueEntry } from "../kernel/catalogue";
import type { CallIdentity } from "../kernel/identity";
import type { Logger } from "../kernel/logger";
import { mask, type MaskPatterns } from "../kernel/masking";
import { denials } from "../kernel/metrics";
import { isCreditCode, isPid } from "../kernel/subjects";
import { AuditUnavailable, auditEntryFor, type AuditLog } from "./audit";
import type { GatewayContext } from "./context";
import type { GrantBook } from "./grants";
import { analyseOperation, compileResultWalk, type OperationShape, type ResultWalk } from "./operation";

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const defaultLimits: Limits = { maxDepth: 12, maxAliases: 20, maxCost: 25_000 };

export interface GovernanceOptions {
  catalogue: Map<string, CatalogueEntry>;
  grants: GrantBook;
  audit: AuditLog;
  limits: Limits;
  masks: MaskPatterns;
  logger: Logger;
}

type Decision = { allowed: true; clear: boolean } | { allowed: false; reason: string };

/** Deny by default: the owner reads its own; others read UNCONDITIONAL data, and CONDITIONAL data under a grant for this purpose. */
function decide(entry: CatalogueEntry | undefined, identity: CallIdentity, grants: GrantBook): Decision {
  if (!entry) return { allowed: false, reason: "not in the sharing catalogue" };
  if (entry.owners.includes(identity.agency)) return { allowed: true, clear: true };
  const grant = grants.find(identity.agency, entry.resource, identity.purpose);
  switch (entry.level) {
    case "UNCONDITIONAL":
      return { allowed: true, clear: !entry.mask || (grant?.unmasked ?? false) };
    case "CONDITIONAL":
      return grant
        ? { allowed: true, clear: !entry.mask || grant.unmasked }
        : { allowed: false, reason: `needs a grant from ${entry.owners.join(", ")} for purpose ${identity.purpose}` };
    case "NONE":
      return { allowed: false, reason: `not shared: ${entry.basis ?? "no basis recorded"}` };
    default:
      return { allowed: false, reason: "unclassified: its owner alone reads it" };
  }
}

/** Refusals raised before execution carry their HTTP status; Apollo would otherwise answer 500. */
const refuse = (code: string, message: string, details: Record<string, unknown>, status = 400) =>
  new GraphQLError(message, { extensions: { code, ...details, http: { status } } });

function fragmentsOf(context: { document: { definitions: readonly { kind: string }[] } }): FragmentDefinitionNode[] {
  return context.document.definitions.filter(
    (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
}

/**
 * What each owner was asked for; fields several departments answer alike (entity keys, shared
 * types, the meeting report's root field) are listed together, as `shared`.
 */
function fieldsByOwner(resources: string[], catalogue: Map<string, CatalogueEntry>): Record<string, string[]> {
  const byOwner: Record<string, string[]> = {};
  for (const resource of resources) {
    const owners = catalogue.get(resource)?.owners ?? [];
    const owner = owners.length === 1 ? owners[0] : "shared";
    (byOwner[owner] ??= []).push(resource);
  }
  return byOwner;
}

/** The keys of whose data an answer holds. */
const subjectKeys = new Set(["Person.pid", "Enterprise.creditCode"]);

/** Operations analysed so far, by text, name and (when it declares variables) their values: a client sends the same few again and again. */
const analysedLimit = 2_000;

/**
 * The hub's governance, enforced at the gateway on every operation: limits, the sharing
 * catalogue field by field, masking of personal data, and a hash-chained audit record written
 * before any answer leaves (fail closed).
 */
export function governancePlugin(options: GovernanceOptions): ApolloServerPlugin<GatewayContext> {
  const { catalogue, grants, audit, limits, masks } = options;
  const analysed = new Map<string, OperationShape & { fieldsRead: Record<string, string[]>; walkResult: ResultWalk }>();
  /** The values governance looks at in an answer: what may be masked, and the keys of whose data it is. */
  const watched = (resource: string) => subjectKeys.has(resource) || catalogue.get(resource)?.mask !== undefined;
  /** The analysis depends on the operation's text and name, and its cost on variables' values (page sizes). */
  const analyse = (context: GraphQLRequestContextDidResolveOperation<GatewayContext>, operation: OperationDefinitionNode) => {
    const variables = operation.variableDefinitions?.length ? JSON.stringify(context.request.variables ?? {}) : "";
    const key = `${context.queryHash}\n${context.operationName ?? ""}\n${variables}`;
    let shape = analysed.get(key);
    if (!shape) {
      const measured = analyseOperation(context.schema, operation, fragmentsOf(context), context.request.variables);
      shape = {
        ...measured,
        fieldsRead: fieldsByOwner(measured.resources, catalogue),
        walkResult: compileResultWalk(context.schema, operation, fragmentsOf(context), watched),
      };
      if (analysed.size >= analysedLimit) analysed.delete(analysed.keys().next().value!);
      analysed.set(key, shape);
    }
    return shape;
  };
  return {
    async requestDidStart() {
      let resources: string[] = [];
      let fieldsRead: Record<string, string[]> = {};
      let walkResult: ResultWalk | undefined;
      const masked = new Set<string>();
      let denial: string | undefined;

      // Commits under way may wait for this request's record (group commit).
      const recordAppended = audit.expectRecord();
      const record = async (
        identity: CallIdentity,
        operationName: string | null,
        query: string,
        outcome: string,
        pids: string[] = [],
        creditCodes: string[] = [],
      ) => {
        const committed = audit.append(auditEntryFor(identity, { operationName, query, fieldsRead, pids, creditCodes, outcome }));
        recordAppended();
        return committed;
      };

      return {
        async didResolveOperation(context: GraphQLRequestContextDidResolveOperation<GatewayContext>) {
          const { identity } = context.contextValue;
          const operation = context.operation;
          if (!operation) return;
          const shape = analyse(context, operation);
          resources = shape.resources;
          fieldsRead = shape.fieldsRead;
          walkResult = shape.walkResult;
          const exceeded = [
            shape.depth > limits.maxDepth &&
              refuse("DEPTH_LIMIT_EXCEEDED", `operation depth ${shape.depth} exceeds ${limits.maxDepth}`, {
                depth: shape.depth,
                limit: limits.maxDepth,
              }),
            shape.aliases > limits.maxAliases &&
              refuse("ALIAS_LIMIT_EXCEEDED", `operation uses ${shape.aliases} aliases, more than ${limits.maxAliases}`, {
                aliases: shape.aliases,
                limit: limits.maxAliases,
              }),
            shape.cost > limits.maxCost &&
              refuse("COST_LIMIT_EXCEEDED", `operation cost ${shape.cost} exceeds ${limits.maxCost}; ask for smaller pages`, {
                cost: shape.cost,
                limit: limits.maxCost,
              }),
          ].find((error): error is GraphQLError => error !== false);
          if (exceeded) {
            denial = String(exceeded.extensions.code);
            denials.inc({ reason: denial });
            throw exceeded;
          }
          const denied = [];
          for (const resource of resources) {
            const entry = catalogue.get(resource);
            const decision = decide(entry, identity, grants);
            if (!decision.allowed) {
              denied.push({
                resource,
                owners: entry?.owners ?? [],
                level: entry?.level ?? "UNCLASSIFIED",
                reason: decision.reason,
                ...(entry?.level === "CONDITIONAL"
                  ? {
                      apply: `mutation { applyForResource(input: { resource: "${resource}", purpose: "${identity.purpose}", justification: "...", days: 30 }) { id answerDueOn } }`,
                    }
                  : {}),
              });
            } else if (!decision.clear) {
              masked.add(resource);
            }
          }
          if (denied.length) {
            denial = "FORBIDDEN";
            denials.inc({ reason: denial });
            throw refuse(
              "FORBIDDEN",
              `${identity.agency} may not read ${denied.map((field) => `${field.resource} (${field.level}, ${field.owners.join("/")})`).join(", ")}`,
              { denied },
              403,
            );
          }
          if (operation.operation === "mutation") {
            // A change is recorded before it is made; without an audit store nothing changes.
            await record(identity, context.operationName, context.source, "MUTATION_STARTED").catch((error: unknown) => {
              throw refuse(
                "AUDIT_UNAVAILABLE",
                "the audit log cannot be written; no operation runs unaudited",
                { cause: (error as Error).message },
                503,
              );
            });
          }
        },

        async willSendResponse(context: GraphQLRequestContextWillSendResponse<GatewayContext>) {
          try {
            // The request id names the audit record, for the caller and for whoever investigates.
            context.response.http.headers.set("x-request-id", context.contextValue.identity.requestId);
            if (context.response.body.kind !== "single") return;
            const result = context.response.body.singleResult;
            // Whose data was touched: what the departments reported, and the keys returned.
            const { pids, creditCodes } = context.contextValue.subjects.subjects();
            const touched = { pids: new Set(pids), creditCodes: new Set(creditCodes) };
            if (result.data && walkResult) {
              walkResult(result.data, (resource, value) => {
                if (resource === "Person.pid" && isPid(value)) touched.pids.add(value);
                if (resource === "Enterprise.creditCode" && isCreditCode(value)) touched.creditCodes.add(value);
                const kind = catalogue.get(resource)?.mask;
                return masked.has(resource) && kind && typeof value === "string" ? mask(value, masks[kind]) : value;
              });
            }
            const firstError = result.errors?.[0]?.extensions?.code;
            const outcome = denial ? `DENIED:${denial}` : result.data ? "ALLOWED" : `ERROR:${String(firstError ?? "UNKNOWN")}`;
            try {
              await record(
                context.contextValue.identity,
                context.operationName ?? null,
                context.source ?? "",
                outcome,
                [...touched.pids],
                [...touched.creditCodes],
              );
            } catch (error) {
              if (!(error instanceof AuditUnavailable)) throw error;
              options.logger.error(
                { err: error.message, requestId: context.contextValue.identity.requestId },
                "audit append failed; answer withheld",
              );
              context.response.http.status = 503;
              context.response.body.singleResult = {
                errors: [
                  { message: "the audit log cannot be written; no data is released unaudited", extensions: { code: "AUDIT_UNAVAILABLE" } },
                ],
              };
            }
          } finally {
            // Also when no record is appended, so that no commit waits for one.
            recordAppended();
          }
        },
      };
    },
  };
}
