import { ApolloLink } from "@apollo/client";
import { Kind, visit, type DocumentNode } from "graphql";

/**
 * Removes from an operation the fields marked `@include(if: false)`, and the variables left
 * unused, before it is sent. The gateway judges every field an operation names, included or not,
 * so a page asks for a field the caller may not read only when the sharing catalogue says it may.
 */
export function withoutExcludedFields(
  document: DocumentNode,
  variables: Record<string, unknown>,
): { document: DocumentNode; variables: Record<string, unknown> } {
  const pruned = visit(document, {
    Field(node) {
      const include = node.directives?.find((directive) => directive.name.value === "include");
      if (!include) return undefined;
      const condition = include.arguments?.find((argument) => argument.name.value === "if")?.value;
      const on =
        condition?.kind === Kind.BOOLEAN
          ? condition.value
          : condition?.kind === Kind.VARIABLE
            ? Boolean(variables[condition.name.value])
            : true;
      return on ? { ...node, directives: node.directives?.filter((directive) => directive !== include) } : null;
    },
  });
  const used = new Set<string>();
  visit(pruned, {
    VariableDefinition: () => false,
    Variable(node) {
      used.add(node.name.value);
    },
  });
  return {
    document: visit(pruned, { VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null) }),
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name))),
  };
}

export const pruneLink = new ApolloLink((operation, forward) => {
  const { document, variables } = withoutExcludedFields(operation.query, operation.variables);
  operation.query = document;
  operation.variables = variables;
  return forward(operation);
});
