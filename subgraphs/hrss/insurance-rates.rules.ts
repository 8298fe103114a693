import { riskClassTable2015 } from "../../reference/risk-classes";
import { inForceOn } from "../../kernel/calendar";

/** 统筹地区 the demo city belongs to: 淄博市. */
export const defaultPoolingAreaCode = "370300";

/** The pooling area (prefecture-level 统筹地区) of a county-level region code. */
export const poolingAreaOf = (regionCode: string): string => `${regionCode.slice(0, 4)}00`;

/** 浮动费率 steps per risk class, dated: 人社部发〔2015〕71号 第二部分 (class 1 floats up only). */
export const floatFactorRules: readonly {
  document: string;
  effectiveFrom: string;
  factorsPercentByClass: ReadonlyMap<number, readonly number[]>;
}[] = [
  {
    document: riskClassTable2015.document,
    effectiveFrom: riskClassTable2015.effectiveFrom,
    factorsPercentByClass: new Map(riskClassTable2015.classes.map((entry) => [entry.riskClass, entry.floatFactorsPercent])),
  },
];

/** Factors (percent) a class may use on a date; empty when no rule is in force. */
export function allowedFloatFactors(riskClass: number, on: string): readonly number[] {
  return inForceOn(floatFactorRules, on)?.factorsPercentByClass.get(riskClass) ?? [];
}

/** The highest base rate accepted: 10% of payroll, far above any class's national rate. */
export const maximumBaseRateBasisPoints = 1000;

/** An employer pays the base rate until its first float (71号: first contribution at the base rate). */
export const initialFloatFactorPercent = 100;

/** rate = base × factor, rounded half up to a whole basis point. */
export const contributionRateBasisPoints = (baseRateBasisPoints: number, factorPercent: number): number =>
  Math.round((baseRateBasisPoints * factorPercent) / 100);

export interface DatedBaseRate {
  effectiveFrom: string;
  basisPoints: number;
}
export interface DatedFloatFactor {
  effectiveFrom: string;
  factorPercent: number;
}
export interface RateAt {
  effectiveFrom: string;
  baseRateBasisPoints: number;
  floatFactorPercent: number;
  contributionRateBasisPoints: number;
}

/** The rate in force on a date, or undefined before the area's first base rate for the class. */
export function rateOn(baseRates: readonly DatedBaseRate[], factors: readonly DatedFloatFactor[], on: string): RateAt | undefined {
  const base = inForceOn(baseRates, on);
  if (!base) return undefined;
  const factor = inForceOn(factors, on);
  const floatFactorPercent = factor?.factorPercent ?? initialFloatFactorPercent;
  const effectiveFrom = factor && factor.effectiveFrom > base.effectiveFrom ? factor.effectiveFrom : base.effectiveFrom;
  return {
    effectiveFrom,
    baseRateBasisPoints: base.basisPoints,
    floatFactorPercent,
    contributionRateBasisPoints: contributionRateBasisPoints(base.basisPoints, floatFactorPercent),
  };
}

/** Every rate the employer has had or is scheduled to have: one entry per date the base or the factor changes. */
export function rateHistory(baseRates: readonly DatedBaseRate[], factors: readonly DatedFloatFactor[]): RateAt[] {
  const dates = [...new Set([...baseRates, ...factors].map((entry) => entry.effectiveFrom))].sort();
  return dates.flatMap((date) => {
    const rate = rateOn(baseRates, factors, date);
    return rate ? [rate] : [];
  });
}
