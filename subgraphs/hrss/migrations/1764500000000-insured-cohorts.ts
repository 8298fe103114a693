import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";
import { recountInsuredCohorts } from "../insured-cohort.tally";

const tables: TableSpec[] = [
  {
    name: "insured_cohort",
    columns: {
      employer_region_code: column.code(6),
      division: column.code(2),
      insured_year: column.integer,
      headcount: column.integer,
    },
    primary: ["employer_region_code", "division", "insured_year"],
  },
];

/** The key-industry analysis reads insured persons counted by region, division and year, not every person. */
export class InsuredCohorts1764500000000 implements MigrationInterface {
  name = "InsuredCohorts1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, tables);
    await recountInsuredCohorts(queryRunner);
  }

  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
