import { addDays, addYears, inForceOn } from "../../kernel/calendar";
import { RecognitionApplicant, RecognitionStatus } from "./injury-recognition.entity";

/**
 * Deadlines of 工伤认定, dated: 工伤保险条例 (国务院令第586号, from 2011-01-01) 第十七条 (who may
 * apply, and within what period of the injury), 第二十条 (decision after acceptance) and 工伤认定办法
 * (人社部令第8号) 第八条 (acceptance after application). Each period uses the rule in force on the
 * day it starts.
 */
export const recognitionDeadlines: readonly {
  effectiveFrom: string;
  document: string;
  employerApplicationDays: number;
  workerOrUnionApplicationYears: number;
  acceptanceDays: number;
  decisionDays: number;
}[] = [
  {
    effectiveFrom: "2011-01-01",
    document: "工伤保险条例 第十七条、第二十条; 人社部令第8号 第八条",
    employerApplicationDays: 30,
    workerOrUnionApplicationYears: 1,
    acceptanceDays: 15,
    decisionDays: 60,
  },
];

function deadlinesOn(date: string) {
  const rule = inForceOn(recognitionDeadlines, date);
  if (!rule) throw new Error(`no recognition deadlines in force on ${date}`);
  return rule;
}

/** The first day the hub has deadlines for: injuries before it cannot be applied for here. */
export const firstRecognitionDay = recognitionDeadlines[0].effectiveFrom;

/** The last day an applicant may apply, and the window in words for a rejection. */
export function applicationWindow(applicant: RecognitionApplicant, injuredOn: string): { lastDay: string; description: string } {
  const rule = deadlinesOn(injuredOn);
  if (applicant === RecognitionApplicant.EMPLOYER) {
    return {
      lastDay: addDays(injuredOn, rule.employerApplicationDays),
      description: `用人单位应在事故伤害发生之日起 ${rule.employerApplicationDays} 日内申请`,
    };
  }
  const years = rule.workerOrUnionApplicationYears;
  return {
    lastDay: addYears(injuredOn, years),
    description: `职工或工会组织应在事故伤害发生之日起 ${years} 年内申请`,
  };
}

export const acceptanceDueOn = (appliedOn: string): string => addDays(appliedOn, deadlinesOn(appliedOn).acceptanceDays);

export const decisionDueOn = (acceptedOn: string): string => addDays(acceptedOn, deadlinesOn(acceptedOn).decisionDays);

/** Where each status may go next: 申请 → 受理 → 认定 or 不予认定. */
export const recognitionTransitions: Readonly<Record<RecognitionStatus, readonly RecognitionStatus[]>> = {
  [RecognitionStatus.APPLIED]: [RecognitionStatus.ACCEPTED],
  [RecognitionStatus.ACCEPTED]: [RecognitionStatus.RECOGNISED, RecognitionStatus.NOT_RECOGNISED],
  [RecognitionStatus.RECOGNISED]: [],
  [RecognitionStatus.NOT_RECOGNISED]: [],
};

/** 劳动功能障碍 grades, 工伤保险条例 第二十二条 (1 most severe). */
export const disabilityGrades = { most: 1, least: 10 } as const;
