import { masterRecordCatalogue } from "../../kernel/records";
import { conditional, notShared, unconditional, type SharingCatalogue } from "../../kernel/sharing";

const personalInformation = "《个人信息保护法》第十三条、第二十八条; 《政务信息资源共享管理暂行办法》第九条 有条件共享";

/** 住建's sharing catalogue: contract values are commercial secrets; who works on which site only under a grant. */
export const housingCatalogue: SharingCatalogue = {
  ...masterRecordCatalogue,
  "Query.*": unconditional(),
  "ConstructionProject.*": unconditional("施工许可信息, 依法公开"),
  "ConstructionProject.history": unconditional("变更记录: the resolver answers 住建 and auditors alone"),
  "ConstructionProject.contractValueYuan": notShared("商业秘密, 《政府信息公开条例》第十五条"),
  "ConstructionProject.workerCount": unconditional("建筑工人实名制管理办法(试行) 建市〔2019〕18号"),
  "ConstructionProject.workers": unconditional("建筑工人实名制管理办法(试行) 建市〔2019〕18号"),
  "ConstructionProject.safetyInspections": unconditional("施工安全监督检查"),
  "Enterprise.constructionProjects": unconditional(),
  "SiteWorkerRegistration.*": unconditional("建筑工人实名制管理办法(试行) 建市〔2019〕18号"),
  "SiteWorkerRegistration.person": conditional(personalInformation),
  "Person.siteRegistrations": conditional(personalInformation),
  "ConstructionSafetyInspection.*": unconditional("施工安全监督检查"),
  "MeetingReport.*": unconditional(),
  "ConstructionSafetyStatistics.*": unconditional("领导小组会议报告: counts only"),
};
