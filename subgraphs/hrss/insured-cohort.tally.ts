import { In, type EntityManager, type QueryRunner } from "typeorm";
import { divisionOf } from "../../kernel/buckets";
import { employerRegionOf } from "../../kernel/employer-region";
import { divisionOfIndustry, lockRead, type Reclassified } from "./employer-division";
import { Enterprise } from "./enterprise.entity";
import type { InsuredCohort } from "./insured-cohort.entity";
import { Person } from "./person.entity";

/** Cohort rows per upsert: four parameters each, far under the embedded driver's 32,766. */
const rowsPerUpsert = 1000;

/** Persons joining (a positive count) or leaving (negative) one employer's cohort of one year. */
interface CohortChange {
  employerCreditCode: string;
  /** The employer's industry as registered; undefined when it is not. */
  industryCode: string | undefined;
  insuredYear: number;
  count: number;
}

/** The changes summed by cohort, in key order; cohorts whose changes cancel out are left out. */
export function cohortsOf(changes: Iterable<CohortChange>): InsuredCohort[] {
  const cohorts = new Map<string, InsuredCohort>();
  for (const { employerCreditCode, industryCode, insuredYear, count } of changes) {
    const employerRegionCode = employerRegionOf(employerCreditCode);
    const division = divisionOfIndustry(industryCode);
    const key = `${employerRegionCode}|${division}|${insuredYear}`;
    const cohort = cohorts.get(key) ?? { employerRegionCode, division, insuredYear, headcount: 0 };
    cohort.headcount += count;
    cohorts.set(key, cohort);
  }
  return [...cohorts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, cohort]) => cohort)
    .filter((cohort) => cohort.headcount !== 0);
}

/**
 * Adds each cohort's headcount to the stored one, creating the row when new, a thousand cohorts
 * per statement; in key order, so that concurrent transactions lock cohorts in the same order.
 */
async function addToCohorts(manager: EntityManager, cohorts: InsuredCohort[]): Promise<void> {
  // Neither database has the other's "add on conflict", so the one clause that differs is chosen here.
  const onConflict =
    manager.connection.options.type === "mysql"
      ? "ON DUPLICATE KEY UPDATE headcount = headcount + VALUES(headcount)"
      : "ON CONFLICT (employer_region_code, division, insured_year) DO UPDATE SET headcount = headcount + excluded.headcount";
  for (let start = 0; start < cohorts.length; start += rowsPerUpsert) {
    const chunk = cohorts.slice(start, start + rowsPerUpsert);
    await manager.query(
      `INSERT INTO insured_cohort (employer_region_code, division, insured_year, headcount) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")} ${onConflict}`,
      chunk.flatMap((cohort) => [cohort.employerRegionCode, cohort.division, cohort.insuredYear, cohort.headcount]),
    );
  }
}

/** The industry code of each employer named, as registered now; on MySQL their rows stay locked, in key order, until the commit. */
async function industriesOf(manager: EntityManager, creditCodes: string[]): Promise<Map<string, string>> {
  if (!creditCodes.length) return new Map();
  const mode = lockRead(manager);
  const employers = await manager.find(Enterprise, {
    select: { creditCode: true, industryCode: true },
    where: { creditCode: In([...new Set(creditCodes)]) },
    ...(mode && { lock: { mode } }),
  });
  return new Map(employers.map((employer) => [employer.creditCode, employer.industryCode]));
}

/** Moves each saved person from the cohort of their enrolment before to that of their enrolment now. */
export async function tallyEnrolments(manager: EntityManager, saved: { before: Person | null; after: Person }[]): Promise<void> {
  const yearOf = (person: Person | null) => person?.insuredSince?.slice(0, 4);
  const enrolments = saved
    // A change of name or phone leaves the person in their cohort: no lookup, no write.
    .filter(({ before, after }) => before?.employerCreditCode !== after.employerCreditCode || yearOf(before) !== yearOf(after))
    .flatMap(({ before, after }) => [
      { person: before, count: -1 },
      { person: after, count: +1 },
    ])
    .flatMap(({ person, count }) =>
      person?.employerCreditCode && person.insuredSince
        ? [{ employerCreditCode: person.employerCreditCode, insuredYear: Number(yearOf(person)), count }]
        : [],
    );
  const industries = await industriesOf(
    manager,
    enrolments.map((enrolment) => enrolment.employerCreditCode),
  );
  await addToCohorts(
    manager,
    cohortsOf(enrolments.map((enrolment) => ({ ...enrolment, industryCode: industries.get(enrolment.employerCreditCode) }))),
  );
}

/**
 * Moves the persons insured through each employer whose industry division changed to the cohorts of
 * its new division; for an employer registered now, those a migration counted before it was registered.
 */
export async function tallyReclassified(manager: EntityManager, reclassified: Reclassified): Promise<void> {
  if (!reclassified.size) return;
  const query = manager
    .getRepository(Person)
    .createQueryBuilder("person")
    .select("person.employerCreditCode", "employerCreditCode")
    .addSelect("SUBSTR(person.insuredSince, 1, 4)", "insuredYear")
    .addSelect("COUNT(*)", "headcount")
    .where("person.employerCreditCode IN (:...creditCodes)", { creditCodes: [...reclassified.keys()] })
    .andWhere("person.insuredSince IS NOT NULL")
    .groupBy("person.employerCreditCode")
    .addGroupBy("insuredYear");
  const mode = lockRead(manager);
  if (mode) query.setLock(mode);
  const insured = await query.getRawMany<{ employerCreditCode: string; insuredYear: string; headcount: string | number }>();
  await addToCohorts(
    manager,
    cohortsOf(
      insured.flatMap(({ employerCreditCode, insuredYear, headcount }) => {
        const { from, to } = reclassified.get(employerCreditCode)!;
        const cohort = { employerCreditCode, insuredYear: Number(insuredYear) };
        return [
          { ...cohort, industryCode: from, count: -Number(headcount) },
          { ...cohort, industryCode: to, count: Number(headcount) },
        ];
      }),
    ),
  );
}

/** Counts every cohort afresh from the persons and their employers: how the table is first filled. */
export async function recountInsuredCohorts(queryRunner: QueryRunner): Promise<void> {
  const division = `COALESCE(${divisionOf("e.industry_code")}, '')`;
  const year = "SUBSTR(p.insured_since, 1, 4)";
  await queryRunner.query("DELETE FROM insured_cohort");
  await queryRunner.query(
    `INSERT INTO insured_cohort (employer_region_code, division, insured_year, headcount)
     SELECT p.employer_region_code, ${division}, ${year}, COUNT(*)
     FROM person p LEFT JOIN enterprise e ON e.credit_code = p.employer_credit_code
     WHERE p.employer_credit_code IS NOT NULL AND p.insured_since IS NOT NULL
     GROUP BY p.employer_region_code, ${division}, ${year}`,
  );
}
