import fs from "node:fs";
import path from "node:path";
import { composeSupergraph, schemaDirectory } from "../kernel/compose";
import { subgraphsOf } from "../gateway/supergraph";
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
});
