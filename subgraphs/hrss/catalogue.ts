import { masterRecordCatalogue } from "../../kernel/records";
import { conditional, industryFiguresBasis, notShared, unconditional, type SharingCatalogue } from "../../kernel/sharing";

const personalInformation = "《个人信息保护法》第十三条、第二十八条; 《政务信息资源共享管理暂行办法》第九条 有条件共享";

const rates = "工伤保险费率, 人社部发〔2015〕71号: 行业风险分类与浮动费率";
const training = "重点岗位培训统计, 工伤预防五年行动计划 数据共享";
const preventionFee = "工伤预防费使用, 人社部规〔2017〕13号";

/** 人社's sharing catalogue. Person.insuredSince is deliberately unlisted: read by 人社 alone. */
export const hrssCatalogue: SharingCatalogue = {
  ...masterRecordCatalogue,
  "Query.*": unconditional(),
  "Mutation.*": unconditional("each mutation checks who may make it: hrss admins alone (requireOwnDepartment)"),
  "Enterprise.*": unconditional("企业登记与参保信息, 《政务信息资源共享管理暂行办法》第九条 无条件共享"),
  "Person.idNumber": conditional(personalInformation, "idNumber"),
  "Person.name": conditional(personalInformation, "name"),
  "Person.gender": conditional(personalInformation),
  "Person.birthDate": conditional(personalInformation),
  "Person.employer": conditional(personalInformation),
  "Person.injuryRecognitions": unconditional(),
  "Person.version": conditional(personalInformation),
  "Person.history": unconditional("变更记录: the resolver answers hrss and auditors alone"),
  "Person.phone": notShared("《个人信息保护法》第六条 最小必要: joint prevention needs no phone number"),
  "InjuryRecognition.*": unconditional("工伤认定结论, 工伤预防五年行动计划 数据共享"),
  "InjuryRecognition.person": conditional(personalInformation),
  "InjuryRecognition.disabilityGrade": conditional("《个人信息保护法》第二十八条 医疗健康信息"),
  "Enterprise.baseRateBasisPoints": unconditional(rates),
  "Enterprise.floatFactorPercent": unconditional(rates),
  "Enterprise.contributionRateBasisPoints": unconditional(rates),
  "Enterprise.rateHistory": unconditional(rates),
  "RateChange.*": unconditional(rates),
  "BaseRate.*": unconditional(rates),
  "BaseRateConnection.*": unconditional(),
  "FloatFactor.*": unconditional(rates),
  "FloatFactorConnection.*": unconditional(),
  "TrainingRecord.*": conditional(personalInformation),
  "TrainingRecordConnection.*": unconditional(),
  "TrainingProgress.*": unconditional(training),
  "PostTrainingProgress.*": unconditional(training),
  "FeeBudget.*": unconditional(preventionFee),
  "FeeBudgetConnection.*": unconditional(),
  "FeeCapApproval.*": unconditional(preventionFee),
  "FeeBudgetItem.*": unconditional(preventionFee),
  "ServiceAgency.*": unconditional(preventionFee),
  "ServiceAgencyConnection.*": unconditional(),
  "PreventionProject.*": unconditional(preventionFee),
  "PreventionProjectConnection.*": unconditional(),
  "PreventionProjectStep.*": unconditional(preventionFee),
  "TrainingRosterEntry.*": conditional(personalInformation),
  "PreventionFeeFigures.*": unconditional(preventionFee),
  "PreventionFeeCategoryFigures.*": unconditional(preventionFee),
  "PlanTarget.progress": unconditional("工伤预防实施方案目标进度, 由人社据本部门数据计算"),
  "TargetProgress.*": unconditional("工伤预防实施方案目标进度: 计数与比率, 不含个人信息"),
  "ProgressDatum.*": unconditional("工伤预防实施方案目标进度: 计数与比率, 不含个人信息"),
  "MeetingReport.*": unconditional(),
  "IndustryAnalysis.*": unconditional(),
  "InsuredIndustryFigures.*": unconditional(industryFiguresBasis),
  "InjuryStatistics.*": unconditional("领导小组会议报告: counts only"),
};
