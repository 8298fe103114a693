import type { SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { hrssCatalogue } from "./catalogue";
import { hrssDemo } from "./demo";
import { Enterprise } from "./enterprise.entity";
import { enterpriseReference } from "./enterprise.reference";
import { EnterpriseResolver } from "./enterprise.resolver";
import { InjuryRecognition } from "./injury-recognition.entity";
import { InjuryRecognitionResolver } from "./injury-recognition.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { Person } from "./person.entity";
import { personReference } from "./person.reference";
import { PersonResolver } from "./person.resolver";

/** 人社 (human resources and social security): insured enterprises and persons, work-injury recognition. */
export const hrss: SubgraphDefinition<City> = {
  name: "hrss",
  resolvers: [EnterpriseResolver, PersonResolver, InjuryRecognitionResolver],
  catalogue: hrssCatalogue,
  references: { ...enterpriseReference, ...personReference },
  entities: [Enterprise, Person, InjuryRecognition],
  migrations: [Initial1763800000000],
  demo: hrssDemo,
};
