import type { EntityManager } from "typeorm";
import { badUserInput } from "../../kernel/errors";
import { requireCreditCode } from "../../kernel/validate";
import { checkRegionCode } from "../../reference/regions";
import { Enterprise } from "./enterprise.entity";

/** hrss-specific input checks; like kernel/validate.ts, each names the field and the reason. */

export async function requireInsuredEnterprise(manager: EntityManager, field: string, value: string): Promise<Enterprise> {
  const { creditCode } = requireCreditCode(field, value);
  const enterprise = await manager.findOneBy(Enterprise, { creditCode });
  if (!enterprise) throw badUserInput(field, `no insured enterprise has credit code ${creditCode}`);
  return enterprise;
}

/** A 统筹地区 is a prefecture-level region. */
export function requirePoolingArea(field: string, value: string): string {
  const check = checkRegionCode(value);
  if (!check.valid) throw badUserInput(field, check.reason);
  if (check.level !== "prefecture") throw badUserInput(field, `${value} is a ${check.level}, not a prefecture-level pooling area`);
  return value;
}
