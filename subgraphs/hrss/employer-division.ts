import type { EntityManager, QueryRunner } from "typeorm";
import { divisionOf } from "../../kernel/buckets";
import type { Enterprise } from "./enterprise.entity";
import { InjuryRecognition } from "./injury-recognition.entity";

/**
 * The key-industry analysis counts persons and injuries in the industry division their employer is
 * registered in now. Both are kept ready for it: persons as insured cohorts, injuries stamped with
 * the division. This module holds what the two share and follows a change of division.
 */

/** The GB/T 4754 division of an employer's industry code; empty when the employer is not registered. */
export const divisionOfIndustry = (industryCode: string | null | undefined): string => industryCode?.slice(0, 2) ?? "";

/** An employer whose division changed with a save, or that was registered by it: its industry before and after. */
export type Reclassified = Map<string, { from: string | undefined; to: string }>;

export function reclassifiedEmployers(saved: { before: Enterprise | null; after: Enterprise }[]): Reclassified {
  return new Map(
    saved
      .filter(({ before, after }) => divisionOfIndustry(before?.industryCode) !== divisionOfIndustry(after.industryCode))
      .map(({ before, after }) => [after.creditCode, { from: before?.industryCode, to: after.industryCode }]),
  );
}

/**
 * On MySQL, reads that decide a division or a cohort lock what they read, so they see the latest
 * commit and wait for a concurrent change of it: a person enrolled, or an injury applied for, while
 * the employer changes industry is then moved by whichever transaction commits second. FOR UPDATE,
 * since MariaDB has no FOR SHARE; the embedded database has one writer at a time.
 */
export const lockRead = (manager: EntityManager) => (manager.connection.options.type === "mysql" ? "pessimistic_write" : undefined);

/** Stamps the recognitions of each reclassified employer with its new division. */
export async function restampRecognitions(manager: EntityManager, reclassified: Reclassified): Promise<void> {
  const byDivision = new Map<string, string[]>();
  for (const [creditCode, { to }] of reclassified) {
    const division = divisionOfIndustry(to);
    byDivision.set(division, [...(byDivision.get(division) ?? []), creditCode]);
  }
  for (const [division, creditCodes] of byDivision) {
    await manager
      .createQueryBuilder()
      .update(InjuryRecognition)
      .set({ employerDivision: division })
      .where("credit_code IN (:...creditCodes)", { creditCodes })
      .execute();
  }
}

/** Stamps every recognition afresh with its employer's division: how the column is first filled. */
export async function restampAllRecognitions(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `UPDATE injury_recognition SET employer_division =
       COALESCE((SELECT ${divisionOf("e.industry_code")} FROM enterprise e WHERE e.credit_code = injury_recognition.credit_code), '')`,
  );
}
