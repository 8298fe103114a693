import { reference } from "../../kernel/subgraph";
import { PlanTarget } from "./prevention-plan.entity";

export const planTargetReference = reference<Pick<PlanTarget, "id">, PlanTarget>("PlanTarget", (representation, { loaders }) =>
  loaders.one(PlanTarget, "id").load(representation.id),
);
