import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { analyseOperation } from "./operation";

const schema = buildSchema(`
  type Query { requests(first: Int): [Request!]! }
  type Request { id: ID! appliedChange: AppliedCorrection }
  interface AppliedCorrection { requestId: ID! applied: Boolean! }
  type HrssCorrection implements AppliedCorrection { requestId: ID! applied: Boolean! }
  type HousingCorrection implements AppliedCorrection { requestId: ID! applied: Boolean! }
`);

describe("what an operation reads, through an interface", () => {
  it("reads a field under an interface as that field of every type it may be, and prices it once", () => {
    const [operation] = parse(`{ requests(first: 5) { id appliedChange { applied } } }`).definitions as OperationDefinitionNode[];
    expect(analyseOperation(schema, operation, [])).toEqual({
      resources: ["Query.requests", "Request.id", "Request.appliedChange", "HrssCorrection.applied", "HousingCorrection.applied"],
      depth: 3,
      aliases: 0,
      cost: 1 + 5 + 5 + 5,
    });
  });
});
