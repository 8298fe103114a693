import { unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** 总工会's sharing catalogue. */
export const unionsCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "SupervisionCheck.*": unconditional("工会劳动保护监督检查, 《工会法》第二十七条"),
  "Enterprise.supervisionChecks": unconditional(),
};
