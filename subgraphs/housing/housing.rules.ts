import { inForceOn } from "../../kernel/calendar";
import { badUserInput } from "../../kernel/errors";

/**
 * 工种 (trades) a site worker registers under in the real-name system (建筑工人实名制管理办法(试行),
 * 建市〔2019〕18号, 第八条 records the trade). A catalogue the ministry revises, so kept as data.
 */
export const constructionTrades: Readonly<Record<string, string>> = {
  REBAR_WORKER: "钢筋工",
  CARPENTER: "木工",
  SCAFFOLDER: "架子工",
  MASON: "砌筑工",
  CONCRETE_WORKER: "混凝土工",
  ELECTRICIAN: "电工",
  WELDER: "焊工",
  TOWER_CRANE_OPERATOR: "塔式起重机司机",
  SIGNAL_RIGGER: "信号司索工",
  PLASTERER: "抹灰工",
  PLUMBER: "管道工",
  GENERAL_LABOURER: "普工",
};

export function requireTrade(field: string, value: string): string {
  const trade = value.trim().toUpperCase();
  if (!(trade in constructionTrades))
    throw badUserInput(field, `${JSON.stringify(value)} 不是工种目录中的工种, 可填: ${Object.keys(constructionTrades).join("、")}`);
  return trade;
}

/**
 * The youngest a site worker may be, by the day they enter the site: 劳动法 第十五条 forbids
 * employing anyone under 16. Kept as dated data because local rules for construction sites differ.
 */
export const minimumAgeRules: readonly { effectiveFrom: string; minimumAge: number }[] = [{ effectiveFrom: "1995-01-01", minimumAge: 16 }];

/** The minimum age in force on `day`, or undefined before the first rule. */
export function minimumAgeOn(day: string): number | undefined {
  return inForceOn(minimumAgeRules, day)?.minimumAge;
}

/** Whole years from `birthDate` to `day`, both YYYY-MM-DD: the birthday itself counts. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
