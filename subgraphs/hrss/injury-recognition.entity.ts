import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

export enum RecognitionApplicant {
  EMPLOYER = "EMPLOYER",
  WORKER = "WORKER",
  UNION = "UNION",
}
registerEnumType(RecognitionApplicant, { name: "RecognitionApplicant", description: "Who applied (工伤保险条例 第十七条)" });

export enum RecognitionStatus {
  APPLIED = "APPLIED",
  ACCEPTED = "ACCEPTED",
  RECOGNISED = "RECOGNISED",
  NOT_RECOGNISED = "NOT_RECOGNISED",
}
registerEnumType(RecognitionStatus, { name: "RecognitionStatus", description: "APPLIED → ACCEPTED → RECOGNISED or NOT_RECOGNISED" });

@ObjectType({ description: "工伤认定: a work-injury recognition case" })
@Entity("injury_recognition")
export class InjuryRecognition {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Column(column.code(32))
  pid: string;

  @Column(column.code(18))
  creditCode: string;

  /** The employer's registered region, derived by the database from the credit code. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  /**
   * The employer's industry division (GB/T 4754) as registered now, empty while the employer is not
   * registered: kept with the row, and restamped when the employer changes division, so that the
   * key-industry analysis counts injuries from one index without joining every row to its employer.
   */
  @Column(column.code(2))
  employerDivision: string;

  @Field(() => String, { nullable: true, description: "The emergency-management accident this injury came from, if any" })
  @Column({ ...column.code(40), nullable: true })
  accidentId: string | null;

  @Field(() => LocalDate)
  @Column(column.date)
  injuredOn: string;

  @Field(() => LocalDate)
  @Column(column.date)
  appliedOn: string;

  @Field(() => RecognitionApplicant)
  @Column(column.code(10))
  applicant: RecognitionApplicant;

  @Field(() => RecognitionStatus)
  @Column(column.code(16))
  status: RecognitionStatus;

  @Field(() => LocalDate, { nullable: true, description: "受理: when the application was accepted" })
  @Column({ ...column.date, nullable: true })
  acceptedOn: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  decidedOn: string | null;

  @Field(() => Int, { nullable: true, description: "劳动功能障碍 grade 1 (most severe) to 10, once assessed" })
  @Column({ ...column.integer, nullable: true })
  disabilityGrade: number | null;
}
