import { createHash } from "node:crypto";
import { badUserInput } from "../../kernel/errors";
import type { Expert } from "./expert.entity";

export interface DrawRequest {
  field: string;
  /** Region prefix the experts must come from, or null for anywhere. */
  regionPrefix: string | null;
  count: number;
  seed: string;
  /** Employers whose experts have a conflict of interest: the enterprises and agencies concerned. */
  conflictingCreditCodes: ReadonlySet<string>;
  conflictingAgencies: ReadonlySet<string>;
  /** Experts already serving this subject. */
  alreadyServing: ReadonlySet<string>;
  designated: readonly string[];
}

export interface DrawResult {
  pool: string[];
  excluded: string[];
  drawn: string[];
}

/** Why a qualified expert may not serve, or null. */
function conflictOf(expert: Expert, request: DrawRequest): string | null {
  if (request.alreadyServing.has(expert.id)) return "已为该事项抽取";
  if (expert.employerCreditCode && request.conflictingCreditCodes.has(expert.employerCreditCode)) return "受聘于相关企业，须回避";
  if (expert.employerAgency && request.conflictingAgencies.has(expert.employerAgency)) return "受聘于相关部门，须回避";
  return null;
}

const rank = (seed: string, expertId: string) => createHash("sha256").update(`${seed}:${expertId}`).digest("hex");

/**
 * Draws experts at random, reproducibly: the qualified pool (available, with the field, from the
 * region) less those with a conflict, ranked by a hash of the seed and each expert's id, so that
 * anyone holding the record can recompute the draw. Designated experts come first.
 */
export function drawExperts(experts: readonly Expert[], request: DrawRequest): DrawResult {
  const qualified = experts
    .filter(
      (expert) =>
        expert.available &&
        expert.fields.includes(request.field) &&
        (request.regionPrefix === null || expert.regionCode.startsWith(request.regionPrefix)),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const excluded = qualified.flatMap((expert) => {
    const conflict = conflictOf(expert, request);
    return conflict ? [`${expert.id}: ${conflict}`] : [];
  });
  const pool = qualified.filter((expert) => conflictOf(expert, request) === null).map((expert) => expert.id);
  request.designated.forEach((expertId, index) => {
    const field = `input.designatedExpertIds[${index}]`;
    if (request.designated.indexOf(expertId) !== index) throw badUserInput(field, `专家 ${expertId} 重复指定`);
    if (request.alreadyServing.has(expertId)) throw badUserInput(field, `专家 ${expertId} 已为该事项抽取，不能重复抽取`);
    if (!pool.includes(expertId)) throw badUserInput(field, `专家 ${expertId} 不在合格且无利益冲突的专家中`);
  });
  const randomCount = request.count - request.designated.length;
  const candidates = pool.filter((expertId) => !request.designated.includes(expertId));
  if (randomCount < 0) throw badUserInput("input.count", `指定专家 ${request.designated.length} 名，多于抽取人数 ${request.count}`);
  if (candidates.length < randomCount) {
    throw badUserInput("input.count", `合格且无利益冲突的专家不足：需要 ${randomCount} 名，只有 ${candidates.length} 名`);
  }
  const drawn = candidates
    .map((expertId) => ({ expertId, rank: rank(request.seed, expertId) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .slice(0, randomCount)
    .map(({ expertId }) => expertId);
  return { pool, excluded, drawn: [...request.designated, ...drawn] };
}
