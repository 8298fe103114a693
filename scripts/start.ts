import "reflect-metadata";
import { z } from "zod";
import { commonVariables, keyDirectory, port, readConfig } from "../kernel/config";
import { issueAgencyToken } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey } from "../kernel/keys";
import { defaultSubgraphPort, subgraphs } from "../subgraphs";
import { startHub } from "./hub";

const exampleQuery = `{ enterprises(first: 3) { nodes { creditCode name riskClass accidents { id grade deaths } occupationalDiseaseCases { diseaseName } vehicles { plateNumber } supervisionChecks { checkedOn status } } } }`;

/**
 * `npm start`: every subgraph and the gateway on the embedded default (or MySQL when
 * LIANFANG_MYSQL_URL is set), with the small demo city seeded on first start, or none with
 * LIANFANG_DEMO_SCALE=none (a department loading its real records).
 */
async function main(): Promise<void> {
  const config = readConfig({
    ...commonVariables,
    PORT: port(4000),
    LIANFANG_DEMO_SCALE: z.enum(["none", "small", "city", "large"]).default("small"),
  });
  const keyDir = keyDirectory(config);
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  process.stdout.write(
    `starting ${subgraphs.length} subgraphs and the gateway (${config.LIANFANG_MYSQL_URL ? "MySQL" : `embedded, in ${config.LIANFANG_DATA_DIR}`})...\n`,
  );
  const hub = await startHub({
    env: { ...process.env, LIANFANG_DEMO_SCALE: config.LIANFANG_DEMO_SCALE === "none" ? undefined : config.LIANFANG_DEMO_SCALE },
    subgraphPort: defaultSubgraphPort,
    gatewayPort: config.PORT,
    stdio: "inherit",
  });
  const token = await issueAgencyToken(await loadAgencySigningKey(keyDir, "hrss"), { agency: "hrss", user: "demo", roles: ["viewer"] });
  process.stdout.write(
    [
      "",
      `Lianfang is up: ${hub.gatewayUrl}   (health: ${new URL("/health", hub.gatewayUrl)})`,
      `联防工作台, the console: ${new URL("/", hub.gatewayUrl)}`,
      "",
      "A token for 人社 (hrss), valid 8 hours (make others with `npm run token -- --agency <name>`), and a query:",
      `export TOKEN=${token}`,
      `curl -s ${hub.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H 'x-lianfang-purpose: JOINT_INSPECTION' \\`,
      `  -d '${JSON.stringify({ query: exampleQuery })}'`,
      "",
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    await hub.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  process.stderr.write(`lianfang: ${(error as Error).message}\n`);
  process.exit(1);
});
