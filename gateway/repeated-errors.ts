import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/** An error as its reader sees it, whichever department raised it. */
const sameAs = ({ message, path, extensions }: GraphQLFormattedError): string => {
  const { serviceName: _department, ...rest } = extensions ?? {};
  return JSON.stringify([message, path, rest]);
};

/**
 * Several departments asked the same root field at once (the meeting report's sections) each
 * refuse a bad key with the same error: the caller reads it once, as the first department raised it.
 */
export const repeatedErrorsOncePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || !response.body.singleResult.errors?.length) return;
        const seen = new Set<string>();
        response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
          const key = sameAs(error);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      },
    };
  },
};
