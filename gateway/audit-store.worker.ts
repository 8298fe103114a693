import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import type { AuditEntry } from "./audit-chain";
import { sqliteWriter } from "./audit-rows";
import { embeddedBusyTimeoutMs, prepareEmbeddedConnection } from "../kernel/embedded";
import type { AuditKey } from "../kernel/keys";

/**
 * The embedded audit store's writer: its own connection to the store's file, in a thread of its
 * own, so that a commit's data sync holds up this thread and not the gateway's event loop, and
 * the requests answered meanwhile gather into the next commit.
 */
/** `key` travels only when it differs from the last one sent: a key cloned into the thread anew would be prepared anew. */
export type WriterOp = { op: "append"; entries: AuditEntry[]; key?: AuditKey } | { op: "index"; upTo: number };

export type WriterRequest = WriterOp & { id: number };

export type WriterReply = { id: number; result: unknown } | { id: number; error: string };

const connection = new Database((workerData as { file: string }).file, { timeout: embeddedBusyTimeoutMs });
prepareEmbeddedConnection(connection);
const writer = sqliteWriter(connection);

let key: AuditKey | undefined;

parentPort!.on("message", (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    if (request.op === "append") key = request.key ?? key;
    reply = { id: request.id, result: request.op === "append" ? writer.append(request.entries, key!) : writer.index(request.upTo) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
