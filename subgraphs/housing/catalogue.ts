import { notShared, unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** 住建's sharing catalogue: contract values are commercial secrets. */
export const housingCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "ConstructionProject.*": unconditional("施工许可信息, 依法公开"),
  "ConstructionProject.contractValueYuan": notShared("商业秘密, 《政府信息公开条例》第十五条"),
  "Enterprise.constructionProjects": unconditional(),
};
