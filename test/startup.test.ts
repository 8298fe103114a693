import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startProcess } from "../scripts/hub";
import { testKeys, type TestKeys } from "./support/keys";

describe("a process that cannot start says which variable is wrong and why", () => {
  let keys: TestKeys;
  let dataDir: string;

  beforeAll(async () => {
    keys = await testKeys();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-data-"));
  });
  afterAll(() => {
    keys.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (entry: string, env: Record<string, string>) =>
    startProcess(
      entry,
      { PATH: process.env.PATH, LIANFANG_KEY_DIR: keys.keyDir, LIANFANG_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
      "ignore",
    );

  it.each([
    [
      "an unreachable MySQL",
      "subgraphs/hrss/main.ts",
      { LIANFANG_MYSQL_URL: "mysql://root@127.0.0.1:1" },
      "lianfang: cannot start: LIANFANG_MYSQL_URL: cannot reach MySQL or create database lianfang_hrss: connect ECONNREFUSED 127.0.0.1:1",
    ],
    [
      "a MySQL URL that names a database",
      "subgraphs/emergency/main.ts",
      { LIANFANG_MYSQL_URL: "mysql://root@127.0.0.1:3306/test" },
      "lianfang: cannot start: LIANFANG_MYSQL_URL: must look like mysql://user:password@host:port (no database: each subgraph owns one)",
    ],
    [
      "a port that is not a number",
      "subgraphs/health/main.ts",
      { PORT: "forty" },
      "lianfang: cannot start: PORT: Invalid input: expected number, received NaN",
    ],
    [
      "a key folder without keys",
      "gateway/main.ts",
      { LIANFANG_KEY_DIR: "/nonexistent/keys", PORT: "0" },
      "lianfang: cannot start: LIANFANG_KEY_DIR: cannot read /nonexistent/keys/gateway.jwk.json: ENOENT",
    ],
    [
      "a mask pattern that cannot be read",
      "gateway/main.ts",
      { LIANFANG_MASK_PATTERNS: "idNumber=6", PORT: "0" },
      'lianfang: cannot start: LIANFANG_MASK_PATTERNS: "idNumber=6" is not <kind>=<keep at start>+<keep at end> with a kind of idNumber, phone, name',
    ],
    [
      "a subgraph URL that is not a URL",
      "gateway/main.ts",
      { LIANFANG_HRSS_URL: "hrss:4001", PORT: "0" },
      "lianfang: cannot start: LIANFANG_HRSS_URL: must be an http(s) URL such as http://hrss:4001/graphql",
    ],
  ])("%s", async (_case, entry, env, message) => {
    const outcome = await start(entry, env).then(
      ({ child }) => (child.kill(), "started"),
      (error: Error) => error.message,
    );

    expect(outcome).toBe(`${entry} exited with code 1 before it was ready: ${message}`);
  });

  it("a holiday notices file with a notice that cannot be used", async () => {
    const file = path.join(dataDir, "holiday-notices.json");
    fs.writeFileSync(file, JSON.stringify([{ year: 2026, document: "x", issuedOn: "2025-11-04", daysOff: [], makeUpWorkingDays: [] }]));

    const outcome = await start("subgraphs/coordination/main.ts", { LIANFANG_HOLIDAY_NOTICES: file, PORT: "0" }).then(
      ({ child }) => (child.kill(), "started"),
      (error: Error) => error.message,
    );

    expect(outcome).toBe(
      `subgraphs/coordination/main.ts exited with code 1 before it was ready: lianfang: cannot start: LIANFANG_HOLIDAY_NOTICES: ${file}: 2026 already has its notice (reference/statutory-holidays.ts or earlier in the file)`,
    );
  });
});
