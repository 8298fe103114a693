/**
 * 纠错 (corrections between departments) as dated data. 国发〔2016〕51号《政务信息资源共享管理暂行办法》
 * 第十八条: a user that finds shared information wrong tells the provider, who checks and corrects
 * it. The regulation sets no period; the hub applies the 10 working days 第十四条 gives the
 * provider to answer a request for conditional data (UNCONFIRMED as a rule for corrections: data,
 * not code, so a local rule can replace it).
 */
export interface CorrectionRules {
  effectiveFrom: string;
  source: string;
  answerWithinWorkingDays: number;
}

export const correctionRules: readonly CorrectionRules[] = [
  {
    effectiveFrom: "2016-09-05",
    source: "国发〔2016〕51号 第十八条 (校核与纠错); period as 第十四条",
    answerWithinWorkingDays: 10,
  },
];
