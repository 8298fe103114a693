import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { unionsCatalogue } from "./catalogue";
import { unionsDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { SupervisionCheck } from "./supervision-check.entity";
import { supervisionCheckReference } from "./supervision-check.reference";
import { SupervisionCheckResolver } from "./supervision-check.resolver";

/** 总工会 (trade unions): labour-protection supervision. */
export const unions: SubgraphDefinition<City> = {
  name: "unions",
  resolvers: [SupervisionCheckResolver, EnterpriseResolver],
  catalogue: unionsCatalogue,
  references: { ...keyOnlyReference("Enterprise"), ...supervisionCheckReference },
  entities: [SupervisionCheck],
  migrations: [Initial1763800000000],
  demo: unionsDemo,
};
