import { inForceOn } from "../../kernel/calendar";

/**
 * 工伤预防费使用管理暂行办法 (人社部规〔2017〕13号): 第四条 allows only two uses, 第五条 caps the
 * year's spending at a share of the pooling area's prior-year contribution income (征缴收入),
 * which the provincial 人社 and 财政 departments may raise. The default share is dated data.
 */
export const defaultFeeCaps: readonly { effectiveFrom: string; document: string; capBasisPoints: number }[] = [
  { effectiveFrom: "2017-08-17", document: "人社部规〔2017〕13号 第五条", capBasisPoints: 300 },
];

/** 第六条 budgets the fee for the next year, so the first budget year is the one after the rule. */
export const firstBudgetYear = Number(defaultFeeCaps[0].effectiveFrom.slice(0, 4)) + 1;

/** The default cap for a budget year: the rule in force when the year begins. */
export function defaultCapBasisPoints(year: number): number {
  const rule = inForceOn(defaultFeeCaps, `${year}-01-01`);
  if (!rule) throw new Error(`no prevention-fee cap is recorded for ${year}; budgets start in ${firstBudgetYear}`);
  return rule.capBasisPoints;
}

export interface CapApprovalTerms {
  approvedOn: string;
  approvedBasisPoints: number;
}

/** The cap in force: the latest provincial approval, else the default. */
export function capBasisPoints(year: number, approvals: readonly CapApprovalTerms[]): number {
  const latest = [...approvals].sort((a, b) => (a.approvedOn < b.approvedOn ? -1 : a.approvedOn > b.approvedOn ? 1 : 0)).pop();
  return latest?.approvedBasisPoints ?? defaultCapBasisPoints(year);
}

/** The cap in fen, rounded down: spending may reach it but never pass it. */
export const capFen = (priorYearContributionIncomeFen: number, basisPoints: number): number =>
  Number((BigInt(priorYearContributionIncomeFen) * BigInt(basisPoints)) / 10_000n);

/** Percent to basis points, exact to 0.01%; undefined when finer. */
export function percentAsBasisPoints(percent: number): number | undefined {
  const basisPoints = Math.round(percent * 100);
  return Number.isFinite(percent) && Math.abs(percent * 100 - basisPoints) <= 1e-6 ? basisPoints : undefined;
}
