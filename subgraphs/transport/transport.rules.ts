import { inForceOn } from "../../kernel/calendar";
import { badUserInput } from "../../kernel/errors";

/** 淄博's plate prefix (鲁 Shandong, C Zibo) and the five characters that follow it; I and O never appear. */
export const cityPlatePrefix = "鲁C";
const plateTail = /^[A-HJ-NP-Z0-9]{5}$/;

export function requirePlateNumber(field: string, value: string): string {
  const plate = value.trim().toUpperCase();
  if (!plate.startsWith(cityPlatePrefix))
    throw badUserInput(field, `应以本市号牌前缀 ${cityPlatePrefix} 开头, 填写的是 ${JSON.stringify(value)}`);
  if (!plateTail.test(plate.slice(cityPlatePrefix.length))) {
    throw badUserInput(field, `应为 ${cityPlatePrefix} 加 5 位数字或大写字母 (不含 I、O), 填写的是 ${JSON.stringify(value)}`);
  }
  return plate;
}

/** 道路运输证号: the issuing county's 6-digit region code and a 6-digit serial. */
export function requireTransportCertificateNo(field: string, value: string): string {
  const number = value.trim();
  if (!/^\d{12}$/.test(number)) throw badUserInput(field, `应为 12 位数字, 填写的是 ${JSON.stringify(value)}`);
  return number;
}

/**
 * 从业资格证 rules by the date a certificate is issued: validity (道路运输从业人员管理规定, 交通部令2006年第9号,
 * six years) and the points of one 诚信考核 cycle (20). Kept as data because both are set by
 * ministerial rule and have changed before; the points cap is UNCONFIRMED.
 */
export interface QualificationRule {
  effectiveFrom: string;
  validityYears: number;
  maxViolationPoints: number;
}
export const qualificationRules: readonly QualificationRule[] = [{ effectiveFrom: "2007-03-01", validityYears: 6, maxViolationPoints: 20 }];

/** The rule in force on `issuedOn`, or undefined before the first. */
export function qualificationRuleOn(issuedOn: string): QualificationRule | undefined {
  return inForceOn(qualificationRules, issuedOn);
}

/** The last day a certificate issued on `issuedOn` may be valid: `validityYears` later. */
export function latestValidUntil(issuedOn: string, rule: QualificationRule): string {
  const [year, month, day] = issuedOn.split("-").map(Number);
  const last = new Date(Date.UTC(year + rule.validityYears, month - 1, day));
  // 29 February plus whole years lands on 1 March; the certificate ends on 28 February instead.
  if (last.getUTCMonth() !== month - 1) last.setUTCDate(0);
  return last.toISOString().slice(0, 10);
}
