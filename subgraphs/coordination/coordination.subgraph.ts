import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { coordinationCatalogue } from "./catalogue";
import { coordinationDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { InspectionTarget, JointInspection } from "./joint-inspection.entity";
import { jointInspectionReference } from "./joint-inspection.reference";
import { InspectionTargetResolver, JointInspectionResolver } from "./joint-inspection.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";

/** 联席会议办公室 (the joint-prevention office): joint inspections across departments. */
export const coordination: SubgraphDefinition<City> = {
  name: "coordination",
  resolvers: [JointInspectionResolver, InspectionTargetResolver, EnterpriseResolver],
  catalogue: coordinationCatalogue,
  references: { ...keyOnlyReference("Enterprise"), ...jointInspectionReference },
  entities: [JointInspection, InspectionTarget],
  migrations: [Initial1763800000000],
  demo: coordinationDemo,
};
