import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { AuditLog, HeadAnchor } from "./audit";
import { AuditStore } from "./audit-store";
import { createLogger } from "../kernel/logger";
import { viewerEntry } from "../test/support/audit";

describe("group commit: a commit waits for the records of requests under way", () => {
  const { privateKey } = generateKeyPairSync("ed25519");
  const logger = createLogger("audit-commit-test", "silent");
  /** Far longer than any test may run: a commit that waited its full delay would time the test out. */
  const forever = 600_000;
  let dir: string;
  let store: AuditStore;
  let log: AuditLog;
  /** The number of records of each commit, in order. */
  let commits: number[];

  const open = async (commitDelayMs: number, now?: () => number) => {
    store = await AuditStore.open({ dbPrefix: "group_commit_" }, logger);
    const extend = store.extend.bind(store);
    jest.spyOn(store, "extend").mockImplementation((entries, key) => {
      commits.push(entries.length);
      return extend(entries, key);
    });
    log = new AuditLog(store, new HeadAnchor(path.join(dir, "audit-head.json")), { keyId: "test", privateKey }, logger, {
      commitDelayMs,
      now,
    });
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-group-commit-"));
    commits = [];
  });
  afterEach(async () => {
    await log.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const append = (requestId: string) => log.append(viewerEntry(requestId));
  /** Lets the event loop run what is ready, the in-thread store's commit included, several times over. */
  const settle = async () => {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    await store.head();
  };

  it("commits at once when no other request is under way", async () => {
    await open(forever);
    const appended = log.expectRecord();
    const record = append("r1");
    appended();

    expect((await record).seq).toBe(1);
    expect((await append("r2")).seq).toBe(2);
    expect(commits).toEqual([1, 1]);
  });

  it("holds a record while another request is under way, and commits both in one transaction when the other's comes", async () => {
    await open(forever);
    const first = log.expectRecord();
    const second = log.expectRecord();
    let firstCommitted = false;
    const r1 = append("r1").then((placed) => ((firstCommitted = true), placed));
    first();
    await settle();
    expect({ firstCommitted, head: (await store.head()).seq, commits }).toEqual({ firstCommitted: false, head: 0, commits: [] });

    const r2 = append("r2");
    second();
    expect((await Promise.all([r1, r2])).map((placed) => placed.seq)).toEqual([1, 2]);
    expect(commits).toEqual([2]);
  });

  it("stops waiting when a request under way ends without a record, and counts that only once", async () => {
    await open(forever);
    const first = log.expectRecord();
    const refused = log.expectRecord();
    const r1 = append("r1");
    first();
    await settle();
    expect((await store.head()).seq).toBe(0);

    refused();
    expect((await r1).seq).toBe(1);
    // Said twice, counted once: the next request under way is still waited for.
    refused();
    const next = log.expectRecord();
    log.expectRecord();
    void append("r2");
    next();
    await settle();
    expect({ head: (await store.head()).seq, commits }).toEqual({ head: 1, commits: [1] });
  });

  it("gives up a request that said a record would come and never did, once it is a minute old", async () => {
    let clock = 0;
    await open(forever, () => clock);
    log.expectRecord();
    clock = 61_000;

    expect((await append("r1")).seq).toBe(1);
  });

  it("does not wait when records have been coming more slowly than its delay", async () => {
    let clock = 0;
    await open(forever, () => clock);
    for (let seq = 1; seq <= 8; seq++) {
      expect((await append(`r${seq}`)).seq).toBe(seq);
      clock += 2 * forever;
    }
    log.expectRecord();

    expect((await append("r9")).seq).toBe(9);
    expect(commits).toEqual(Array(9).fill(1));
  });

  it("waits no longer than its delay for a record that does not come", async () => {
    await open(20);
    log.expectRecord();
    const [r1, r2] = await Promise.all([append("r1"), append("r2")]);

    expect([r1.seq, r2.seq]).toEqual([1, 2]);
    expect(commits).toEqual([2]);
  });

  it("never waits when no delay is set", async () => {
    await open(0);
    log.expectRecord();
    void append("r1");
    await settle();

    expect((await store.head()).seq).toBe(1);
  });

  it("commits what waits when the log closes", async () => {
    await open(forever);
    log.expectRecord();
    const r1 = append("r1");
    await settle();
    await log.close();

    expect((await r1).seq).toBe(1);
    expect(commits).toEqual([1]);
  });
});
