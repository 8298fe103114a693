import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { healthCatalogue } from "./catalogue";
import { healthDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";
import { occupationalDiseaseCaseReference } from "./occupational-disease-case.reference";
import { OccupationalDiseaseCaseResolver } from "./occupational-disease-case.resolver";
import { PersonResolver } from "./person.resolver";

/** 卫健 (health): occupational-disease diagnoses. */
export const health: SubgraphDefinition<City> = {
  name: "health",
  resolvers: [OccupationalDiseaseCaseResolver, EnterpriseResolver, PersonResolver],
  catalogue: healthCatalogue,
  references: { ...keyOnlyReference("Enterprise"), ...keyOnlyReference("Person"), ...occupationalDiseaseCaseReference },
  entities: [OccupationalDiseaseCase],
  migrations: [Initial1763800000000],
  demo: healthDemo,
};
