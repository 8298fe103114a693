/** 安全生产许可证 validity as dated data: a revision of the regulation is a new row. */
export interface SafetyLicenceRules {
  effectiveFrom: string;
  source: string;
  validityYears: number;
  /** The hub warns this many days before expiry; 第九条 asks for renewal 3 months ahead. */
  expiringWithinDays: number;
}

export const safetyLicenceRules: readonly SafetyLicenceRules[] = [
  { effectiveFrom: "2004-01-13", source: "安全生产许可证条例 (国务院令第397号) 第九条", validityYears: 3, expiringWithinDays: 90 },
];
