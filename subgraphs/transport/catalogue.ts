import { masterRecordCatalogue } from "../../kernel/records";
import { conditional, unconditional, type SharingCatalogue } from "../../kernel/sharing";

const personalInformation = "《个人信息保护法》第十三条、第二十八条; 《政务信息资源共享管理暂行办法》第九条 有条件共享";

/** 交通's sharing catalogue: operators and road accidents are shared; who drives and their record only under a grant. */
export const transportCatalogue: SharingCatalogue = {
  ...masterRecordCatalogue,
  "Query.*": unconditional(),
  "Vehicle.*": unconditional("道路运输经营信息"),
  "Enterprise.vehicles": unconditional(),
  "Enterprise.operatingLicence": unconditional("道路运输经营许可, 《道路运输条例》 依法公开"),
  "OperatingLicence.*": unconditional("道路运输经营许可, 《道路运输条例》 依法公开"),
  "DriverQualification.*": conditional(personalInformation),
  "TransportAccident.*": unconditional("道路运输事故, 工伤预防五年行动计划 数据共享"),
  "TransportAccident.driver": conditional(personalInformation),
  "TransportAccident.driverQualifications": conditional(personalInformation),
  "MeetingReport.*": unconditional(),
  "TransportStatistics.*": unconditional("领导小组会议报告: counts only"),
  "VehicleClassCount.*": unconditional("领导小组会议报告: counts only"),
};
