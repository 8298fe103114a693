import { GraphQLError } from "graphql";
import { fieldLabel } from "./field-labels";

/** Error codes a client can act on; the GraphQL `extensions.code` of every error Lianfang raises. */
export type ErrorCode = "BAD_USER_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "HOLIDAY_DATA_MISSING";

const httpStatus: Record<ErrorCode, number | undefined> = {
  BAD_USER_INPUT: undefined,
  UNAUTHENTICATED: 401,
  FORBIDDEN: undefined,
  NOT_FOUND: undefined,
  HOLIDAY_DATA_MISSING: undefined,
};

export function lianfangError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  const status = httpStatus[code];
  return new GraphQLError(message, {
    extensions: { code, ...details, ...(status ? { http: { status } } : {}) },
  });
}

/**
 * Rejects one input field so the caller can fix exactly that value: the message names it in Chinese
 * for the clerk, `extensions.field` by its path for programs, and `extensions.reason` says why.
 */
export function badUserInput(field: string, reason: string, details: Record<string, unknown> = {}): GraphQLError {
  return lianfangError("BAD_USER_INPUT", `${fieldLabel(field)}: ${reason}`, { field, reason, ...details });
}

/** 401 with the challenge RFC 6750 asks for: a bearer token is what the hub accepts. */
export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Not authenticated: ${reason}`, {
    extensions: {
      code: "UNAUTHENTICATED",
      reason,
      http: { status: 401, headers: new Map([["www-authenticate", `Bearer realm="lianfang", error="invalid_token"`]]) },
    },
  });
}

/** A process cannot start: names the configuration variable at fault and why. */
export class StartupError extends Error {
  constructor(
    readonly variable: string,
    readonly causeText: string,
  ) {
    super(`${variable}: ${causeText}`);
    this.name = "StartupError";
  }
}
