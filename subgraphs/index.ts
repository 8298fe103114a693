import type { SubgraphDefinition } from "../kernel/subgraph";
import type { City } from "../synthetic/city";
import { coordination } from "./coordination/coordination.subgraph";
import { emergency } from "./emergency/emergency.subgraph";
import { health } from "./health/health.subgraph";
import { housing } from "./housing/housing.subgraph";
import { hrss } from "./hrss/hrss.subgraph";
import { transport } from "./transport/transport.subgraph";
import { unions } from "./unions/unions.subgraph";

/** Every department of the hub, in the order their default ports are assigned (4001 upwards). */
export const subgraphs: readonly SubgraphDefinition<City>[] = [hrss, emergency, health, transport, housing, unions, coordination];

/** Subgraph ports follow the gateway's 4000: hrss on 4001, emergency on 4002, ... in the order above. */
export function defaultSubgraphPort(name: string): number {
  const index = subgraphs.findIndex((subgraph) => subgraph.name === name);
  if (index < 0) throw new Error(`unknown subgraph ${name}`);
  return 4001 + index;
}

export const defaultSubgraphUrl = (name: string): string => `http://127.0.0.1:${defaultSubgraphPort(name)}/graphql`;
