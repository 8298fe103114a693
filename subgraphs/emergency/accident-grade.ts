import { registerEnumType } from "type-graphql";

/** 事故等级, 生产安全事故报告和调查处理条例 (国务院令第493号) 第三条. */
export enum AccidentGrade {
  ORDINARY = "ORDINARY",
  LARGER = "LARGER",
  MAJOR = "MAJOR",
  ESPECIALLY_MAJOR = "ESPECIALLY_MAJOR",
}
registerEnumType(AccidentGrade, {
  name: "AccidentGrade",
  description: "一般 ORDINARY, 较大 LARGER, 重大 MAJOR, 特别重大 ESPECIALLY_MAJOR (国务院令第493号 第三条)",
});

const yuan = 100;
const wan = 10_000 * yuan;

/**
 * Lower bounds of each grade per measure; "以上" includes the number. Checked from the most severe
 * grade down, so the grade is the most severe that any one measure reaches.
 */
const thresholds: readonly { grade: AccidentGrade; deaths: number; seriousInjuries: number; directLossFen: number }[] = [
  { grade: AccidentGrade.ESPECIALLY_MAJOR, deaths: 30, seriousInjuries: 100, directLossFen: 10_000 * wan },
  { grade: AccidentGrade.MAJOR, deaths: 10, seriousInjuries: 50, directLossFen: 5_000 * wan },
  { grade: AccidentGrade.LARGER, deaths: 3, seriousInjuries: 10, directLossFen: 1_000 * wan },
];

export interface Casualties {
  deaths: number;
  /** 重伤, including 急性工业中毒. */
  seriousInjuries: number;
  directLossFen: number;
}

export function accidentGrade({ deaths, seriousInjuries, directLossFen }: Casualties): AccidentGrade {
  const reached = thresholds.find((t) => deaths >= t.deaths || seriousInjuries >= t.seriousInjuries || directLossFen >= t.directLossFen);
  return reached?.grade ?? AccidentGrade.ORDINARY;
}
