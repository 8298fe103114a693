import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { issueAgencyToken, type Caller } from "../../kernel/identity";
import {
  ensureDevKeys,
  loadAgencySigningKey,
  loadAuditSigningKey,
  loadAuditVerifyingKeys,
  loadGatewaySigningKey,
  loadLinkingSecret,
  loadSubgraphSigningKey,
  loadTrustedAgencyKeys,
  loadTrustedGatewayKeys,
  loadTrustedSubgraphKeys,
} from "../../kernel/keys";
import { subgraphs } from "../../subgraphs";

/** A fresh key folder, as `npm start` makes on first run, and tokens signed with its department keys. */
export async function testKeys() {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-keys-"));
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  return {
    keyDir,
    linkingSecret: loadLinkingSecret(keyDir),
    trustedAgencyKeys: loadTrustedAgencyKeys(keyDir),
    gatewaySigningKey: await loadGatewaySigningKey(keyDir),
    trustedGatewayKeys: loadTrustedGatewayKeys(keyDir),
    trustedSubgraphKeys: loadTrustedSubgraphKeys(keyDir),
    subgraphSigningKey: (subgraph: string) => loadSubgraphSigningKey(keyDir, subgraph),
    auditKey: loadAuditSigningKey(keyDir),
    auditVerifyingKeys: loadAuditVerifyingKeys(keyDir),
    token: async (caller: Partial<Caller> & { agency: string }, lifetime: string | number = "10m") =>
      issueAgencyToken(await loadAgencySigningKey(keyDir, caller.agency), { user: "tester", roles: ["viewer"], ...caller }, lifetime),
    remove: () => fs.rmSync(keyDir, { recursive: true, force: true }),
  };
}
export type TestKeys = Awaited<ReturnType<typeof testKeys>>;
