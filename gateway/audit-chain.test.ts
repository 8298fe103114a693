import { generateKeyPairSync } from "node:crypto";
import { chainAfter, genesis, recordHash, uncoveredProblem, verifyChain, type ChainRecord } from "./audit-chain";
import { viewerEntry } from "../test/support/audit";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const key = { keyId: "audit-test", privateKey };
const verifyingKeys = new Map([[key.keyId, publicKey]]);

/** Commits of the given sizes, one after another, as the store chains them. */
function commits(...sizes: number[]): ChainRecord[] {
  const records: ChainRecord[] = [];
  for (const size of sizes) {
    const head = records.at(-1) ?? genesis;
    records.push(
      ...chainAfter(
        head,
        Array.from({ length: size }, (_, index) => viewerEntry(`r${head.seq + index + 1}`)),
        key,
      ),
    );
  }
  return records;
}

/** A record whose stored hash is recomputed over its new content, as someone without the key would forge it. */
const rehashed = (record: ChainRecord, change: Partial<ChainRecord>): ChainRecord => {
  const changed = { ...record, ...change };
  return { ...changed, hash: recordHash(changed) };
};

const verify = (records: ChainRecord[]) =>
  verifyChain(
    (async function* () {
      yield records;
    })(),
    verifyingKeys,
  );

describe("the audit chain: one signature per commit, covering its records through their links", () => {
  it("signs the last record of each commit and verifies every record by it", async () => {
    const records = commits(3, 1, 2);

    expect(records.map((record) => record.signature !== "")).toEqual([false, false, true, true, false, true]);
    expect(records.every((record) => record.keyId === key.keyId)).toBe(true);
    expect(await verify(records)).toEqual({ ok: true, checked: 6, broken: [] });
  });

  it("names a covered record rewritten with its hash recomputed, and the records of its commit the signature no longer covers", async () => {
    const [first, second, third, fourth] = commits(3, 1);

    expect(await verify([first, rehashed(second, { agency: "intruder" }), third, fourth])).toEqual({
      ok: false,
      checked: 4,
      broken: [
        { from: 1, to: 2, problem: uncoveredProblem },
        { from: 3, to: 3, problem: "does not follow record 2: inserted or reordered" },
      ],
    });
  });

  it("names a covered record altered under its old hash as altered, and still covers the rest of its commit", async () => {
    const [first, second, third] = commits(3);

    expect(await verify([first, { ...second, agency: "intruder" }, third])).toEqual({
      ok: false,
      checked: 3,
      broken: [{ from: 2, to: 2, problem: "altered or forged: its content or signature does not verify" }],
    });
  });

  it("names an unsigned record forged after the last signed one", async () => {
    const [first] = commits(1);
    const forged = rehashed({ ...first, ...viewerEntry("forged"), seq: 2, previousHash: first.hash, signature: "" }, {});

    expect(await verify([first, forged])).toEqual({ ok: false, checked: 2, broken: [{ from: 2, to: 2, problem: uncoveredProblem }] });
  });

  it("names the records of a commit whose signed record was deleted, or stripped of its signature", async () => {
    const [first, second, third, fourth] = commits(3, 1);

    expect(await verify([first, second, fourth])).toEqual({
      ok: false,
      checked: 3,
      broken: [
        { from: 1, to: 2, problem: uncoveredProblem },
        { from: 3, to: 3, problem: "deleted" },
      ],
    });
    expect(await verify([first, second, { ...third, signature: "" }])).toEqual({
      ok: false,
      checked: 3,
      broken: [{ from: 1, to: 3, problem: uncoveredProblem }],
    });
  });
});
