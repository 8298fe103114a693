import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { ensureDevKeys } from "../kernel/keys";
import { subgraphs } from "../subgraphs";

/** `npm run keys`: creates whatever development keys are missing in LIANFANG_KEY_DIR (never replaces one). */
async function main(): Promise<void> {
  const keyDir = keyDirectory(readConfig(commonVariables));
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  process.stdout.write(`development keys ready in ${keyDir}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
