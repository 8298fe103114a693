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
  "DepartmentFinding.*": unconditional("联席会议 联合检查：成员单位各自的检查结果"),
  "Rectification.*": unconditional("限期整改台账：联席办看全部，各部门看自己提出的"),
  "Expert.*": unconditional("专家库：工伤预防项目评审验收与联合检查"),
  "ExpertDraw.*": unconditional("专家随机抽取记录，可复核"),
  "ExpertAssignment.*": unconditional("专家意见"),
  "JointMeeting.*": unconditional("联席会议纪要：议题、议定事项"),
  "ActionItem.*": unconditional("联席会议议定事项的落实"),
  "RectificationEscalation.*": unconditional("限期整改 逾期督办"),
  "CorrectionRequest.*": unconditional("纠错, 国发〔2016〕51号 第十八条: 每个部门只看到自己提出或须答复的纠错申请"),
  "CorrectionRequestConnection.*": unconditional(),
  "PreventionPlan.*": unconditional("工伤预防实施方案, 公开发布的政策文件"),
  "PlanTarget.*": unconditional(),
};
