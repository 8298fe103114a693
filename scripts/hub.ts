import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot, runsCompiled } from "../kernel/project";
import { subgraphUrlVariable } from "../gateway/supergraph";
import { subgraphs } from "../subgraphs";

/** Compiled (dist/), each process runs its compiled entry with plain node; from the sources, through the register hook. */
const entryFile = (entry: string) =>
  runsCompiled ? path.join(projectRoot, "dist", entry.replace(/\.ts$/, ".js")) : path.join(projectRoot, entry);

export interface HubOptions {
  /** Environment shared by every process (data and key folders, MySQL URL, demo scale...). */
  env: NodeJS.ProcessEnv;
  /** Port of each subgraph by name; 0 (the default) picks a free one. */
  subgraphPort?: (name: string) => number;
  gatewayPort: number;
  /** Subgraphs not to start, to see how the hub behaves without them. */
  without?: readonly string[];
  /** Where each process's output goes; by default it is discarded. */
  stdio?: "inherit" | "ignore";
}

export interface RunningHub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  stop: () => Promise<void>;
}

interface Ready {
  ready: string;
  url: string;
}

/** Runs one entry point (named by its TypeScript source) as its own Node process and waits for its `ready` message. */
export function startProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  stdio: "inherit" | "ignore",
  nodeOptions: string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(entryFile(entry), [], {
    cwd: projectRoot,
    env,
    execArgv: [...(runsCompiled ? [] : ["-r", "@swc-node/register"]), ...nodeOptions],
    stdio: stdio === "inherit" ? ["ignore", "inherit", "inherit", "ipc"] : ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("message", (message: Ready) => resolve({ child, url: message.url }));
    // "close", not "exit": only then has all the child's error output been read, which says why it stopped.
    child.once("close", (code) =>
      reject(new Error(`${entry} exited with code ${code} before it was ready${stderr ? `: ${stderr.trim()}` : ""}`)),
    );
  });
}

/** Stops the processes and resolves when every one has exited. */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** Starts every subgraph (but those left out) as its own process; resolves when all are ready. */
export async function startSubgraphProcesses(
  options: Omit<HubOptions, "gatewayPort">,
): Promise<{ subgraphUrls: Record<string, string>; children: ChildProcess[]; stop: () => Promise<void> }> {
  const children: ChildProcess[] = [];
  try {
    const started = await Promise.all(
      subgraphs
        .filter((subgraph) => !options.without?.includes(subgraph.name))
        .map(async (subgraph) => {
          const env = { ...options.env, PORT: String(options.subgraphPort?.(subgraph.name) ?? 0) };
          const running = await startProcess(`subgraphs/${subgraph.name}/main.ts`, env, options.stdio ?? "ignore");
          children.push(running.child);
          return [subgraph.name, running.url] as const;
        }),
    );
    return { subgraphUrls: Object.fromEntries(started), children, stop: () => stopProcesses(children) };
  } catch (error) {
    await stopProcesses(children);
    throw error;
  }
}

/** Starts every subgraph as its own process, then the gateway pointed at them. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const subgraphProcesses = await startSubgraphProcesses(options);
  const children = [...subgraphProcesses.children];
  try {
    const gatewayEnv: NodeJS.ProcessEnv = { ...options.env, PORT: String(options.gatewayPort) };
    for (const [name, url] of Object.entries(subgraphProcesses.subgraphUrls)) gatewayEnv[subgraphUrlVariable(name)] = url;
    const gateway = await startProcess("gateway/main.ts", gatewayEnv, options.stdio ?? "ignore");
    children.push(gateway.child);
    return { gatewayUrl: gateway.url, subgraphUrls: subgraphProcesses.subgraphUrls, stop: () => stopProcesses(children) };
  } catch (error) {
    await stopProcesses(children);
    throw error;
  }
}
