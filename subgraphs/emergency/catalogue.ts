import { masterRecordCatalogue } from "../../kernel/records";
import { industryFiguresBasis, unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** 应急's sharing catalogue: accidents are shared for joint prevention (工伤预防五年行动计划). */
export const emergencyCatalogue: SharingCatalogue = {
  ...masterRecordCatalogue,
  "Query.*": unconditional(),
  "Accident.*": unconditional("生产安全事故信息, 国务院令第493号 第十条 通知劳动保障行政部门和工会"),
  "Enterprise.accidents": unconditional(),
  "AccidentReport.*": unconditional("生产安全事故补报, 国务院令第493号 第十三条"),
  "HazardInspection.*": unconditional("隐患排查治理信息, 工伤预防五年行动计划 数据共享"),
  "SafetyLicence.*": unconditional("安全生产许可证信息, 安全生产许可证条例 (国务院令第397号)"),
  "Enterprise.hazardInspections": unconditional(),
  "Enterprise.safetyLicences": unconditional(),
  "MeetingReport.*": unconditional(),
  "IndustryAnalysis.*": unconditional(),
  "AccidentIndustryFigures.*": unconditional(industryFiguresBasis),
  "AccidentStatistics.*": unconditional("领导小组会议报告"),
  "GradeCount.*": unconditional("领导小组会议报告"),
  "MonthCount.*": unconditional("领导小组会议报告"),
};
