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

/** Yuan as the caller writes them, to exact fen: at most two decimals, positive. */
export function requireYuanAsFen(field: string, yuan: number): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || Math.abs(yuan * 100 - fen) > 1e-6)
    throw badUserInput(field, `must be an amount in yuan with at most 2 decimals, got ${yuan}`);
  if (fen <= 0) throw badUserInput(field, `must be more than 0, got ${yuan}`);
  if (!Number.isSafeInteger(fen)) throw badUserInput(field, `is too large, got ${yuan}`);
  return fen;
}

/** Fen shown as yuan with exactly two decimals, for messages. */
export const yuanText = (fen: number): string => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;
