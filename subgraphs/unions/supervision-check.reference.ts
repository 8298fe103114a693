import { reference } from "../../kernel/subgraph";
import { SupervisionCheck } from "./supervision-check.entity";

export const supervisionCheckReference = reference<Pick<SupervisionCheck, "id">, SupervisionCheck>(
  "SupervisionCheck",
  (representation, { loaders }) => loaders.one(SupervisionCheck, "id").load(representation.id),
);
