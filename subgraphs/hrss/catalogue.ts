import { conditional, notShared, unconditional, type SharingCatalogue } from "../../kernel/sharing";

const personalInformation = "《个人信息保护法》第十三条、第二十八条; 《政务信息资源共享管理暂行办法》第九条 有条件共享";

/** 人社's sharing catalogue. Person.insuredSince is deliberately unlisted: read by 人社 alone. */
export const hrssCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "Enterprise.*": unconditional("企业登记与参保信息, 《政务信息资源共享管理暂行办法》第九条 无条件共享"),
  "Person.idNumber": conditional(personalInformation, "idNumber"),
  "Person.name": conditional(personalInformation, "name"),
  "Person.gender": conditional(personalInformation),
  "Person.birthDate": conditional(personalInformation),
  "Person.employer": conditional(personalInformation),
  "Person.injuryRecognitions": unconditional(),
  "Person.phone": notShared("《个人信息保护法》第六条 最小必要: joint prevention needs no phone number"),
  "InjuryRecognition.*": unconditional("工伤认定结论, 工伤预防五年行动计划 数据共享"),
  "InjuryRecognition.person": conditional(personalInformation),
  "InjuryRecognition.disabilityGrade": conditional("《个人信息保护法》第二十八条 医疗健康信息"),
};
