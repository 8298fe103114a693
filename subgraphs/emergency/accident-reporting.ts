import { accidentReportingRules, type AccidentReportingRules } from "./accident-reporting.rules";
import { chinaToday, inForceOn } from "../../kernel/calendar";

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** The reporting rules in force when an accident happened. */
export function reportingRulesAt(occurredAt: Date): AccidentReportingRules {
  const date = chinaToday(occurredAt);
  const rules = inForceOn(accidentReportingRules, date);
  if (!rules) throw new RangeError(`no accident-reporting rules were in force on ${date}`);
  return rules;
}

export const reportingRulesBegin = accidentReportingRules[0].effectiveFrom;

/** 第九条: reported to the government more than the allowed minutes after it happened. */
export function isReportedLate(accident: { occurredAt: Date; reportedAt: Date }): boolean {
  return accident.reportedAt.getTime() - accident.occurredAt.getTime() > reportingRulesAt(accident.occurredAt).unitReportMinutes * minuteMs;
}

export interface SupplementaryWindow {
  days: number;
  /** The last moment a 补报 is accepted. */
  closesAt: Date;
  /** Why this window applies, for the rejection message. */
  basis: string;
}

/** 第十三条: 补报 within 30 days of the accident, 7 for road-traffic and fire accidents. */
export function supplementaryWindow(accident: { category: string; occurredAt: Date }): SupplementaryWindow {
  const rules = reportingRulesAt(accident.occurredAt);
  const short = rules.shortWindow.categories.includes(accident.category);
  const days = short ? rules.shortWindow.days : rules.supplementaryWindowDays;
  return {
    days,
    closesAt: new Date(accident.occurredAt.getTime() + days * dayMs),
    basis: short ? `${rules.source} 第十三条, ${rules.shortWindow.label}` : `${rules.source} 第十三条`,
  };
}
