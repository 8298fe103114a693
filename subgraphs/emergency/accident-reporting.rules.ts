/**
 * Reporting deadlines of 生产安全事故报告和调查处理条例 (国务院令第493号), as dated data so a
 * revision is a new row, not a code change.
 */
export interface AccidentReportingRules {
  effectiveFrom: string;
  source: string;
  /** 第九条: the unit head reports to the government within this many minutes. */
  unitReportMinutes: number;
  /** 第十三条: casualty changes within this many days of the accident need a 补报. */
  supplementaryWindowDays: number;
  /**
   * 第十三条: road-traffic and fire accidents have a shorter window. GB 6441 has no road-traffic
   * category; 02 车辆伤害 stands for it.
   */
  shortWindow: { categories: readonly string[]; days: number; label: string };
}

export const accidentReportingRules: readonly AccidentReportingRules[] = [
  {
    effectiveFrom: "2007-06-01",
    source: "国务院令第493号",
    unitReportMinutes: 60,
    supplementaryWindowDays: 30,
    shortWindow: { categories: ["02", "08"], days: 7, label: "道路交通 (02 车辆伤害) 和火灾 (08) 事故" },
  },
];
