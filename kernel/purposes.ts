/**
 * Why a department reads shared data. Every operation states one; conditional data is granted
 * for one purpose and read only for it. Kept as data: the joint-prevention office adds purposes.
 */
export const purposes: Readonly<Record<string, string>> = {
  JOINT_INSPECTION: "联合检查",
  ACCIDENT_INVESTIGATION: "事故调查处理",
  INJURY_RECOGNITION: "工伤认定",
  OCCUPATIONAL_DISEASE_PREVENTION: "职业病防治",
  PREVENTION_PROJECT: "工伤预防项目管理",
  MEETING_REPORT: "联席会议报告",
  STATISTICS: "统计分析",
  SUPERVISION: "监督执法",
  DATA_MAINTENANCE: "数据维护",
};

export const isPurpose = (value: string): boolean => Object.hasOwn(purposes, value);
