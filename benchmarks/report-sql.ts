import { chinaDayStart } from "../kernel/calendar";
import { regionPrefix } from "../kernel/validate";

/**
 * The meeting report's and the key-industry analysis's figures as a person would write them by
 * hand, straight on each department's database: what benchmarks/report.ts times the hub against,
 * and what the stock departments (benchmarks/stock-department.ts) run.
 */
export interface Statement {
  department: string;
  section: string;
  sql: string;
  parameters: unknown[];
}

/** Every statement places a row in the region by the prefix of its employer's region code. */
export const regionPatternOf = (regionCode: string) => `${regionPrefix(regionCode)}%`;

/** The report's figures as a person would write them by hand, one statement per figure set, straight on each department's database. */
export function reportStatements(regionCode: string, year: number): Statement[] {
  const regionPattern = regionPatternOf(regionCode);
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const fromMoment = chinaDayStart(from);
  const untilMoment = chinaDayStart(until);
  return [
    {
      department: "coordination",
      section: "jointWork",
      sql: `SELECT i.status, COUNT(DISTINCT i.id) AS inspections, COUNT(*) AS inspected, SUM(t.rectification_due_on IS NOT NULL) AS ordered
            FROM inspection_target t JOIN joint_inspection i ON i.id = t.inspection_id
            WHERE t.employer_region_code LIKE ? AND i.planned_on >= ? AND i.planned_on < ? GROUP BY i.status`,
      parameters: [regionPattern, from, until],
    },
    {
      department: "emergency",
      section: "accidentStatistics",
      sql: `SELECT grade, DATE_FORMAT(occurred_at + INTERVAL 8 HOUR, '%Y-%m') AS month, COUNT(*) AS accidents, SUM(deaths) AS deaths,
              SUM(serious_injuries) AS serious
            FROM accident WHERE employer_region_code LIKE ? AND occurred_at >= ? AND occurred_at < ? GROUP BY grade, month`,
      parameters: [regionPattern, fromMoment, untilMoment],
    },
    {
      department: "health",
      section: "occupationalDiseaseStatistics",
      sql: `SELECT category_name, COUNT(*) AS cases FROM occupational_disease_case
            WHERE employer_region_code LIKE ? AND diagnosed_on >= ? AND diagnosed_on < ? GROUP BY category_name`,
      parameters: [regionPattern, from, until],
    },
    {
      department: "hrss",
      section: "injuryStatistics",
      sql: `SELECT COUNT(*) AS applications, SUM(status = 'RECOGNISED') AS recognised, SUM(disability_grade <= 4) AS severe FROM injury_recognition
            WHERE employer_region_code LIKE ? AND injured_on >= ? AND injured_on < ?`,
      parameters: [regionPattern, from, until],
    },
  ];
}

/** The key-industry analysis by hand: each department's one GROUP BY (hrss has two tables). */
export function analysisStatements(regionCode: string, year: number): Statement[] {
  const regionPattern = regionPatternOf(regionCode);
  const from = `${year - 4}-01-01`;
  const until = `${year + 1}-01-01`;
  return [
    {
      department: "hrss",
      section: "industryAnalysis (insured)",
      sql: `SELECT division, insured_year AS y, SUM(headcount) AS insured FROM insured_cohort
            WHERE employer_region_code LIKE ? AND insured_year <= ? GROUP BY division, y`,
      parameters: [regionPattern, year],
    },
    {
      department: "hrss",
      section: "industryAnalysis (injuries)",
      sql: `SELECT employer_division AS division, YEAR(injured_on) AS y, COUNT(*) AS injuries
            FROM injury_recognition
            WHERE employer_region_code LIKE ? AND injured_on >= ? AND injured_on < ? AND status = 'RECOGNISED' GROUP BY division, y`,
      parameters: [regionPattern, from, until],
    },
    {
      department: "emergency",
      section: "industryAnalysis (accidents)",
      sql: `SELECT SUBSTR(industry_code, 1, 2) AS division, YEAR(occurred_at + INTERVAL 8 HOUR) AS y, COUNT(*) AS accidents, SUM(deaths) AS deaths
            FROM accident WHERE employer_region_code LIKE ? AND occurred_at >= ? AND occurred_at < ? GROUP BY division, y`,
      parameters: [regionPattern, chinaDayStart(from), chinaDayStart(until)],
    },
    {
      department: "health",
      section: "industryAnalysis (diagnoses)",
      sql: `SELECT SUBSTR(industry_code, 1, 2) AS division, YEAR(diagnosed_on) AS y, COUNT(*) AS cases
            FROM occupational_disease_case WHERE employer_region_code LIKE ? AND diagnosed_on >= ? AND diagnosed_on < ? GROUP BY division, y`,
      parameters: [regionPattern, from, until],
    },
  ];
}
