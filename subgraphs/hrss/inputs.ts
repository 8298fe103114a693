import type { EntityManager } from "typeorm";
import { badUserInput } from "../../kernel/errors";
import { creditCodeTypoHint, requireCreditCode } from "../../kernel/validate";
import { checkRegionCode } from "../../reference/regions";
import { Enterprise } from "./enterprise.entity";

/** hrss-specific input checks; like kernel/validate.ts, each names the field and the reason. */

/** The registered employer the field names; `lock` when what is written depends on its industry (see `lockRead`). */
export async function requireInsuredEnterprise(
  manager: EntityManager,
  field: string,
  value: string,
  lock?: "pessimistic_write",
): Promise<Enterprise> {
  const { creditCode } = requireCreditCode(field, value);
  const enterprise = await manager.findOne(Enterprise, { where: { creditCode }, ...(lock && { lock: { mode: lock } }) });
  if (!enterprise) throw badUserInput(field, `没有统一社会信用代码为 ${creditCode} 的参保单位${creditCodeTypoHint(creditCode)}`);
  return enterprise;
}

/** A 统筹地区 is a prefecture-level region. */
export function requirePoolingArea(field: string, value: string): string {
  const check = checkRegionCode(value);
  if (!check.valid) throw badUserInput(field, check.reason);
  if (check.level !== "prefecture") throw badUserInput(field, `${value} (${check.name}) 不是地市级统筹地区`);
  return value;
}
