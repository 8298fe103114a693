import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import mysql from "mysql2/promise";
import { employerRegionRule } from "../kernel/employer-region";
import { checkRegionCode } from "../reference/regions";
import { reportStatements } from "./report-sql";

/**
 * One department of the meeting report as the stock stack makes it, with nothing of the hub's: a
 * schema written by hand for @apollo/subgraph, @apollo/server's standalone server (inline tracing
 * off), one mysql2 pool, and the hand-written SQL of benchmarks/report-sql.ts, its rows shaped into
 * the hub's section. No token, signature, catalogue, audit or ORM. benchmarks/report.ts runs four
 * of these behind a stock @apollo/gateway: the least a report federated on this stack can cost.
 * Reads STOCK_DEPARTMENT, LIANFANG_MYSQL_URL, LIANFANG_DB_PREFIX, BENCH_REGION and BENCH_YEAR.
 */

type Row = Record<string, string | number | null>;
/** The department's fields of the report, its types, and their resolvers; `rows` runs the section's statement. */
type Section = { fields: string; types: string; resolvers: (rows: () => Promise<Row[]>) => Record<string, () => unknown> };

const count = (value: string | number | null) => Number(value ?? 0);
const total = (rows: Row[], key: string) => rows.reduce((sum, row) => sum + count(row[key]), 0);
const severity = ["ESPECIALLY_MAJOR", "MAJOR", "LARGER", "ORDINARY"];

function sectionOf(department: string, regionCode: string, year: number): Section {
  switch (department) {
    case "coordination":
      return {
        fields: "regionName: String! regionRule: String! periodStart: String! periodEnd: String! jointWork: JointWorkStatistics!",
        types:
          "type JointWorkStatistics { inspectionsPlanned: Int! inspectionsClosed: Int! enterprisesInspected: Int! rectificationsOrdered: Int! }",
        resolvers: (rows) => ({
          regionName: () => {
            const region = checkRegionCode(regionCode);
            return region.valid ? region.name : regionCode;
          },
          regionRule: () => employerRegionRule,
          periodStart: () => `${year}-01-01`,
          periodEnd: () => `${year}-12-31`,
          jointWork: async () => {
            const statuses = await rows();
            return {
              inspectionsPlanned: total(statuses, "inspections"),
              inspectionsClosed: total(
                statuses.filter((row) => row.status === "CLOSED"),
                "inspections",
              ),
              enterprisesInspected: total(statuses, "inspected"),
              rectificationsOrdered: total(statuses, "ordered"),
            };
          },
        }),
      };
    case "emergency":
      return {
        fields: "accidentStatistics: AccidentStatistics",
        types: `type AccidentStatistics { accidents: Int! deaths: Int! seriousInjuries: Int! byGrade: [GradeCount!]! byMonth: [MonthCount!]! }
                type GradeCount { grade: String! accidents: Int! deaths: Int! }
                type MonthCount { month: String! accidents: Int! deaths: Int! }`,
        resolvers: (rows) => ({
          accidentStatistics: async () => {
            const counts = await rows();
            return {
              accidents: total(counts, "accidents"),
              deaths: total(counts, "deaths"),
              seriousInjuries: total(counts, "serious"),
              byGrade: severity
                .map((grade) => counts.filter((row) => row.grade === grade))
                .filter((ofGrade) => ofGrade.length)
                .map((ofGrade) => ({ grade: ofGrade[0].grade, accidents: total(ofGrade, "accidents"), deaths: total(ofGrade, "deaths") })),
              byMonth: Array.from({ length: 12 }, (_, index) => {
                const month = `${year}-${String(index + 1).padStart(2, "0")}`;
                const ofMonth = counts.filter((row) => row.month === month);
                return { month, accidents: total(ofMonth, "accidents"), deaths: total(ofMonth, "deaths") };
              }),
            };
          },
        }),
      };
    case "health":
      return {
        fields: "occupationalDiseaseStatistics: OccupationalDiseaseStatistics",
        types: `type OccupationalDiseaseStatistics { newCases: Int! byCategory: [CategoryCount!]! }
                type CategoryCount { categoryName: String! cases: Int! }`,
        resolvers: (rows) => ({
          occupationalDiseaseStatistics: async () => {
            const categories = await rows();
            return {
              newCases: total(categories, "cases"),
              byCategory: categories
                .map((row) => ({ categoryName: String(row.category_name), cases: count(row.cases) }))
                .sort((a, b) => b.cases - a.cases || a.categoryName.localeCompare(b.categoryName)),
            };
          },
        }),
      };
    case "hrss":
      return {
        fields: "injuryStatistics: InjuryStatistics",
        types: "type InjuryStatistics { applications: Int! recognised: Int! severelyDisabled: Int! }",
        resolvers: (rows) => ({
          injuryStatistics: async () => {
            const [row] = await rows();
            return { applications: count(row.applications), recognised: count(row.recognised), severelyDisabled: count(row.severe) };
          },
        }),
      };
    default:
      throw new Error(`STOCK_DEPARTMENT must be coordination, emergency, health or hrss, not ${department}`);
  }
}

async function main(): Promise<void> {
  const department = String(process.env.STOCK_DEPARTMENT);
  const regionCode = String(process.env.BENCH_REGION);
  const year = Number(process.env.BENCH_YEAR);
  const section = sectionOf(department, regionCode, year);
  const [statement] = reportStatements(regionCode, year).filter((candidate) => candidate.department === department);
  const pool = mysql.createPool({
    uri: process.env.LIANFANG_MYSQL_URL,
    database: `${process.env.LIANFANG_DB_PREFIX}${department}`,
    timezone: "Z",
    connectionLimit: 4,
  });
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query { meetingReport(regionCode: String!, period: String!): MeetingReport! @shareable }
    type MeetingReport @key(fields: "regionCode period") { regionCode: String! period: String! ${section.fields} }
    ${section.types}
  `);
  const rows = async () => (await pool.query<mysql.RowDataPacket[]>(statement.sql, statement.parameters))[0] as Row[];
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: { meetingReport: (_: unknown, key: { regionCode: string; period: string }) => key },
        MeetingReport: section.resolvers(rows),
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  process.send?.({ ready: department, url });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
