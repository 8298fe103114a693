import { trace } from "@opentelemetry/api";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { injectTraceContext, requestIdAttribute } from "../kernel/tracing";
import type { SigningKey, TrustedKeys } from "../kernel/trusted-keys";
import { operationDigest, signCall } from "../kernel/identity";
import { callIdentityHeader } from "../kernel/subgraph";
import { subgraphFetchDuration } from "../kernel/metrics";
import { verifySubjectReport } from "../kernel/subjects";
import { CircuitBreaker, type BreakerOptions } from "./circuit-breaker";
import type { GatewayContext } from "./context";

type ReceivedResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0];

/**
 * Every call to a subgraph carries a short-lived gateway signature over the caller and the exact
 * operation; every answer carries the department's signed report of whose data it served, which
 * goes into the audit record. An answer without a valid report is not used.
 */
export interface SubgraphCallOptions {
  /** The longest a call to a subgraph may take before its part of the answer is given up. */
  timeoutMs: number;
  breaker: BreakerOptions;
}

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly breaker: CircuitBreaker;

  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signingKey: SigningKey,
    private readonly subgraphKeys: TrustedKeys,
    calls: SubgraphCallOptions,
    fetcher: RemoteGraphQLDataSource["fetcher"],
  ) {
    super({ url });
    this.breaker = new CircuitBreaker(calls.breaker);
    this.fetcher = (address, init) => fetcher(address, { ...init, signal: AbortSignal.timeout(calls.timeoutMs) });
  }

  private unavailable(why: string): GraphQLError {
    return new GraphQLError(`The ${this.subgraph} department ${why}; its part of the answer is missing`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.subgraph },
    });
  }

  /** Calls go out only while the subgraph's circuit admits them; failures to answer at all open it. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!this.breaker.admit()) {
      subgraphFetchDuration.observe({ subgraph: this.subgraph, outcome: "refused" }, 0);
      throw this.unavailable("has failed repeatedly and is not asked for a while");
    }
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await super.process(options);
      this.breaker.succeeded();
      timer({ outcome: "ok" });
      return response;
    } catch (error) {
      const unavailable = error instanceof GraphQLError && error.extensions.code === "SUBGRAPH_UNAVAILABLE";
      if (unavailable) this.breaker.failed();
      else this.breaker.succeeded();
      timer({ outcome: unavailable ? "unavailable" : "error" });
      throw error;
    }
  }

  /** The id and operation digest of each call in flight, by its HTTP request, to check the department's report against. */
  private readonly calls = new WeakMap<object, { callId: string; digest: string }>();

  override async didReceiveResponse({ response, request, context }: ReceivedResponse) {
    const call = (request.http && this.calls.get(request.http)) ?? { callId: "", digest: "" };
    try {
      context.subjects.add(verifySubjectReport(this.subgraphKeys, this.subgraph, call, response.extensions?.subjects));
    } catch (error) {
      throw new GraphQLError(`The ${this.subgraph} department's answer is not used: ${(error as Error).message}`, {
        extensions: { code: "SUBGRAPH_UNATTESTED", subgraph: this.subgraph },
      });
    }
    return response;
  }

  /** An unreachable or hung subgraph is named, without the internal address the fetch error carries. */
  override didEncounterError(error: Error, _request: unknown, response?: unknown): never {
    if (response) throw error;
    throw this.unavailable(error.name === "TimeoutError" || error.name === "AbortError" ? "did not answer in time" : "is unreachable");
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!("identity" in context) || !context.identity) {
      throw new Error("refusing to call a subgraph without a verified caller");
    }
    const digest = operationDigest(request.query, request.variables);
    const { signature, callId } = signCall(this.signingKey, context.identity, digest, this.subgraph);
    if (!request.http) throw new Error("subgraph calls are made over HTTP");
    this.calls.set(request.http, { callId, digest });
    request.http.headers.set(callIdentityHeader, signature);
    trace.getActiveSpan()?.setAttribute(requestIdAttribute, context.identity.requestId);
    injectTraceContext(request.http.headers);
  }
}
