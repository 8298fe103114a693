import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { AuditLog, HeadAnchor } from "./audit";
import { AuditStore } from "./audit-store";
import { createLogger } from "../kernel/logger";
import { viewerEntry } from "../test/support/audit";
import { auditAnchorWrites } from "../kernel/metrics";

const head = (seq: number) => ({ seq, hash: seq.toString(16).padStart(64, "0") });

describe("the audit head's anchor: two slots written in turn, a torn write loses only the newest head", () => {
  let dir: string;
  let file: string;
  let anchor: HeadAnchor;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-anchor-"));
    file = path.join(dir, "audit-head.json");
    anchor = new HeadAnchor(file);
  });
  afterEach(async () => {
    await anchor.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads nothing before the first write and the newest head after each", async () => {
    expect(anchor.read()).toBeUndefined();
    for (const seq of [1, 2, 3, 4, 5]) {
      await anchor.write(head(seq));
      expect(new HeadAnchor(file).read()).toEqual(head(seq));
    }
    expect(fs.statSync(file).size).toBe(8192);
  });

  it("reads the previous head when the newest slot was torn by a crash", async () => {
    for (const seq of [7, 8]) await anchor.write(head(seq));
    const bytes = fs.readFileSync(file);
    const newest = bytes.indexOf(`"seq":8`) < 4096 ? 0 : 1;
    bytes.write('{"generation":9,"seq":9,"ha', newest * 4096);

    fs.writeFileSync(file, bytes);

    expect(new HeadAnchor(file).read()).toEqual(head(7));
  });

  it("refuses a file that holds no valid head rather than reading it as no anchor", () => {
    fs.writeFileSync(file, "x".repeat(8192));

    expect(() => anchor.read()).toThrow(`${file} is not an audit head`);
  });

  it("follows another writer of the same file: the last head written is the anchor, even a lower one", async () => {
    const other = new HeadAnchor(file);
    await anchor.write(head(10));
    await other.write(head(11));
    await anchor.write(head(12));
    await other.write(head(6));

    expect(new HeadAnchor(file).read()).toEqual(head(6));
    await other.close();
  });

  it("creates the file again when it was deleted while the writer held it open", async () => {
    await anchor.write(head(3));
    fs.rmSync(file);

    await anchor.write(head(4));

    expect(new HeadAnchor(file).read()).toEqual(head(4));
  });

  it("writes the file now at the path when the one it held was renamed away, and leaves the renamed one alone", async () => {
    await anchor.write(head(3));
    fs.renameSync(file, `${file}.bak`);

    await anchor.write(head(4));

    expect(new HeadAnchor(file).read()).toEqual(head(4));
    expect(new HeadAnchor(`${file}.bak`).read()).toEqual(head(3));
  });

  it("two writers of one file share it in place: the file is not replaced on every write", async () => {
    const other = new HeadAnchor(file);
    await anchor.write(head(1));
    await other.write(head(2));
    const inode = fs.statSync(file).ino;

    for (const seq of [3, 4, 5, 6]) await (seq % 2 ? anchor : other).write(head(seq));

    expect(fs.statSync(file).ino).toBe(inode);
    expect(new HeadAnchor(file).read()).toEqual(head(6));
    await other.close();
  });

  it("recovers from a write that could not create the file again: the next write creates it", async () => {
    await anchor.write(head(1));
    fs.rmSync(file);
    fs.mkdirSync(`${file}.${process.pid}.next`);
    await expect(anchor.write(head(2))).rejects.toThrow();

    fs.rmdirSync(`${file}.${process.pid}.next`);
    await anchor.write(head(3));

    expect(new HeadAnchor(file).read()).toEqual(head(3));
  });

  it("reads an anchor in the earlier one-document form and replaces it with slots on the next write", async () => {
    fs.writeFileSync(file, JSON.stringify(head(20)));
    expect(anchor.read()).toEqual(head(20));

    await anchor.write(head(21));

    expect(new HeadAnchor(file).read()).toEqual(head(21));
    expect(fs.readFileSync(file, "utf8")).toMatch(/^\{"generation":1,"seq":21,/);
  });
});

