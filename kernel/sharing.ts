import {
  Kind,
  parse,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
} from "graphql";

/**
 * The sharing catalogue (资源目录): every field carries a sharing level. 无条件共享 UNCONDITIONAL
 * fields any department reads; 有条件共享 CONDITIONAL fields need a grant for the stated purpose;
 * 不予共享 NONE fields stay with their owner. A field with no level is read by its owner alone.
 */
export type SharingLevel = "UNCONDITIONAL" | "CONDITIONAL" | "NONE";
export const maskKinds = ["idNumber", "phone", "name"] as const;
export type MaskKind = (typeof maskKinds)[number];

export interface SharingRule {
  level: SharingLevel;
  /** The law or policy behind the level; required for CONDITIONAL and NONE. */
  basis?: string;
  /** Personal data masked for every reader but the owner, unless a grant allows it in clear. */
  mask?: MaskKind;
}

/** A department's catalogue, keyed "Type.field", or "Type.*" for every field of a type it defines. */
export type SharingCatalogue = Record<string, SharingRule>;

export const unconditional = (basis?: string): SharingRule => ({ level: "UNCONDITIONAL", ...(basis ? { basis } : {}) });
export const conditional = (basis: string, mask?: MaskKind): SharingRule => ({ level: "CONDITIONAL", basis, ...(mask ? { mask } : {}) });
export const notShared = (basis: string): SharingRule => ({ level: "NONE", basis });

/** Why each department's industry figures are shared: the office and the department declare them alike, so the composed rule keeps it. */
export const industryFiguresBasis = "数据分析研判, 工伤预防五年行动计划 数据共享";

export const sharingDirective = "sharing";
const sharingSpec = "https://lianfang.dev/sharing/v1.0";
export const sharingSchemaExtension = `extend schema @link(url: "${sharingSpec}", import: ["@${sharingDirective}"]) @composeDirective(name: "@${sharingDirective}")
directive @${sharingDirective}(level: String!, basis: String, mask: String) on FIELD_DEFINITION
`;

/** Types every subgraph shares for paging; their fields carry no data of their own. */
export const structuralTypes = new Set<string>(["PageInfo"]);

function directiveFor(rule: SharingRule): ConstDirectiveNode {
  const argument = (name: string, value: string) => ({
    kind: Kind.ARGUMENT as const,
    name: { kind: Kind.NAME as const, value: name },
    value: { kind: Kind.STRING as const, value },
  });
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: sharingDirective },
    arguments: [
      argument("level", rule.level),
      ...(rule.basis ? [argument("basis", rule.basis)] : []),
      ...(rule.mask ? [argument("mask", rule.mask)] : []),
    ],
  };
}

/** Simple `@key(fields: "a b")` field names of an object type. */
function keyFields(type: ObjectTypeDefinitionNode): Set<string> {
  const names = new Set<string>();
  for (const directive of type.directives ?? []) {
    if (directive.name.value !== "key") continue;
    const fields = directive.arguments?.find((argument) => argument.name.value === "fields")?.value;
    if (fields?.kind === Kind.STRING) fields.value.split(/\s+/).forEach((name) => names.add(name));
  }
  return names;
}

/**
 * The one rule of every entity key, the same in every subgraph that declares the key, so that
 * composition has one declaration to keep: keys are how departments join (a pid is already a
 * pseudonym). Were each department free to word it, composition would keep one at random and
 * could lose the owner's basis.
 */
export const keyRule: SharingRule = unconditional("实体键：各部门据此关联共享数据（人员键为假名化标识）");

/**
 * Writes the catalogue into a subgraph's SDL as `@sharing` directives, so composition carries it
 * into the supergraph. Entity keys take `keyRule` (a catalogue may not word them, nor do its
 * `Type.*` entries reach them); paging types are UNCONDITIONAL. An entry naming no field is an
 * error, never silently lost.
 */
export function applyCatalogue(sdl: string, catalogue: SharingCatalogue, subgraph: string): DocumentNode {
  const unused = new Set(Object.keys(catalogue));
  const decorate = (type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): FieldDefinitionNode => {
    const typeName = type.name.value;
    const exact = `${typeName}.${field.name.value}`;
    const wildcard = `${typeName}.*`;
    if (keyFields(type).has(field.name.value)) {
      if (catalogue[exact]) throw new Error(`${subgraph} catalogue words the entity key ${exact}: keys share the kernel's key rule`);
      return { ...field, directives: [...(field.directives ?? []), directiveFor(keyRule)] };
    }
    let rule = catalogue[exact] ?? catalogue[wildcard];
    if (catalogue[exact]) unused.delete(exact);
    else if (catalogue[wildcard]) unused.delete(wildcard);
    if (!rule && structuralTypes.has(typeName)) rule = unconditional();
    return rule ? { ...field, directives: [...(field.directives ?? []), directiveFor(rule)] } : field;
  };
  const document = visit(parse(sdl), {
    ObjectTypeDefinition: (type) => ({ ...type, fields: type.fields?.map((field) => decorate(type, field)) }),
    ObjectTypeExtension: (type) => ({
      ...type,
      fields: type.fields?.map((field) => decorate(type as unknown as ObjectTypeDefinitionNode, field)),
    }),
  });
  if (unused.size) throw new Error(`${subgraph} catalogue names fields its schema does not have: ${[...unused].join(", ")}`);
  return document;
}
