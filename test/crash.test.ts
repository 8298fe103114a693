import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { HeadAnchor, headAnchorFile } from "../gateway/audit";
import { verifyChain } from "../gateway/audit-chain";
import { AuditStore } from "../gateway/audit-store";
import { subgraphUrlVariable } from "../gateway/supergraph";
import { openDatabase } from "../kernel/database";
import { creditCodeCheckCharacter } from "../kernel/identifiers/credit-code";
import { issueAgencyToken } from "../kernel/identity";
import { loadAgencySigningKey } from "../kernel/keys";
import { createLogger } from "../kernel/logger";
import { startProcess } from "../scripts/hub";
import { subgraphs } from "../subgraphs";
import { SupervisionCheck } from "../subgraphs/unions/supervision-check.entity";
import { unions } from "../subgraphs/unions/unions.subgraph";
import { testDatabase, type TestDatabase } from "./support/database";
import { testKeys, type TestKeys } from "./support/keys";

/** A process of the hub that the test can kill and start again on the same port. */
interface Restartable {
  entry: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
  url: string;
}

const killedAndExited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

async function start(entry: string, env: NodeJS.ProcessEnv): Promise<Restartable> {
  const { child, url } = await startProcess(entry, env, "ignore");
  return { entry, env: { ...env, PORT: new URL(url).port }, child, url };
}

async function crashAndRestart(victim: Restartable): Promise<void> {
  await killedAndExited(victim.child);
  victim.child = (await startProcess(victim.entry, victim.env, "ignore")).child;
}

const creditCode = (() => {
  const first17 = "91370303MA3C00001";
  return first17 + creditCodeCheckCharacter(first17);
})();

/**
 * Power-cut and kill -9 safety: processes of the hub are killed without warning, over and over,
 * while clients send mutations and audited reads through the gateway, and started again. Every
 * write the hub acknowledged must still be there, every acknowledged request must have its audit
 * record, the audit chain must verify, and no database file may be corrupt. The kills follow the
 * count of acknowledged operations, not the clock, so the test does the same on a slow machine.
 */
