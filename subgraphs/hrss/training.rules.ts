import { inForceOn } from "../../kernel/calendar";

/**
 * The key-post training standard per person and year, dated: 山东省 危化品及重点行业企业工伤预防
 * 能力提升培训工程 (鲁人社字〔2022〕14号, 鲁人社函〔2023〕94号): at least 24 学时, at least 60%
 * of them offline. Hours are kept in tenths so sums are exact.
 */
export const trainingStandards: readonly {
  effectiveFrom: string;
  document: string;
  minimumHoursTenths: number;
  minimumOfflinePercent: number;
}[] = [{ effectiveFrom: "2022-01-01", document: "鲁人社字〔2022〕14号", minimumHoursTenths: 240, minimumOfflinePercent: 60 }];

export type TrainingStandard = (typeof trainingStandards)[number];

/** The standard a year is measured against: the one in force at the year's end. */
export const trainingStandardFor = (year: number): TrainingStandard | undefined => inForceOn(trainingStandards, `${year}-12-31`);

export function meetsTrainingStandard(standard: TrainingStandard, hoursTenths: number, offlineHoursTenths: number): boolean {
  return hoursTenths >= standard.minimumHoursTenths && offlineHoursTenths * 100 >= standard.minimumOfflinePercent * hoursTenths;
}

/** One record is one day's session: at most 24 hours, in tenths of an hour. */
export const maximumSessionHoursTenths = 240;

/** Hours as given, to whole tenths; undefined when not a positive multiple of 0.1 within a day. */
export function hoursInTenths(hours: number): number | undefined {
  const tenths = Math.round(hours * 10);
  if (!Number.isFinite(hours) || Math.abs(hours * 10 - tenths) > 1e-6 || tenths < 1 || tenths > maximumSessionHoursTenths) return undefined;
  return tenths;
}
