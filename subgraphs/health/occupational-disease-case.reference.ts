import { reference } from "../../kernel/subgraph";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";

export const occupationalDiseaseCaseReference = reference<Pick<OccupationalDiseaseCase, "id">, OccupationalDiseaseCase>(
  "OccupationalDiseaseCase",
  (representation, { loaders }) => loaders.one(OccupationalDiseaseCase, "id").load(representation.id),
);
