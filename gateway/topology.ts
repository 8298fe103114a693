import path from "node:path";
import { subgraphs } from "../subgraphs";

/** Committed, generated SDL: each subgraph's and the composed supergraph. */
export const schemaDirectory = path.resolve(__dirname, "..", "schema");
export const supergraphFile = path.join(schemaDirectory, "supergraph.graphql");

export const subgraphNames = subgraphs.map((subgraph) => subgraph.name);

/** Subgraph ports follow the gateway's: hrss on 4001, emergency on 4002, ... in registry order. */
export function defaultSubgraphPort(name: string): number {
  const index = subgraphNames.indexOf(name);
  if (index < 0) throw new Error(`unknown subgraph ${name}`);
  return 4001 + index;
}

export const defaultSubgraphUrl = (name: string): string => `http://127.0.0.1:${defaultSubgraphPort(name)}/graphql`;

/** `LIANFANG_<NAME>_URL`, e.g. LIANFANG_HRSS_URL: where the gateway finds that subgraph. */
export const subgraphUrlVariable = (name: string): string => `LIANFANG_${name.toUpperCase()}_URL`;
