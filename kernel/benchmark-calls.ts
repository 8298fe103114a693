import { StartupError } from "./errors";
import { newRequestId, type CallIdentity } from "./identity";

/**
 * The side-by-side gateway benchmark (benchmarks/gateways.ts) measures foreign gateways (a bare
 * Apollo Gateway, Hive Gateway) against the same subgraphs; they cannot sign calls, so a subgraph
 * can be told to answer unsigned calls as one fixed benchmark caller. Off by default, and
 * honoured only when a second, explicit benchmark flag is set too and the subgraph listens on
 * loopback alone: a subgraph asked for it in any other setting refuses to start.
 */
export const acceptUnsignedVariable = "LIANFANG_BENCH_ACCEPT_UNSIGNED";
export const benchmarkVariable = "LIANFANG_BENCHMARK";
const benchmarkFlag = "side-by-side";

const loopbackHosts = new Set(["127.0.0.1", "::1", "localhost"]);

/** Who an unsigned call is taken to be in the benchmark: the joint-prevention office preparing a meeting. */
const benchmarkCaller = { agency: "coordination", user: "benchmark", roles: ["viewer" as const], purpose: "MEETING_REPORT" };

/** The identity of unsigned calls when the benchmark asked for them, else undefined (every call must be signed). */
export function unsignedCallIdentity(env: NodeJS.ProcessEnv, host: string): (() => CallIdentity) | undefined {
  if (env[acceptUnsignedVariable] === undefined || env[acceptUnsignedVariable] === "") return undefined;
  if (env[acceptUnsignedVariable] !== "true") {
    throw new StartupError(acceptUnsignedVariable, `must be unset (the default) or "true" in the gateway benchmark`);
  }
  if (env[benchmarkVariable] !== benchmarkFlag) {
    throw new StartupError(acceptUnsignedVariable, `is honoured only by the gateway benchmark (${benchmarkVariable}=${benchmarkFlag})`);
  }
  if (!loopbackHosts.has(host)) {
    throw new StartupError(acceptUnsignedVariable, `is honoured only on loopback, not on HOST=${host}`);
  }
  return () => ({ ...benchmarkCaller, requestId: newRequestId() });
}

/** The environment a benchmark gives subgraph processes that must answer foreign gateways. */
export const unsignedBenchmarkEnv = { [acceptUnsignedVariable]: "true", [benchmarkVariable]: benchmarkFlag } as const;
