import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../kernel/project";

const consoleDir = path.join(projectRoot, "console");
/** What every build reads besides the modules it bundles. */
const buildInputs = ["src", "index.html", "vite.config.ts", "antd-styles.ts", "package.json", "package-lock.json"].map((file) =>
  path.join(consoleDir, file),
);
/**
 * Where the build lists every project file it bundled, those outside console/ too (console/vite.config.ts
 * writes it); outside console/dist, which the gateway serves.
 */
const sourcesRecord = path.join(consoleDir, "node_modules", ".cache", "lianfang-console-sources.json");
const builtIndex = path.join(consoleDir, "dist", "index.html");

function newestChange(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}

/** The files the last build recorded, or none when it recorded nothing readable. */
export function recordedSources(record = sourcesRecord): string[] | undefined {
  try {
    const files: unknown = JSON.parse(fs.readFileSync(record, "utf8"));
    return Array.isArray(files) && files.every((file) => typeof file === "string") ? files : undefined;
  } catch {
    return undefined;
  }
}

/** A build is current when it is newer than every input and every file it recorded, and all of them still exist. */
export function buildIsCurrent(built: string, inputs: string[], record: string): boolean {
  const recorded = recordedSources(record);
  if (!recorded || !fs.existsSync(built)) return false;
  const builtAt = fs.statSync(built).mtimeMs;
  return [...inputs, ...recorded].every((file) => fs.existsSync(file) && newestChange(file) <= builtAt);
}

function npm(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync("npm", args, { cwd: consoleDir, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} in console/ failed with code ${result.status}`);
}

/** Installs the console's own dependencies (its own package and lock file keep the server's lean). */
export function installConsole(): void {
  // The build tools are the console's devDependencies: wanted even where NODE_ENV=production.
  npm(["install", "--include=dev", "--no-audit", "--no-fund"]);
}

/** Builds the console unless its build is newer than every source; installs its dependencies first if missing. */
export function ensureConsoleBuilt(): void {
  if (buildIsCurrent(builtIndex, buildInputs, sourcesRecord)) return;
  if (!fs.existsSync(path.join(consoleDir, "node_modules", ".bin", "vite"))) installConsole();
  // A build that fails leaves no record, so the next call builds again.
  fs.rmSync(sourcesRecord, { force: true });
  // React and antd drop their development checks only when told it is production (jest sets NODE_ENV=test).
  npm(["run", "-s", "build"], { ...process.env, NODE_ENV: "production", LIANFANG_CONSOLE_SOURCES_RECORD: sourcesRecord });
}

if (require.main === module) {
  try {
    if (process.argv[2] === "install") installConsole();
    else ensureConsoleBuilt();
  } catch (error) {
    process.stderr.write(`lianfang console: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
