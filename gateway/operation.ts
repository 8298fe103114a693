import {
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
} from "graphql";
import { getArgumentValues, getVariableValues } from "graphql/execution/values";

/** Sizes assumed for lists when pricing an operation: a page's `first`, else this. */
export const assumedListSize = 10;

export interface OperationShape {
  /** Every field the operation selects, as "Type.field", once each. */
  resources: string[];
  depth: number;
  aliases: number;
  /** Fields the operation may resolve, lists multiplied by their page size. */
  cost: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /**
   * Whether a fragment on another object type than the parent is left out. The analysis reads
   * every fragment under an interface as it walks the first type it may be, to price them once;
   * a walk of an answer follows only what applies to the object at hand.
   */
  applyingOnly: boolean;
}

/** Visits each field of a selection set, entering fragments; `visit` returns whether to go deeper. */
function eachField(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLObjectType,
  visit: (field: FieldNode, parent: GraphQLObjectType) => void,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) visit(selection, parent);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      const target = fragmentTarget(walk, condition, parent);
      if (target) eachField(walk, selection.selectionSet, target, visit);
    } else {
      const fragment = walk.fragments[selection.name.value];
      const target = fragment && fragmentTarget(walk, walk.schema.getType(fragment.typeCondition.name.value), parent);
      if (target) eachField(walk, fragment.selectionSet, target, visit);
    }
  }
}

/**
 * The object type a fragment's fields are read as: its own type, or, for a fragment on an
 * interface or union, the object it applies to, so that `... on Interface { field }` is governed as
 * the object's field like any other.
 */
function fragmentTarget(
  walk: Walk,
  condition: GraphQLNamedType | null | undefined,
  parent: GraphQLObjectType,
): GraphQLObjectType | undefined {
  if (isObjectType(condition)) return walk.applyingOnly && condition !== parent ? undefined : condition;
  return isAbstractType(condition) && walk.schema.isSubType(condition, parent) ? parent : undefined;
}

/**
 * The page size a field will be executed with: its `first` as graphql-js itself computes it, from
 * the literal, the variable's value or default, or the argument's default. Cost is priced on
 * exactly what will run.
 */
function pageSizeOf(definition: GraphQLField<unknown, unknown>, field: FieldNode, variables: Record<string, unknown>): number | undefined {
  if (!definition.args.some((argument) => argument.name === "first")) return undefined;
  try {
    const first = getArgumentValues(definition, field, variables).first;
    return typeof first === "number" ? first : undefined;
  } catch {
    return undefined; // an invalid argument: execution refuses the operation anyway
  }
}

/** The operation's variables as graphql-js will execute them: values coerced, defaults applied. */
function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown> | undefined) {
  return getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 }).coerced ?? {};
}

function walkOf(
  schema: GraphQLSchema,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown>,
  applyingOnly = false,
): Walk {
  return { schema, fragments: Object.fromEntries(fragments.map((fragment) => [fragment.name.value, fragment])), variables, applyingOnly };
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType {
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) throw new Error(`the schema has no ${operation.operation} type`);
  return root;
}

/** What an operation reads and how heavy it is, measured before anything executes. */
export function analyseOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables?: Record<string, unknown>,
): OperationShape {
  const walk = walkOf(schema, fragments, coercedVariables(schema, operation, variables));
  const resources = new Set<string>();
  const shape = { depth: 0, aliases: 0, cost: 0 };
  const enter = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, depth: number, multiplier: number, pageSize?: number) => {
    shape.depth = Math.max(shape.depth, depth);
    eachField(walk, selectionSet, parent, (field, type) => {
      // Introspection is the schema, not any department's data: allowed or refused by its own switch.
      if (field.name.value.startsWith("__")) return;
      if (field.alias) shape.aliases++;
      resources.add(`${type.name}.${field.name.value}`);
      shape.cost += multiplier;
      const definition = type.getFields()[field.name.value];
      if (!definition || !field.selectionSet) return;
      const returned = getNamedType(definition.type);
      // An interface or union is read as each type it may be, each governed by its owner's catalogue; priced once.
      const possible = isObjectType(returned) ? [returned] : isAbstractType(returned) ? schema.getPossibleTypes(returned) : [];
      const first = pageSizeOf(definition, field, walk.variables);
      const listed = isListType(getNullableType(definition.type));
      const size = listed ? (pageSize ?? first ?? assumedListSize) : 1;
      possible.forEach((type, index) =>
        enter(field.selectionSet!, type, depth + 1, index === 0 ? multiplier * size : 0, listed ? undefined : (first ?? pageSize)),
      );
    });
  };
  enter(operation.selectionSet, rootType(schema, operation), 1, 1);
  return { resources: [...resources], ...shape };
}