describe("the audit log's anchoring: after the commit, while the next goes on", () => {
  /** An anchor whose writes wait until the test opens it, fail for the heads it is told to, and list the heads written. */
  class HeldAnchor extends HeadAnchor {
    anchoredSeqs: number[] = [];
    failing = new Set<number>();
    open!: () => void;
    private readonly opened = new Promise<void>((resolve) => (this.open = resolve));

    override async write(head: { seq: number; hash: string }): Promise<void> {
      await this.opened;
      if (this.failing.has(head.seq)) throw new Error("disk full");
      await super.write(head);
      this.anchoredSeqs.push(head.seq);
    }
  }

  const { privateKey } = generateKeyPairSync("ed25519");
  const logger = createLogger("audit-anchor-test", "silent");
  let dir: string;
  let log: AuditLog;
  let anchor: HeldAnchor;

  /** The spacing after each anchor write: none, or, once a test holds it, until the test ends it. */
  let holdPauses: boolean;
  let endPause: () => void;
  let pauses: number;
  const pause = () => {
    pauses++;
    return holdPauses ? new Promise<void>((resolve) => (endPause = resolve)) : Promise.resolve();
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-anchoring-"));
    anchor = new HeldAnchor(path.join(dir, "audit-head.json"));
    holdPauses = false;
    pauses = 0;
    endPause = () => undefined;
    log = new AuditLog(await AuditStore.open({ dbPrefix: "anchoring_" }, logger), anchor, { keyId: "test", privateKey }, logger, {
      pauseAfterAnchor: pause,
    });
  });
  afterEach(async () => {
    anchor.open();
    endPause();
    await log.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const append = (requestId: string) => log.append(viewerEntry(requestId));

  it("releases each record once committed, and anchors the commits made during a write by one write of the newest head", async () => {
    const first = await append("r1");
    const [second, third] = await Promise.all([append("r2"), append("r3")]);
    const fourth = await append("r4");

    expect([first.seq, second.seq, third.seq, fourth.seq]).toEqual([1, 2, 3, 4]);
    expect(anchor.anchoredSeqs).toEqual([]);
    anchor.open();
    await log.anchored();
    expect(anchor.anchoredSeqs).toEqual([1, 4]);
    expect(new HeadAnchor(anchor.file).read()).toEqual({ seq: 4, hash: fourth.hash });
  });

  it("anchors the commits made in the spacing after a write by one write of the newest head, when the spacing ends", async () => {
    holdPauses = true;
    anchor.open();
    await append("r1");
    await log.anchored();
    // The head is anchored: waiting for it again does not wait for the spacing.
    await log.anchored();
    const second = await append("r2");
    const third = await append("r3");
    const anchoredThird = log.anchored();

    expect({ anchored: anchor.anchoredSeqs, pauses, read: new HeadAnchor(anchor.file).read()?.seq }).toEqual({
      anchored: [1],
      pauses: 1,
      read: 1,
    });
    endPause();
    await anchoredThird;
    expect(anchor.anchoredSeqs).toEqual([1, 3]);
    expect(new HeadAnchor(anchor.file).read()).toEqual({ seq: third.seq, hash: third.hash });
    expect(second.seq).toBe(2);
  });

  it("counts a failed write, and anchors the next head all the same", async () => {
    const failures = async () => (await auditAnchorWrites.get()).values.find((value) => value.labels.outcome === "failed")?.value ?? 0;
    const failedBefore = await failures();
    anchor.failing.add(1);
    anchor.open();

    await append("r1");
    await log.anchored();
    expect({ anchored: anchor.read(), failed: (await failures()) - failedBefore }).toEqual({ anchored: undefined, failed: 1 });

    const second = await append("r2");
    await log.anchored();
    expect(anchor.read()).toEqual({ seq: second.seq, hash: second.hash });
  });

  it("anchors the last head before it closes", async () => {
    const record = await append("r1");
    const closed = log.close();
    anchor.open();
    await closed;

    expect(new HeadAnchor(anchor.file).read()).toEqual({ seq: record.seq, hash: record.hash });
  });
});
