import { unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** 交通's sharing catalogue. */
export const transportCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "Vehicle.*": unconditional("道路运输经营信息"),
  "Enterprise.vehicles": unconditional(),
};
