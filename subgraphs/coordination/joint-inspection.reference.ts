import { reference } from "../../kernel/subgraph";
import { JointInspection } from "./joint-inspection.entity";

export const jointInspectionReference = reference<Pick<JointInspection, "id">, JointInspection>(
  "JointInspection",
  (representation, { loaders }) => loaders.one(JointInspection, "id").load(representation.id),
);
