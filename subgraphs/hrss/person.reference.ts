import { reference } from "../../kernel/subgraph";
import { Person } from "./person.entity";

export const personReference = reference<Pick<Person, "pid">, Person>("Person", (representation, { loaders }) =>
  loaders.one(Person, "pid").load(representation.pid),
);
