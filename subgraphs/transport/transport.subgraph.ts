import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { transportCatalogue } from "./catalogue";
import { transportDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { Vehicle } from "./vehicle.entity";
import { vehicleReference } from "./vehicle.reference";
import { VehicleResolver } from "./vehicle.resolver";

/** 交通 (transport): road transport operators and their vehicles. */
export const transport: SubgraphDefinition<City> = {
  name: "transport",
  resolvers: [VehicleResolver, EnterpriseResolver],
  catalogue: transportCatalogue,
  references: { ...keyOnlyReference("Enterprise"), ...vehicleReference },
  entities: [Vehicle],
  migrations: [Initial1763800000000],
  demo: transportDemo,
};
