import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";

/**
 * How many persons are insured through employers of one region and one industry division, by the
 * year their insurance began: what the key-industry analysis reads instead of every person. Kept
 * by 人社 in the transaction that enrols, moves or re-classifies (insured-cohort.tally.ts).
 */
@Entity("insured_cohort")
export class InsuredCohort {
  /** The employer's registered region, from its credit code (as `person.employer_region_code`). */
  @PrimaryColumn(column.code(6))
  employerRegionCode: string;

  /** The GB/T 4754 division of the employer's industry; empty when the employer is not registered. */
  @PrimaryColumn(column.code(2))
  division: string;

  @PrimaryColumn(column.integer)
  insuredYear: number;

  @Column(column.integer)
  headcount: number;
}
