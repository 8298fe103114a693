import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { projectRoot } from "./project";
import { printSubgraphSdl, type SubgraphDefinition } from "./subgraph";

export interface ComposedSchemas {
  subgraphs: { name: string; sdl: string }[];
  supergraphSdl: string;
}

/** Composes the subgraphs into a standard Federation 2 supergraph (any Federation gateway or router serves it). */
export async function composeSupergraph(
  definitions: readonly SubgraphDefinition[],
  urlOf: (name: string) => string,
): Promise<ComposedSchemas> {
  const subgraphs = await Promise.all(
    definitions.map(async (definition) => ({ name: definition.name, sdl: await printSubgraphSdl(definition) })),
  );
  const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, typeDefs: parse(sdl), url: urlOf(name) })));
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  return { subgraphs, supergraphSdl: result.supergraphSdl };
}

/** Committed, generated SDL: each subgraph's and the composed supergraph. */
export const schemaDirectory = path.join(projectRoot, "schema");
export const supergraphFile = path.join(schemaDirectory, "supergraph.graphql");

export const readSupergraph = (file: string): string => fs.readFileSync(file, "utf8");
