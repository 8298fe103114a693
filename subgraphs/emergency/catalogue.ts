import { unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** 应急's sharing catalogue: accidents are shared for joint prevention (工伤预防五年行动计划). */
export const emergencyCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "Accident.*": unconditional("生产安全事故信息, 国务院令第493号 第十条 通知劳动保障行政部门和工会"),
  "Enterprise.accidents": unconditional(),
};
