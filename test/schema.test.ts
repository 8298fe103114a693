import fs from "node:fs";
import path from "node:path";
import { composeSupergraph, schemaDirectory } from "../kernel/compose";
import { subgraphsOf } from "../gateway/supergraph";
import { readCatalogue } from "../kernel/catalogue";
import { keyRule } from "../kernel/sharing";
import { defaultSubgraphUrl, subgraphs } from "../subgraphs";

describe("the committed schema/", () => {
  it("is exactly what the code composes (run `npm run compose` after changing a subgraph's types)", async () => {
    const composed = await composeSupergraph(subgraphs, defaultSubgraphUrl);
    const committed = (file: string) => fs.readFileSync(path.join(schemaDirectory, file), "utf8");

    for (const { name, sdl } of composed.subgraphs) expect([name, committed(`${name}.graphql`)]).toEqual([name, sdl]);
    expect(committed("supergraph.graphql")).toEqual(composed.supergraphSdl);
  });

  it("names every subgraph once, at its default URL, in the supergraph", () => {
    const supergraph = fs.readFileSync(path.join(schemaDirectory, "supergraph.graphql"), "utf8");

    expect(subgraphsOf(supergraph).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      subgraphs.map(({ name }) => ({ name, url: defaultSubgraphUrl(name) })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it("fails composition loudly when two subgraphs disagree", async () => {
    const [hrss] = subgraphs;
    await expect(composeSupergraph([hrss, { ...hrss, name: "hrss_copy" }], () => "http://127.0.0.1:1/graphql")).rejects.toThrow(
      /composition failed/,
    );
  });

  it("keeps every owner's sharing rule, basis and mask in the composed supergraph, and the one key rule for keys", async () => {
    const { supergraphSdl, subgraphs: sdls } = await composeSupergraph(subgraphs, defaultSubgraphUrl);
    const composed = readCatalogue(supergraphSdl);
    const keys = new Set(
      sdls.flatMap(({ sdl }) =>
        [...sdl.matchAll(/type (\w+)[^{]*?@key\(fields: "([^"]+)"/g)].flatMap(([, type, fields]) =>
          fields.split(" ").map((field) => `${type}.${field}`),
        ),
      ),
    );
    const mismatches: string[] = [];
    for (const definition of subgraphs) {
      for (const entry of composed.values()) {
        if (!entry.owners.includes(definition.name) || keys.has(entry.resource)) continue;
        const [typeName] = entry.resource.split(".");
        const declared = definition.catalogue[entry.resource] ?? definition.catalogue[`${typeName}.*`];
        if (!declared) continue;
        const kept = { level: entry.level, basis: entry.basis, mask: entry.mask };
        if (JSON.stringify(kept) !== JSON.stringify({ level: declared.level, basis: declared.basis, mask: declared.mask }))
          mismatches.push(`${entry.resource}: declared ${JSON.stringify(declared)}, composed ${JSON.stringify(kept)}`);
      }
    }
    const keyEntries = [...keys].map((resource) => composed.get(resource));

    expect(mismatches).toEqual([]);
    expect(keys).toContain("Enterprise.creditCode");
    expect(keyEntries.map((entry) => [entry?.resource, entry?.level, entry?.basis])).toEqual(
      [...keys].map((resource) => [resource, keyRule.level, keyRule.basis]),
    );
  });
});
