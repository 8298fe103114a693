import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { emergencyCatalogue } from "./catalogue";
import { Accident } from "./accident.entity";
import { accidentReference } from "./accident.reference";
import { AccidentResolver } from "./accident.resolver";
import { emergencyDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";

/** 应急 (emergency management): production-safety accidents. */
export const emergency: SubgraphDefinition<City> = {
  name: "emergency",
  resolvers: [AccidentResolver, EnterpriseResolver],
  catalogue: emergencyCatalogue,
  references: { ...keyOnlyReference("Enterprise"), ...accidentReference },
  entities: [Accident],
  migrations: [Initial1763800000000],
  demo: emergencyDemo,
};
