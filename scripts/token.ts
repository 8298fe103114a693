import { parseArgs } from "node:util";
import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { issueAgencyToken, roles, type Role } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey } from "../kernel/keys";
import { subgraphs } from "../subgraphs";

const usage = "usage: npm run token -- --agency <name> [--user <id>] [--roles viewer,admin,auditor] [--region <GB/T 2260 code>] [--ttl 8h]";

/** `npm run token`: prints a development token signed with a department's dev key. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: "string" },
      user: { type: "string", default: "dev-user" },
      roles: { type: "string", default: "viewer" },
      region: { type: "string" },
      ttl: { type: "string", default: "8h" },
    },
  });
  const agencies = subgraphs.map((subgraph) => subgraph.name);
  if (!values.agency || !agencies.includes(values.agency)) throw new Error(`--agency must be one of ${agencies.join(", ")}\n${usage}`);
  const requested = values.roles.split(",").map((role) => role.trim());
  const unknown = requested.filter((role) => !roles.includes(role as Role));
  if (unknown.length) throw new Error(`unknown role ${unknown.join(", ")}; roles are ${roles.join(", ")}\n${usage}`);
  const keyDir = keyDirectory(readConfig(commonVariables));
  await ensureDevKeys(keyDir, agencies);
  const token = await issueAgencyToken(
    await loadAgencySigningKey(keyDir, values.agency),
    { agency: values.agency, user: values.user, roles: requested as Role[], ...(values.region ? { region: values.region } : {}) },
    values.ttl,
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
