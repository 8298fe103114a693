import { reference } from "../../kernel/subgraph";
import { Vehicle } from "./vehicle.entity";

export const vehicleReference = reference<Pick<Vehicle, "plateNumber">, Vehicle>("Vehicle", (representation, { loaders }) =>
  loaders.one(Vehicle, "plateNumber").load(representation.plateNumber),
);
