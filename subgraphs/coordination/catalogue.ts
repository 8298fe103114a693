import { unconditional, type SharingCatalogue } from "../../kernel/sharing";

/** The joint-prevention office's sharing catalogue: joint work is shared with every member. */
export const coordinationCatalogue: SharingCatalogue = {
  "Query.*": unconditional(),
  "JointInspection.*": unconditional("联席会议 联合检查"),
  "InspectionTarget.*": unconditional("联席会议 联合检查"),
  "InspectionTarget.rectifiedOn": unconditional("联席会议 联合检查 整改复查"),
  "Enterprise.jointInspections": unconditional(),
  "TypicalCaseBulletin.*": unconditional("典型案例通报, 工伤预防五年行动计划 警示教育"),
  "Mutation.*": unconditional("each mutation checks who may make it"),
  "SharingApplication.*": unconditional("每个部门只看到自己提出或须答复的申请"),
  "CatalogueResource.*": unconditional("资源目录"),
  "MeetingReport.*": unconditional(),
  "JointWorkStatistics.*": unconditional("领导小组会议报告"),
  "CorrectionRequest.*": unconditional("纠错, 国发〔2016〕51号 第十八条: 每个部门只看到自己提出或须答复的纠错申请"),
  "CorrectionRequestConnection.*": unconditional(),
};
