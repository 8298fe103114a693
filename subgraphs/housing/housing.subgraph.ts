import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { housingCatalogue } from "./catalogue";
import { ConstructionProject } from "./construction-project.entity";
import { constructionProjectReference } from "./construction-project.reference";
import { ConstructionProjectResolver } from "./construction-project.resolver";
import { housingDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";

/** 住建 (housing and construction): construction projects. */
export const housing: SubgraphDefinition<City> = {
  name: "housing",
  resolvers: [ConstructionProjectResolver, EnterpriseResolver],
  catalogue: housingCatalogue,
  references: { ...keyOnlyReference("Enterprise"), ...constructionProjectReference },
  entities: [ConstructionProject],
  migrations: [Initial1763800000000],
  demo: housingDemo,
};
