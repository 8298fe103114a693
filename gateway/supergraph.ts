import { Kind, parse, type StringValueNode } from "graphql";

/** The subgraphs a supergraph names (its `join__Graph` enum) and the URL each was composed with. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  const graphs = parse(supergraphSdl).definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph",
  );
  if (!graphs || graphs.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error("not a supergraph: it has no join__Graph enum");
  return (graphs.values ?? []).map((value) => {
    const directive = value.directives?.find((candidate) => candidate.name.value === "join__graph");
    const argument = (name: string) =>
      (directive?.arguments?.find((candidate) => candidate.name.value === name)?.value as StringValueNode | undefined)?.value ?? "";
    return { name: argument("name"), url: argument("url") };
  });
}

/** `LIANFANG_<NAME>_URL`, e.g. LIANFANG_HRSS_URL: where the gateway finds that subgraph instead of the composed URL. */
export const subgraphUrlVariable = (name: string): string => `LIANFANG_${name.toUpperCase()}_URL`;
