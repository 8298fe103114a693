import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../kernel/project";

const root = projectRoot;
const consoleDir = path.join(root, "console");
/** What a build is made from: the console's own files and the kernel modules it shares with the server. */
const sources = [
  path.join(consoleDir, "src"),
  path.join(consoleDir, "index.html"),
  path.join(consoleDir, "vite.config.ts"),
  path.join(consoleDir, "antd-styles.ts"),
  path.join(consoleDir, "package.json"),
  path.join(root, "kernel", "identifiers"),
  path.join(root, "kernel", "purposes.ts"),
];
const builtIndex = path.join(consoleDir, "dist", "index.html");

function newestChange(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
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
  if (fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  if (!fs.existsSync(path.join(consoleDir, "node_modules", ".bin", "vite"))) installConsole();
  // React and antd drop their development checks only when told it is production (jest sets NODE_ENV=test).
  npm(["run", "-s", "build"], { ...process.env, NODE_ENV: "production" });
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
