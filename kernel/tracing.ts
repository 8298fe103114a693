import { context, propagation, trace, type Span } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/** Span attribute carrying the hub's request id, the one the audit record and the access log carry. */
export const requestIdAttribute = "lianfang.request_id";

/**
 * Exports traces over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (the exporter reads the
 * standard OTEL_* variables itself); otherwise nothing is registered and tracing costs nothing.
 * Spans carry ids, agencies, purposes and operation names, never personal data.
 * Returns what flushes and stops the exporter at shutdown.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): (() => Promise<void>) | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const provider = new NodeTracerProvider({
    resource: new Resource({ "service.name": serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, "")}/v1/traces` })),
    ],
  });
  provider.register();
  return () => provider.shutdown();
}

/** Adds the current trace context to an outgoing call's headers (W3C `traceparent`). */
export function injectTraceContext(headers: { set: (name: string, value: string) => void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, name, value) => carrier.set(name, value) });
}

/** Starts a department's span for one call, as a child of the gateway's span the call carries. */
export function startCallSpan(
  name: string,
  header: (name: string) => string | undefined,
  attributes: Record<string, string | undefined>,
): Span {
  const parent = propagation.extract(context.active(), header, {
    get: (read, key) => read(key),
    keys: () => ["traceparent", "tracestate"],
  });
  const defined = Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return trace.getTracer("lianfang").startSpan(name, { attributes: defined }, parent);
}
