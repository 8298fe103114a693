import http from "node:http";
import { startTracing } from "../kernel/tracing";
import { listen } from "../kernel/http";
import { startFederation, type Federation } from "./support/federation";

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string } }[];
}

/** An OTLP/HTTP collector on loopback that keeps every span it is sent. */
async function startCollector() {
  const spans: { service: string; span: ExportedSpan }[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      paths.push(`${request.method} ${request.url} ${request.headers["content-type"]}`);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      for (const resourceSpans of body.resourceSpans) {
        const service = resourceSpans.resource.attributes.find((a: { key: string }) => a.key === "service.name").value.stringValue;
        for (const scopeSpans of resourceSpans.scopeSpans) for (const span of scopeSpans.spans) spans.push({ service, span });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  const origin = await listen(server, 0);
  return { origin, spans, paths, close: () => new Promise((resolve) => server.close(resolve)) };
}

const attribute = (span: ExportedSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;

describe("traces exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set", () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let hub: Federation;
  let stopTracing: () => Promise<void>;

  beforeAll(async () => {
    collector = await startCollector();
    stopTracing = startTracing("lianfang-test", { OTEL_EXPORTER_OTLP_ENDPOINT: collector.origin })!;
    hub = await startFederation();
  });
  afterAll(async () => {
    await hub.stop();
    await collector.close();
  });

  it("starts nothing without the variable", () => {
    expect(startTracing("lianfang-test", {})).toBeUndefined();
  });

  it("follows one request from the gateway into each department it calls, under the hub's request id", async () => {
    const response = await hub.post(
      { query: "{ enterprises(first: 1) { nodes { creditCode accidents { id } } } }" },
      { authorization: `Bearer ${await hub.keys.token({ agency: "emergency" })}` },
    );
    expect(response.status).toBe(200);
    await stopTracing(); // flushes what is batched

    const requestId = hub.received.hrss[0].identity.requestId;
    expect(hub.received.emergency.map((call) => call.identity.requestId)).toEqual([requestId]);
    expect(collector.paths.every((path) => path === "POST /v1/traces application/json")).toBe(true);
    const spans = collector.spans.map(({ span }) => span);
    // The grant book's own polls of coordination are traced too, under their own request ids.
    const departmentSpans = spans.filter((span) => span.name.endsWith(" call") && attribute(span, "lianfang.request_id") === requestId);
    expect(departmentSpans.map((span) => span.name).sort()).toEqual(["emergency call", "hrss call"]);
    for (const departmentSpan of departmentSpans) {
      expect(Object.fromEntries(departmentSpan.attributes.map((a) => [a.key, a.value.stringValue]))).toEqual({
        "lianfang.request_id": requestId,
        "lianfang.agency": "emergency",
        "lianfang.purpose": "JOINT_INSPECTION",
      });
      // Its parent is the gateway's fetch, carried across loopback HTTP in `traceparent`.
      const parent = spans.find((span) => span.spanId === departmentSpan.parentSpanId);
      expect(parent).toMatchObject({ name: "gateway.fetch", traceId: departmentSpan.traceId });
      expect(attribute(parent!, "lianfang.request_id")).toBe(requestId);
    }
    expect(new Set(departmentSpans.map((span) => span.traceId)).size).toBe(1);
  });
});
