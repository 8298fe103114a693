import { reference } from "../../kernel/subgraph";
import { ConstructionProject } from "./construction-project.entity";

export const constructionProjectReference = reference<Pick<ConstructionProject, "permitNo">, ConstructionProject>(
  "ConstructionProject",
  (representation, { loaders }) => loaders.one(ConstructionProject, "permitNo").load(representation.permitNo),
);
