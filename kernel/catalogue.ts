import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from "graphql";
import { maskKinds, sharingDirective, type MaskKind, type SharingLevel } from "./sharing";

/** One field of the composed graph as the sharing catalogue sees it. */
export interface CatalogueEntry {
  resource: string;
  /** The departments that resolve the field; usually one, every joining department for a key. */
  owners: string[];
  /** Null: the owner declared no level, so only the owner reads it. */
  level: SharingLevel | null;
  basis?: string;
  mask?: MaskKind;
}

const argument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  return value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;
};

/** Reads every field's owners and sharing level out of a composed supergraph. */
export function readCatalogue(supergraphSdl: string): Map<string, CatalogueEntry> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph") {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
        graphNames.set(value.name.value, (graph && argument(graph, "name")) ?? value.name.value.toLowerCase());
      }
    }
  }
  const graphsOf = (directives: readonly ConstDirectiveNode[] | undefined, name: string) =>
    (directives ?? [])
      .filter((directive) => directive.name.value === name && argument(directive, "external") !== "true")
      .flatMap((directive) => {
        const graph = argument(directive, "graph");
        return graph ? [graphNames.get(graph) ?? graph] : [];
      });
  const entries = new Map<string, CatalogueEntry>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const type = definition as ObjectTypeDefinitionNode;
    if (type.name.value.startsWith("join__") || type.name.value.startsWith("link__")) continue;
    const typeGraphs = graphsOf(type.directives, "join__type");
    for (const field of type.fields ?? []) {
      const fieldGraphs = graphsOf(field.directives, "join__field");
      const sharing = field.directives?.find((directive) => directive.name.value === sharingDirective);
      const mask = sharing && argument(sharing, "mask");
      const resource = `${type.name.value}.${field.name.value}`;
      entries.set(resource, {
        resource,
        owners: [...new Set(fieldGraphs.length ? fieldGraphs : typeGraphs)].sort(),
        level: sharing ? (argument(sharing, "level") as SharingLevel) : null,
        ...(sharing && argument(sharing, "basis") ? { basis: argument(sharing, "basis") } : {}),
        ...(mask && (maskKinds as readonly string[]).includes(mask) ? { mask: mask as MaskKind } : {}),
      });
    }
  }
  return entries;
}

/** Whether a granted resource ("Type.field" or "Type.*") covers a field. */
export function covers(granted: string, resource: string): boolean {
  return granted === resource || (granted.endsWith(".*") && resource.startsWith(granted.slice(0, -1)));
}
