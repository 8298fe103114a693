import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../kernel/project";
import { buildIsCurrent, recordedSources } from "../scripts/console";

describe("the console's build", () => {
  it("records every project file it bundled, those it shares with the server outside console/ too", () => {
    // Jest's global setup has built the console (or found it current), so the record is the real build's.
    const recorded = recordedSources();
    expect(recorded).toBeDefined();
    const shared = [
      "report/query.ts",
      "reference/labels.ts",
      "import/kinds.ts",
      "import/outcome.ts",
      "kernel/field-labels.ts",
      "kernel/purposes.ts",
    ];
    expect(shared.filter((file) => !recorded!.includes(path.join(projectRoot, file)))).toEqual([]);
    expect(recorded).toContain(path.join(projectRoot, "console", "src", "main.tsx"));
    expect(
      recorded!.filter((file) => !file.startsWith(projectRoot + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)),
    ).toEqual([]);
  });

  describe("is rebuilt", () => {
    let dir: string;
    let built: string;
    let input: string;
    let shared: string;
    let record: string;
    const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianfang-console-build-"));
      [built, input, shared, record] = ["index.html", "vite.config.ts", "query.ts", "sources.json"].map((name) => path.join(dir, name));
      for (const file of [built, input, shared]) fs.writeFileSync(file, "x");
      fs.writeFileSync(record, JSON.stringify([shared]));
      at(input, 1_000);
      at(shared, 1_000);
      at(built, 2_000);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("not while it is newer than its inputs and every file it recorded", () => {
      expect(buildIsCurrent(built, [input], record)).toBe(true);
    });

    it("when a file it recorded, outside its own inputs, changed after it", () => {
      at(shared, 3_000);
      expect(buildIsCurrent(built, [input], record)).toBe(false);
    });

    it("when one of its inputs changed after it", () => {
      at(input, 3_000);
      expect(buildIsCurrent(built, [input], record)).toBe(false);
    });

    it("when a file it recorded is gone", () => {
      fs.rmSync(shared);
      expect(buildIsCurrent(built, [input], record)).toBe(false);
    });

    it("when it recorded nothing readable, or there is no build", () => {
      fs.writeFileSync(record, "{not json");
      expect(buildIsCurrent(built, [input], record)).toBe(false);
      fs.writeFileSync(record, JSON.stringify({ files: [shared] }));
      expect(buildIsCurrent(built, [input], record)).toBe(false);
      fs.rmSync(record);
      expect(buildIsCurrent(built, [input], record)).toBe(false);
      fs.writeFileSync(record, JSON.stringify([shared]));
      fs.rmSync(built);
      expect(buildIsCurrent(built, [input], record)).toBe(false);
    });
  });
});
