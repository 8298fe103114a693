import { unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** The joint-prevention office's sharing catalogue: joint work is shared with every member. */
export const coordinationCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "JointInspection.*": unconditional("联席会议 联合检查"),
  "InspectionTarget.*": unconditional("联席会议 联合检查"),
  "Enterprise.jointInspections": unconditional(),
};
