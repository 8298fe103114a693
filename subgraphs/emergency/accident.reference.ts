import { reference } from "../../kernel/subgraph";
import { Accident } from "./accident.entity";

export const accidentReference = reference<Pick<Accident, "id">, Accident>("Accident", (representation, { loaders }) =>
  loaders.one(Accident, "id").load(representation.id),
);
