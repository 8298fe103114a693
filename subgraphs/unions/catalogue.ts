import { masterRecordCatalogue } from "../../kernel/records";
import { notShared, unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** 总工会's sharing catalogue: a complainant's identity stays with the union. */
export const unionsCatalogue: SharingCatalogue = {
  ...masterRecordCatalogue,
  "Query.*": unconditional(),
  "SupervisionCheck.*": unconditional("工会劳动保护监督检查, 《工会法》第二十七条"),
  "Enterprise.supervisionChecks": unconditional(),
  "Enterprise.complaints": unconditional("职工投诉 转办, 工伤预防联防联控"),
  "Complaint.*": unconditional("职工投诉 转办, 工伤预防联防联控"),
  "Complaint.complainant": notShared("《工会法》; 投诉人信息保密, 《个人信息保护法》第六条 最小必要"),
  "Mutation.acceptTransferredComplaint": unconditional("转办投诉由接收部门受理；each mutation checks who may make it"),
  "Mutation.answerTransferredComplaint": unconditional("转办投诉由接收部门答复"),
  "Mutation.closeTransferredComplaint": unconditional("转办投诉由接收部门办结"),
  "TrainingSession.*": unconditional("工伤预防培训, 人社部规〔2017〕13号 第四条"),
  "MeetingReport.*": unconditional(),
  "UnionSupervisionStatistics.*": unconditional("领导小组会议报告: counts only"),
  "ComplaintCategoryCount.*": unconditional("领导小组会议报告: counts only"),
};
