import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { signJws, verifyJws } from "./jws";
import type { SigningKey, TrustedKeys } from "./trusted-keys";

/** The persons and enterprises whose data one call touched. */
export interface Subjects {
  pids: string[];
  creditCodes: string[];
}

const pidShape = /^[0-9a-f]{32}$/;
const creditCodeShape = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
export const isPid = (value: unknown): value is string => typeof value === "string" && pidShape.test(value);
export const isCreditCode = (value: unknown): value is string => typeof value === "string" && creditCodeShape.test(value);
/** By convention every column or argument holding a person's pid is `pid` or `…Pid`, and a credit code `creditCode` or `…CreditCode`. */
const personKey = /^(pid|\w+Pid)$/;
const enterpriseKey = /^(creditCode|\w+CreditCode)$/;

/**
 * Collects, during one call, every person and enterprise whose record a field was resolved on
 * or that an argument named: whether or not the caller selected the key, the department knows
 * whose data it served. Only well-formed keys are kept, so a hostile argument cannot swell the log.
 */
export class SubjectCollector {
  private readonly pids = new Set<string>();
  private readonly creditCodes = new Set<string>();
  private readonly seen = new WeakSet<object>();

  notice(values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item !== "string") continue;
        if (personKey.test(name) && isPid(item)) this.pids.add(item);
        else if (enterpriseKey.test(name) && isCreditCode(item)) this.creditCodes.add(item);
      }
    }
  }

  noticeSource(source: unknown): void {
    if (typeof source !== "object" || source === null || this.seen.has(source)) return;
    this.seen.add(source);
    this.notice(source as Record<string, unknown>);
  }

  /** Adds what a department reported. */
  add(subjects: Subjects): void {
    subjects.pids.forEach((pid) => this.pids.add(pid));
    subjects.creditCodes.forEach((code) => this.creditCodes.add(code));
  }

  subjects(): Subjects {
    return { pids: [...this.pids].sort(), creditCodes: [...this.creditCodes].sort() };
  }
}

/** Wraps every field resolver of a subgraph schema, in place, so that each notes its record and arguments. */
export function collectSubjects(schema: GraphQLSchema, collectorOf: (context: unknown) => SubjectCollector | undefined): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const collector = collectorOf(context);
        collector?.noticeSource(source);
        collector?.notice(args);
        return resolve(source, args, context, info);
      };
    }
  }
}

const reportAudience = "lianfang-gateway";

/** A department's signed statement of whose data it served in answer to one gateway call. */
export function signSubjectReport(
  signer: SigningKey,
  subgraph: string,
  call: { callId: string; digest: string },
  subjects: Subjects,
): string {
  return signJws(signer, {
    digest: call.digest,
    pids: subjects.pids,
    creditCodes: subjects.creditCodes,
    iss: subgraph,
    aud: reportAudience,
    jti: call.callId,
    iat: Math.floor(Date.now() / 1000),
  });
}

/** Accepts a report only from the subgraph that was called, about this very call. */
export function verifySubjectReport(
  keys: TrustedKeys,
  subgraph: string,
  call: { callId: string; digest: string },
  report: unknown,
): Subjects {
  if (typeof report !== "string") throw new Error(`${subgraph} did not report whose data it served`);
  const { claims, owner } = verifyJws(report, keys, {
    issuer: subgraph,
    audience: reportAudience,
    required: ["jti"],
    now: Math.floor(Date.now() / 1000),
  });
  if (owner !== subgraph || claims.jti !== call.callId || claims.digest !== call.digest) {
    throw new Error(`${subgraph}'s report of whose data it served is not about this call`);
  }
  const list = (value: unknown, wellFormed: (item: unknown) => item is string) => (Array.isArray(value) ? value.filter(wellFormed) : []);
  return { pids: list(claims.pids, isPid), creditCodes: list(claims.creditCodes, isCreditCode) };
}
