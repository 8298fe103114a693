import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/** An error as its reader sees it, whichever department raised it. */
const sameAs = ({ message, path, extensions }: GraphQLFormattedError): string => {
  const { serviceName: _department, ...rest } = extensions ?? {};
  return JSON.stringify([message, path, rest]);
};

/**
 * Several departments asked the same root field at once (the meeting report's sections) each
 * refuse a bad key with the same error: the caller reads it once, as the first department raised
 * it, with every department that raised it in `extensions.serviceNames`.
 */
export function repeatedErrorsOnce(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const alike = new Map<string, GraphQLFormattedError[]>();
  for (const error of errors) {
    const key = sameAs(error);
    alike.set(key, [...(alike.get(key) ?? []), error]);
  }
  return [...alike.values()].map((group) => {
    const serviceNames = group.map((error) => error.extensions?.serviceName).filter((name) => name !== undefined);
    return serviceNames.length > 1 ? { ...group[0], extensions: { ...group[0].extensions, serviceNames } } : group[0];
  });
}

export const repeatedErrorsOncePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || !response.body.singleResult.errors?.length) return;
        response.body.singleResult.errors = repeatedErrorsOnce(response.body.singleResult.errors);
      },
    };
  },
};