describe("the hub killed with SIGKILL under load", () => {
  let keys: TestKeys;
  let database: TestDatabase;
  let dataDir: string;
  const processes: Restartable[] = [];

  beforeAll(async () => {
    keys = await testKeys();
    database = testDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-crash-"));
  });
  afterAll(async () => {
    await Promise.all(processes.map((running) => killedAndExited(running.child)));
    await database.drop();
    keys.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no acknowledged write and no audit record, and corrupts no file", async () => {
    const env = {
      ...process.env,
      LIANFANG_KEY_DIR: keys.keyDir,
      LIANFANG_DATA_DIR: dataDir,
      LIANFANG_DB_PREFIX: database.dbPrefix,
      LIANFANG_RATE_LIMIT: "100000",
      LOG_LEVEL: "silent",
    };
    const started = await Promise.all(subgraphs.map((subgraph) => start(`subgraphs/${subgraph.name}/main.ts`, env)));
    processes.push(...started);
    const gatewayEnv = { ...env, PORT: "0" } as NodeJS.ProcessEnv;
    subgraphs.forEach((subgraph, index) => (gatewayEnv[subgraphUrlVariable(subgraph.name)] = started[index].url));
    const gateway = await start("gateway/main.ts", gatewayEnv);
    processes.push(gateway);
    const byName = (name: string) => started[subgraphs.findIndex((subgraph) => subgraph.name === name)];
    // What is killed, in turn: the gateway (audit store), the department written to, the owner of what is read.
    const victims = [gateway, byName("unions"), gateway, byName("hrss"), byName("unions"), gateway];

    const token = await issueAgencyToken(await loadAgencySigningKey(keys.keyDir, "unions"), {
      agency: "unions",
      user: "crash-test",
      roles: ["admin"],
    });
    const send = async (body: object) => {
      try {
        const response = await fetch(gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-lianfang-purpose": "SUPERVISION" },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { data?: Record<string, { id?: string } | null>; errors?: unknown[] };
        if (response.status === 200 && !answer.errors) return { requestId: response.headers.get("x-request-id")!, data: answer.data! };
      } catch {
        // the connection broke: nothing was acknowledged
      }
      await new Promise((resolve) => setTimeout(resolve, 50)); // while a process restarts, no busy loop
      return undefined;
    };
    const acknowledgedWrites: string[] = [];
    const acknowledgedRequests: string[] = [];
    const operationsBetweenKills = 25;
    let killsDone = 0;
    let nextKillAt = operationsBetweenKills;
    const acknowledge = async (requestId: string) => {
      acknowledgedRequests.push(requestId);
      if (acknowledgedRequests.length >= nextKillAt && killsDone < victims.length) {
        nextKillAt = Infinity;
        await crashAndRestart(victims[killsDone++]);
        nextKillAt = acknowledgedRequests.length + operationsBetweenKills;
      }
    };
    const writer = async () => {
      while (killsDone < victims.length || acknowledgedRequests.length < nextKillAt) {
        const written = await send({
          query: "mutation Check($input: RecordSupervisionCheckInput!) { recordSupervisionCheck(input: $input) { id } }",
          variables: { input: { creditCode, checkedOn: "2025-06-01", hazardsFound: 0 } },
        });
        if (written) {
          acknowledgedWrites.push(written.data.recordSupervisionCheck!.id!);
          await acknowledge(written.requestId);
        }
      }
    };
    const reader = async () => {
      while (killsDone < victims.length || acknowledgedRequests.length < nextKillAt) {
        const read = await send({
          query: "query Read { supervisionChecks(first: 3) { nodes { id } } enterprises(first: 1) { nodes { name } } }",
        });
        if (read) await acknowledge(read.requestId);
      }
    };
    await Promise.all([writer(), writer(), writer(), reader()]);
    await Promise.all(processes.map((running) => killedAndExited(running.child)));

    const logger = createLogger("crash-test", "silent");
    const unionsDb = await openDatabase({
      name: unions.name,
      entities: unions.entities,
      migrations: unions.migrations,
      mysqlUrl: database.mysqlUrl,
      prefix: database.dbPrefix,
      dataDir,
      logger,
    });
    const storedIds = new Set((await unionsDb.getRepository(SupervisionCheck).find({ select: { id: true } })).map((check) => check.id));
    await unionsDb.destroy();
    const audit = await AuditStore.open({ mysqlUrl: database.mysqlUrl, dbPrefix: database.dbPrefix, dataDir }, logger);
    const auditedIds = new Set(
      ((await audit.db.query("SELECT request_id FROM audit_record")) as { request_id: string }[]).map((row) => row.request_id),
    );
    const chain = await verifyChain(audit.pages(), keys.auditVerifyingKeys, [
      new HeadAnchor(headAnchorFile(dataDir, database.dbPrefix)).read()!,
    ]);
    await audit.close();
    const files = fs.readdirSync(dataDir).filter((file) => file.endsWith(".sqlite"));
    const corrupt = files.filter((file) => {
      const connection = new Database(path.join(dataDir, file), { readonly: true });
      try {
        return connection.pragma("integrity_check", { simple: true }) !== "ok";
      } finally {
        connection.close();
      }
    });

    expect(killsDone).toBe(victims.length);
    expect(acknowledgedWrites.length).toBeGreaterThan(victims.length * 5);
    expect({
      acknowledgedWritesLost: acknowledgedWrites.filter((id) => !storedIds.has(id)).length,
      auditRecordsLost: acknowledgedRequests.filter((id) => !auditedIds.has(id)).length,
      corruptFiles: corrupt,
      chain: { ok: chain.ok, broken: chain.broken },
    }).toEqual({ acknowledgedWritesLost: 0, auditRecordsLost: 0, corruptFiles: [], chain: { ok: true, broken: [] } });
    if (!database.mysqlUrl) expect(files.length).toBe(subgraphs.length + 1);
  }, 600_000);
});
