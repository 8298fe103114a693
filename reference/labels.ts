/** Chinese names for the stable English identifiers the API uses, for the console and the report alike; unknown ones show as they are. */

export const agencyNames: Record<string, string> = {
  hrss: "人社",
  emergency: "应急",
  health: "卫健",
  transport: "交通",
  housing: "住建",
  unions: "总工会",
  coordination: "联席办",
};

export const agencyFullNames: Record<string, string> = {
  hrss: "人力资源和社会保障局",
  emergency: "应急管理局",
  health: "卫生健康委员会",
  transport: "交通运输局",
  housing: "住房和城乡建设局",
  unions: "总工会",
  coordination: "联席会议办公室",
};

export const roleNames: Record<string, string> = { viewer: "查阅", admin: "管理员", auditor: "审计员" };

export const levelNames: Record<string, string> = {
  UNCONDITIONAL: "无条件共享",
  CONDITIONAL: "有条件共享",
  NONE: "不予共享",
  UNCLASSIFIED: "未分级",
};

export const applicationStatusNames: Record<string, string> = {
  PENDING: "待答复",
  APPROVED: "已批准",
  REFUSED: "已拒绝",
  REVOKED: "已撤销",
};
export const inspectionStatusNames: Record<string, string> = { PLANNED: "计划中", IN_PROGRESS: "进行中", CLOSED: "已结束" };
export const recognitionStatusNames: Record<string, string> = {
  APPLIED: "已申请",
  ACCEPTED: "已受理",
  RECOGNISED: "认定工伤",
  NOT_RECOGNISED: "不予认定",
};
export const checkStatusNames: Record<string, string> = { OPEN: "待整改", RECTIFIED: "已整改" };
export const projectStatusNames: Record<string, string> = { UNDER_CONSTRUCTION: "在建", SUSPENDED: "停工", COMPLETED: "竣工" };
export const vehicleClassNames: Record<string, string> = { FREIGHT: "普通货运", PASSENGER: "旅客运输", HAZARDOUS_GOODS: "危险货物运输" };
/** 职工投诉 categories, as the unions' ComplaintCategory enum describes them. */
export const complaintCategoryNames: Record<string, string> = {
  SAFETY_HAZARD: "安全隐患",
  PROTECTIVE_EQUIPMENT: "劳动防护用品",
  OCCUPATIONAL_HEALTH: "职业病危害",
  INJURY_INSURANCE: "工伤保险",
  WORKING_HOURS: "工作时间",
  OTHER: "其他",
};
export const gradeNames: Record<string, string> = { ESPECIALLY_MAJOR: "特别重大", MAJOR: "重大", LARGER: "较大", ORDINARY: "一般" };
export const riskClassNames = ["", "一类", "二类", "三类", "四类", "五类", "六类", "七类", "八类"];

/** What each field the console shows is called, for refusals and the catalogue. */
export const resourceNames: Record<string, string> = {
  "Enterprise.*": "企业全部字段",
  "Person.*": "人员全部字段",
  "Person.idNumber": "身份证号",
  "Person.name": "姓名",
  "Person.gender": "性别",
  "Person.birthDate": "出生日期",
  "Person.phone": "联系电话",
  "Person.employer": "用人单位",
  "Person.occupationalDiseaseCases": "职业病病例",
  "Person.healthExaminations": "职业健康检查",
  "Person.siteRegistrations": "建筑工地实名登记",
  "InjuryRecognition.disabilityGrade": "伤残等级",
  "InjuryRecognition.person": "工伤职工",
  "OccupationalDiseaseCase.person": "职业病患者",
  "ConstructionProject.contractValueYuan": "合同金额",
};

export const nameOf = (table: Record<string, string>, key: string | null | undefined): string => (key ? (table[key] ?? key) : "");
