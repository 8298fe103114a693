import { registerEnumType } from "type-graphql";
import { addDays, daysBetween, inForceOn } from "../../kernel/calendar";

/** Deadlines of 卫健's reporting rules, as dated data: a revision is a new row, not a code change. */

export interface DiagnosisReportingRule {
  effectiveFrom: string;
  source: string;
  /** Days from diagnosis to filing in the surveillance system. */
  reportWithinDays: number;
}

export const diagnosisReportingRules: readonly DiagnosisReportingRule[] = [
  // UNCONFIRMED: the 15 days of the 2013 办法 were not checked against its text.
  { effectiveFrom: "2013-04-10", source: "职业病诊断与鉴定管理办法 (卫生部令第91号)", reportWithinDays: 15 },
  { effectiveFrom: "2021-03-01", source: "职业病诊断与鉴定管理办法 (国家卫生健康委令第6号) 第三十二条", reportWithinDays: 15 },
];

/** 第三十二条: filed more than the allowed days after diagnosis. */
export function isDiagnosisReportedLate(diagnosis: { diagnosedOn: string; reportedOn: string }): boolean {
  const rule = inForceOn(diagnosisReportingRules, diagnosis.diagnosedOn);
  if (!rule) throw new RangeError(`no diagnosis-reporting rule was in force on ${diagnosis.diagnosedOn}`);
  return daysBetween(diagnosis.diagnosedOn, diagnosis.reportedOn) > rule.reportWithinDays;
}

/** 职业病危害项目申报 kinds (原安监总局令第48号 第八–九条). */
export enum HazardDeclarationKind {
  NEW_PROJECT = "NEW_PROJECT",
  CHANGE = "CHANGE",
  CANCELLATION = "CANCELLATION",
}
registerEnumType(HazardDeclarationKind, {
  name: "HazardDeclarationKind",
  description:
    "NEW_PROJECT after 竣工验收 of a new, rebuilt or expanded project; CHANGE of process, materials, site, name or legal representative; CANCELLATION on ceasing operation",
});

export interface HazardDeclarationRule {
  effectiveFrom: string;
  source: string;
  /** Days from the triggering event to the declaration, per kind. */
  dueWithinDays: Readonly<Record<HazardDeclarationKind, number>>;
}

export const hazardDeclarationRules: readonly HazardDeclarationRule[] = [
  {
    effectiveFrom: "2012-06-01",
    source: "职业病危害项目申报办法 (原安监总局令第48号) 第八条、第九条",
    dueWithinDays: { NEW_PROJECT: 30, CHANGE: 15, CANCELLATION: 15 },
  },
];

export const hazardDeclarationRulesBegin = hazardDeclarationRules[0].effectiveFrom;

/** The last day a declaration is on time, counted from the triggering event. */
export function declarationDueOn(declaration: { kind: HazardDeclarationKind; triggeredOn: string }): string {
  const rule = inForceOn(hazardDeclarationRules, declaration.triggeredOn);
  if (!rule) throw new RangeError(`no hazard-declaration rule was in force on ${declaration.triggeredOn}`);
  return addDays(declaration.triggeredOn, rule.dueWithinDays[declaration.kind]);
}
