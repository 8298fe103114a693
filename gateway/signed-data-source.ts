import { STATUS_CODES } from "node:http";
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { trace } from "@opentelemetry/api";
import { GraphQLError } from "graphql";
import { Agent, request as send } from "undici";
import { isJsonType, isObject } from "../kernel/http";
import { bodyDigest, signCall } from "../kernel/identity";
import { subgraphFetchDuration } from "../kernel/metrics";
import { callIdentityHeader } from "../kernel/subgraph";
import { verifySubjectReport } from "../kernel/subjects";
import { injectTraceContext, requestIdAttribute } from "../kernel/tracing";
import type { SigningKey, TrustedKeys } from "../kernel/trusted-keys";
import { CircuitBreaker, type BreakerOptions } from "./circuit-breaker";
import type { GatewayContext } from "./context";

type Answer = Awaited<ReturnType<GraphQLDataSource["process"]>>;

/**
 * Every call to a subgraph carries a short-lived gateway signature over the caller and the exact
 * bytes of the call; every answer carries the department's signed report of whose data it served,
 * which goes into the audit record. An answer without a valid report is not used.
 */
export interface SubgraphCallOptions {
  /** The longest a call to a subgraph may take before its part of the answer is given up. */
  timeoutMs: number;
  breaker: BreakerOptions;
}

/** Kept-alive connections to the departments, shared by every subgraph's data source. */
export class SubgraphConnections {
  readonly dispatcher = new Agent({ keepAliveTimeout: 30_000 });

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

/**
 * One department's calls, made over undici's request API. Apollo's RemoteGraphQLDataSource, built
 * on the fetch API, copies each call's headers into three objects, builds a request it never sends
 * and reads the answer through a response object; with the signature over the body it would also
 * serialise each call's variables twice. Here the body is serialised once, signed and sent as is.
 */
export class SignedDataSource implements GraphQLDataSource<GatewayContext> {
  readonly breaker: CircuitBreaker;

  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly signingKey: SigningKey,
    private readonly subgraphKeys: TrustedKeys,
    private readonly calls: SubgraphCallOptions,
    private readonly connections: SubgraphConnections,
  ) {
    this.breaker = new CircuitBreaker(calls.breaker);
  }

  private unavailable(why: string): GraphQLError {
    return new GraphQLError(`The ${this.subgraph} department ${why}; its part of the answer is missing`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.subgraph },
    });
  }

  /** Calls go out only while the subgraph's circuit admits them; failures to answer at all open it. */
  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Answer> {
    if (!this.breaker.admit()) {
      subgraphFetchDuration.observe({ subgraph: this.subgraph, outcome: "refused" }, 0);
      throw this.unavailable("has failed repeatedly and is not asked for a while");
    }
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      const answer = await this.call(request, context);
      this.breaker.succeeded();
      timer({ outcome: "ok" });
      return answer;
    } catch (error) {
      const unavailable = error instanceof GraphQLError && error.extensions.code === "SUBGRAPH_UNAVAILABLE";
      if (unavailable) this.breaker.failed();
      else this.breaker.succeeded();
      timer({ outcome: unavailable ? "unavailable" : "error" });
      throw error;
    }
  }

  private async call(request: GraphQLDataSourceProcessOptions<GatewayContext>["request"], context: Partial<GatewayContext>) {
    if (!context.identity || !context.subjects) throw new Error("refusing to call a subgraph without a verified caller");
    if (!request.query) throw new Error("Missing query");
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const digest = bodyDigest(body);
    const { signature, callId } = signCall(this.signingKey, context.identity, digest, this.subgraph);
    const headers: Record<string, string> = { "content-type": "application/json", [callIdentityHeader]: signature };
    injectTraceContext({ set: (name, value) => (headers[name] = value) });
    trace.getActiveSpan()?.setAttribute(requestIdAttribute, context.identity.requestId);
    // A timer cleared when the call ends: AbortSignal.timeout's would fire for every call, long after it ended.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.calls.timeoutMs);
    let status, contentType, text;
    try {
      const answer = await send(this.url, {
        dispatcher: this.connections.dispatcher,
        method: "POST",
        headers,
        body,
        signal: deadline.signal,
      });
      status = answer.statusCode;
      contentType = answer.headers["content-type"];
      text = await answer.body.text();
    } catch {
      // Named without the internal address the error carries.
      throw this.unavailable(deadline.signal.aborted ? "did not answer in time" : "is unreachable");
    } finally {
      clearTimeout(timer);
    }
    let answered: unknown;
    try {
      answered = isJsonType(contentType) ? JSON.parse(text) : undefined;
    } catch {
      answered = undefined;
    }
    if (status < 200 || status >= 300) {
      // As Apollo's data source answers a refusal, without the department's internal address.
      throw new GraphQLError(`${status}: ${STATUS_CODES[status] ?? ""}`, {
        extensions: {
          ...(status === 401 ? { code: "UNAUTHENTICATED" } : status === 403 ? { code: "FORBIDDEN" } : {}),
          subgraph: this.subgraph,
          response: { status, body: answered ?? text },
        },
      });
    }
    if (!isObject(answered)) throw this.unavailable("answered with something other than GraphQL");
    const extensions = isObject(answered.extensions) ? answered.extensions : undefined;
    try {
      context.subjects.add(verifySubjectReport(this.subgraphKeys, this.subgraph, { callId, digest }, extensions?.subjects));
    } catch (error) {
      throw new GraphQLError(`The ${this.subgraph} department's answer is not used: ${(error as Error).message}`, {
        extensions: { code: "SUBGRAPH_UNATTESTED", subgraph: this.subgraph },
      });
    }
    return answered as Answer;
  }
}