/** One field of a compiled walk: where its value lies, what it is, and, for objects, what to visit inside. */
interface WalkedField {
  key: string;
  /** The fields answered under this key: one, or one of each type an interface or union may be. */
  resources: string[];
  inside?: WalkedField[];
  /** For an interface or union: what to visit inside an object of each type it may be. */
  insideByType?: Map<string, WalkedField[]>;
}

/** The fields under one response key visited once: a leaf's value seen as answered by each of its resources, objects' plans merged alike. */
function mergedByKey(fields: WalkedField[]): WalkedField[] {
  const byKey = new Map<string, WalkedField>();
  for (const field of fields) {
    const known = byKey.get(field.key);
    byKey.set(
      field.key,
      known
        ? {
            key: field.key,
            resources: [...new Set([...known.resources, ...field.resources])],
            // Merged from several types, a plan visits inside as every type it may be.
            inside: known.inside || field.inside ? mergedByKey([...(known.inside ?? []), ...(field.inside ?? [])]) : undefined,
          }
        : field,
    );
  }
  return [...byKey.values()];
}

/** Rewrites a result in place: `leaf` sees each value of a field the walk was compiled for and returns the value to keep. */
export type ResultWalk = (data: Record<string, unknown>, leaf: (resource: string, value: unknown) => unknown) => void;

/**
 * Compiles, once per operation, a walk of its results that visits only the fields `wanted`
 * names and the objects leading to them (aliases, fragments and lists followed), so that a
 * page of 200 enterprises costs a look at each wanted value, not a pass over the whole answer.
 * Inside an interface or union it visits the fields of the object's own type when the answer
 * names it (`__typename`, unless the operation gives another field that name as an alias), and
 * otherwise those of every type it may be: each sees the value as answered, and it is masked if
 * any of them masks it.
 */
export function compileResultWalk(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  wanted: (resource: string) => boolean,
): ResultWalk {
  const walk = walkOf(schema, fragments, {}, true);
  let typeNameAliased = false;
  const plan = (selectionSet: SelectionSetNode, parent: GraphQLObjectType): WalkedField[] => {
    const fields: WalkedField[] = [];
    eachField(walk, selectionSet, parent, (field, type) => {
      if (field.name.value === "__typename") return;
      const key = field.alias?.value ?? field.name.value;
      if (key === "__typename") typeNameAliased = true;
      const resources = [`${type.name}.${field.name.value}`];
      const returned = getNamedType(type.getFields()[field.name.value]?.type);
      if (field.selectionSet && isObjectType(returned)) {
        const inside = plan(field.selectionSet, returned);
        if (inside.length) fields.push({ key, resources, inside });
      } else if (field.selectionSet && isAbstractType(returned)) {
        const insideByType = new Map(
          schema.getPossibleTypes(returned).map((possible) => [possible.name, plan(field.selectionSet!, possible)]),
        );
        const inside = mergedByKey([...insideByType.values()].flat());
        if (inside.length) fields.push({ key, resources, inside, insideByType });
      } else if (wanted(resources[0])) fields.push({ key, resources });
    });
    return mergedByKey(fields);
  };
  const root = plan(operation.selectionSet, rootType(schema, operation));
  const visit = (fields: WalkedField[], target: Record<string, unknown>, leaf: (resource: string, value: unknown) => unknown) => {
    for (const field of fields) {
      const value = target[field.key];
      if (value === null || value === undefined) continue;
      if (field.inside) {
        const objects = Array.isArray(value) ? value.flat(Infinity) : [value];
        for (const object of objects) {
          if (!object || typeof object !== "object") continue;
          // An answer names an object's type only when asked to: without __typename, every type it may be is visited.
          const typeName = typeNameAliased ? undefined : (object as { __typename?: unknown }).__typename;
          const inside = (typeof typeName === "string" && field.insideByType?.get(typeName)) || field.inside;
          visit(inside, object as Record<string, unknown>, leaf);
        }
      } else {
        const kept = (item: unknown) => {
          let result = item;
          for (const resource of field.resources) {
            const returned = leaf(resource, item);
            if (returned !== item) result = returned;
          }
          return result;
        };
        target[field.key] = Array.isArray(value) ? value.map(kept) : kept(value);
      }
    }
  };
  return (data, leaf) => visit(root, data, leaf);
}
