import { Command, InvalidArgumentError } from "commander";
import fs from "node:fs";
import type { JSONWebKeySet } from "jose";
import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { ensureDevKeys, retireKey, rotateKey, trustedKeyFile, type SignerKind } from "../kernel/keys";
import { keyOwner } from "../kernel/trusted-keys";
import { subgraphs } from "../subgraphs";

const kinds: readonly SignerKind[] = ["agency", "subgraph", "gateway"];

function signerKind(value: string): SignerKind {
  if (!kinds.includes(value as SignerKind)) throw new InvalidArgumentError(`must be one of ${kinds.join(", ")}`);
  return value as SignerKind;
}

/**
 * `npm run keys`: creates whatever development keys are missing in LIANFANG_KEY_DIR (never replaces
 * one); `rotate`, `retire` and `list` manage the trusted key sets, which every process re-reads.
 */
const program = new Command("keys").description("development keys and key rotation").action(async () => {
  const keyDir = keyDirectory(readConfig(commonVariables));
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  process.stdout.write(`development keys ready in ${keyDir}\n`);
});

program
  .command("rotate")
  .description("make a new signing key for <owner>, trusted beside its old ones until they are retired")
  .argument("<kind>", kinds.join(" | "), signerKind)
  .argument("<owner>", "the department, department server, or `gateway`")
  .action(async (kind: SignerKind, owner: string) => {
    const owners = kind === "gateway" ? ["gateway"] : subgraphs.map((subgraph) => subgraph.name);
    if (!owners.includes(owner)) throw new Error(`${kind} keys belong to one of ${owners.join(", ")}`);
    const kid = await rotateKey(keyDirectory(readConfig(commonVariables)), kind, owner);
    process.stdout.write(`${kid}\n`);
  });

program
  .command("retire")
  .description("stop trusting a key: what it signed is refused from now on")
  .argument("<kind>", kinds.join(" | "), signerKind)
  .argument("<kid>", "the key id, as `list` shows it")
  .action((kind: SignerKind, kid: string) => retireKey(keyDirectory(readConfig(commonVariables)), kind, kid));

program
  .command("list")
  .description("the trusted keys of every kind: kind, owner, key id")
  .action(() => {
    const keyDir = keyDirectory(readConfig(commonVariables));
    for (const kind of kinds) {
      const { keys } = JSON.parse(fs.readFileSync(trustedKeyFile(keyDir, kind), "utf8")) as JSONWebKeySet;
      for (const key of keys) process.stdout.write(`${kind}\t${keyOwner(key)}\t${key.kid}\n`);
    }
  });

program.parseAsync().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
