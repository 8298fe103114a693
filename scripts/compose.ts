import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { composeSupergraph, schemaDirectory } from "../kernel/compose";
import { defaultSubgraphUrl, subgraphs } from "../subgraphs";

/** `npm run compose`: writes schema/<name>.graphql for each subgraph and schema/supergraph.graphql. */
async function main(): Promise<void> {
  const composed = await composeSupergraph(subgraphs, defaultSubgraphUrl);
  fs.mkdirSync(schemaDirectory, { recursive: true });
  for (const { name, sdl } of composed.subgraphs) fs.writeFileSync(path.join(schemaDirectory, `${name}.graphql`), sdl);
  fs.writeFileSync(path.join(schemaDirectory, "supergraph.graphql"), composed.supergraphSdl);
  process.stdout.write(
    `composed ${composed.subgraphs.length} subgraphs into ${path.relative(process.cwd(), schemaDirectory)}/supergraph.graphql\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
