import { masterRecordCatalogue } from "../../kernel/records";
import { conditional, industryFiguresBasis, unconditional, type SharingCatalogue } from "../../kernel/sharing";

const healthInformation = "《个人信息保护法》第二十八条 医疗健康信息; 《职业病防治法》";

/** 卫健's sharing catalogue: cases are shared; who has a disease only under a grant. */
export const healthCatalogue: SharingCatalogue = {
  ...masterRecordCatalogue,
  "Query.*": unconditional(),
  "OccupationalDiseaseCase.*": unconditional("职业病报告, 工伤预防五年行动计划 数据共享"),
  "OccupationalDiseaseCase.person": conditional(healthInformation),
  "Enterprise.occupationalDiseaseCases": unconditional(),
  "Person.occupationalDiseaseCases": conditional(healthInformation),
  "HazardDeclaration.*": unconditional("职业病危害项目申报, 原安监总局令第48号"),
  "Enterprise.hazardDeclarations": unconditional(),
  "HealthExaminationSummary.*": unconditional("职业健康检查结果汇总, 不含个人信息"),
  "Enterprise.healthExaminationSummary": unconditional(),
  "HealthExamination.*": conditional(healthInformation),
  "Person.healthExaminations": conditional(healthInformation),
  "MeetingReport.*": unconditional(),
  "IndustryAnalysis.*": unconditional(),
  "OccupationalDiseaseIndustryFigures.*": unconditional(industryFiguresBasis),
  "OccupationalDiseaseStatistics.*": unconditional("领导小组会议报告: counts only"),
  "CategoryCount.*": unconditional("领导小组会议报告: counts only"),
};
