import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { KeyLike } from "jose";
import { operationDigest, signCall } from "../kernel/identity";
import { callIdentityHeader } from "../kernel/subgraph";
import type { GatewayContext } from "./context";

/** Every call to a subgraph carries a short-lived gateway signature over the caller and the exact operation. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signingKey: KeyLike,
  ) {
    super({ url });
  }

  /** An unreachable subgraph is named, without the internal address the fetch error carries. */
  override didEncounterError(error: Error, _request: unknown, response?: unknown): never {
    if (response) throw error;
    throw new GraphQLError(`The ${this.subgraph} department is unreachable; its part of the answer is missing`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.subgraph },
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!("identity" in context) || !context.identity) {
      throw new Error("refusing to call a subgraph without a verified caller");
    }
    const signature = await signCall(this.signingKey, context.identity, operationDigest(request.query, request.variables));
    request.http?.headers.set(callIdentityHeader, signature);
  }
}
