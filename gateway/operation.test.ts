import { buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { analyseOperation, compileResultWalk } from "./operation";

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

describe("fragments on an interface", () => {
  it("reads the fields a fragment on an interface selects as the object's own fields: none escapes the catalogue", () => {
    const [operation, fragment] = parse(`
      { requests(first: 2) { appliedChange { ...applied ... on AppliedCorrection { requestId } } } }
      fragment applied on AppliedCorrection { applied }
    `).definitions as [OperationDefinitionNode, FragmentDefinitionNode];

    expect(analyseOperation(schema, operation, [fragment]).resources).toEqual([
      "Query.requests",
      "Request.appliedChange",
      "HrssCorrection.applied",
      "HrssCorrection.requestId",
      "HousingCorrection.applied",
      "HousingCorrection.requestId",
    ]);
  });
});

describe("the compiled walk of an answer", () => {
  const people = buildSchema(`
    type Query { enterprises(first: Int): [Enterprise!]! }
    type Enterprise { creditCode: String! name: String! staff: [Person!]! }
    type Person { pid: String! phone: String name: String! }
  `);

  it("hands over exactly the wanted values, through aliases, fragments and lists, and keeps what it returns", () => {
    const document = parse(`
      query { firms: enterprises(first: 2) { creditCode name staff { ...contact name } } }
      fragment contact on Person { tel: phone pid }
    `);
    const [operation, ...fragments] = document.definitions as [OperationDefinitionNode, ...FragmentDefinitionNode[]];
    const walk = compileResultWalk(people, operation, fragments, (resource) =>
      ["Person.phone", "Enterprise.creditCode"].includes(resource),
    );
    const data = {
      firms: [
        {
          creditCode: "A",
          name: "甲",
          staff: [
            { tel: "13800000001", pid: "p1", name: "张三" },
            { tel: null, pid: "p2", name: "李四" },
          ],
        },
        { creditCode: "B", name: "乙", staff: [] },
      ],
    };
    const seen: string[] = [];

    walk(data, (resource, value) => {
      seen.push(`${resource}=${String(value)}`);
      return resource === "Person.phone" ? "***" : value;
    });

    expect(seen).toEqual(["Enterprise.creditCode=A", "Person.phone=13800000001", "Enterprise.creditCode=B"]);
    expect(data).toEqual({
      firms: [
        {
          creditCode: "A",
          name: "甲",
          staff: [
            { tel: "***", pid: "p1", name: "张三" },
            { tel: null, pid: "p2", name: "李四" },
          ],
        },
        { creditCode: "B", name: "乙", staff: [] },
      ],
    });
  });
});

describe("the compiled walk of an answer through an interface or a union", () => {
  const contacts = buildSchema(`
    type Query { contacts: [Contact!]! }
    union Contact = Worker | Office
    type Worker { pid: String! phone: String! }
    type Office { phone: String! }
  `);
  const [operation] = parse(`{ contacts { ... on Worker { pid phone } ... on Office { phone } } }`)
    .definitions as OperationDefinitionNode[];
  const maskWorkerPhones = (seen: string[]) => (resource: string, value: unknown) => {
    seen.push(`${resource}=${String(value)}`);
    return resource === "Worker.phone" ? "***" : value;
  };

  it("visits, when the answer does not name the object's type, the fields of every type it may be: a worker's phone is masked whichever it is", () => {
    const walk = compileResultWalk(contacts, operation, [], (resource) =>
      ["Worker.pid", "Worker.phone", "Office.phone"].includes(resource),
    );
    const data = { contacts: [{ pid: "p1", phone: "13800000001" }, { phone: "0533-1234567" }] };
    const seen: string[] = [];

    walk(data, maskWorkerPhones(seen));

    expect(data).toEqual({ contacts: [{ pid: "p1", phone: "***" }, { phone: "***" }] });
    expect(seen).toEqual([
      "Worker.pid=p1",
      "Worker.phone=13800000001",
      "Office.phone=13800000001",
      "Worker.phone=0533-1234567",
      "Office.phone=0533-1234567",
    ]);
  });

  it("does not take a field aliased __typename for the object's type: every type it may be is visited", () => {
    const [spoofing] = parse(`{ contacts { ... on Worker { __typename: label phone } ... on Office { phone } } }`)
      .definitions as OperationDefinitionNode[];
    const labelled = buildSchema(`
      type Query { contacts: [Contact!]! }
      union Contact = Worker | Office
      type Worker { label: String! phone: String! }
      type Office { phone: String! }
    `);
    const walk = compileResultWalk(labelled, spoofing, [], (resource) => ["Worker.phone", "Office.phone"].includes(resource));
    const data = { contacts: [{ __typename: "Office", phone: "13800000001" }] };

    walk(data, maskWorkerPhones([]));

    expect(data).toEqual({ contacts: [{ __typename: "Office", phone: "***" }] });
  });

  it("hands each type's field the value as answered under a key they share: a pid is seen though another type's rule masks the key", () => {
    const [shared] = parse(`{ contacts { ... on Worker { k: pid } ... on Office { k: phone } } }`).definitions as OperationDefinitionNode[];
    const walk = compileResultWalk(contacts, shared, [], (resource) => ["Worker.pid", "Office.phone"].includes(resource));
    const data = { contacts: [{ k: "p1" }] };
    const seen: string[] = [];

    walk(data, (resource, value) => {
      seen.push(`${resource}=${String(value)}`);
      return resource === "Office.phone" ? "***" : value;
    });

    expect(seen).toEqual(["Worker.pid=p1", "Office.phone=p1"]);
    expect(data).toEqual({ contacts: [{ k: "***" }] });
  });

  it("visits the fields of the object's own type when the answer names it", () => {
    const walk = compileResultWalk(contacts, operation, [], (resource) =>
      ["Worker.pid", "Worker.phone", "Office.phone"].includes(resource),
    );
    const data = {
      contacts: [
        { __typename: "Worker", pid: "p1", phone: "13800000001" },
        { __typename: "Office", phone: "0533-1234567" },
      ],
    };
    const seen: string[] = [];

    walk(data, maskWorkerPhones(seen));

    expect(data).toEqual({
      contacts: [
        { __typename: "Worker", pid: "p1", phone: "***" },
        { __typename: "Office", phone: "0533-1234567" },
      ],
    });
    expect(seen).toEqual(["Worker.pid=p1", "Worker.phone=13800000001", "Office.phone=0533-1234567"]);
  });
});
