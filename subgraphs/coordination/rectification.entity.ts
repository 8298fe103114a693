import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

/** Where a rectification demand (限期整改) was made, and so which department made it. */
export enum RectificationSource {
  JOINT_INSPECTION = "JOINT_INSPECTION",
  HAZARD_INSPECTION = "HAZARD_INSPECTION",
  CONSTRUCTION_SAFETY_INSPECTION = "CONSTRUCTION_SAFETY_INSPECTION",
  SUPERVISION_CHECK = "SUPERVISION_CHECK",
}
registerEnumType(RectificationSource, {
  name: "RectificationSource",
  description:
    "JOINT_INSPECTION 联合检查 (any member); HAZARD_INSPECTION 应急 隐患排查; CONSTRUCTION_SAFETY_INSPECTION 住建 安全检查; SUPERVISION_CHECK 工会 劳动保护监督检查",
});

export enum RectificationState {
  OPEN = "OPEN",
  CONFIRMED = "CONFIRMED",
  REJECTED = "REJECTED",
}
registerEnumType(RectificationState, {
  name: "RectificationState",
  description: "OPEN awaiting review; CONFIRMED by the demanding department; REJECTED: the rectification offered was not accepted",
});

export enum EscalationStage {
  REMINDER = "REMINDER",
  NOTICE = "NOTICE",
  REFERRAL = "REFERRAL",
}
registerEnumType(EscalationStage, {
  name: "EscalationStage",
  description: "REMINDER 催告企业; NOTICE 通报企业的行业主管部门; REFERRAL 移交依法处理",
});

@ObjectType({ description: "One rectification demand (限期整改) in the hub's tracker, whichever department made it" })
@Entity("rectification")
export class Rectification {
  @Field(() => ID, { description: "<demanding department>:<its record id>" })
  @PrimaryColumn(column.code(64))
  id: string;

  @Field(() => RectificationSource)
  @Column(column.code(40))
  source: RectificationSource;

  @Field(() => String, { description: "The demanding department's own record: an inspection target, hazard inspection or check id" })
  @Column(column.code(60))
  sourceRecordId: string;

  @Field(() => String, { description: "The department that demanded it and alone confirms or rejects it" })
  @Column(column.code(20))
  demandingAgency: string;

  @Column(column.code(18))
  creditCode: string;

  /** The enterprise's registered region, derived by the database from its credit code. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => String, { description: "What must be fixed" })
  @Column(column.text(500))
  requirement: string;

  @Field(() => LocalDate, { description: "When it was demanded (the inspection day)" })
  @Column(column.date)
  demandedOn: string;

  @Field(() => LocalDate, { description: "整改期限" })
  @Column(column.date)
  dueOn: string;

  @Field(() => RectificationState)
  @Column(column.code(10))
  state: RectificationState;

  @Field(() => String, { nullable: true, description: "Evidence of rectification the demanding department accepted or examined" })
  @Column({ ...column.text(1000), nullable: true })
  evidence: string | null;

  @Field(() => String, { nullable: true, description: "Why a rectification was rejected" })
  @Column({ ...column.text(1000), nullable: true })
  rejectionReason: string | null;

  @Field(() => String, { nullable: true, description: "<department>/<user> who confirmed or rejected it" })
  @Column({ ...column.text(100), nullable: true })
  reviewedBy: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  reviewedOn: string | null;
}

@ObjectType({ description: "A dated escalation of an overdue rectification, due by the schedule in force on its deadline" })
export class RectificationEscalation {
  @Field(() => EscalationStage)
  stage: EscalationStage;

  @Field(() => LocalDate)
  escalatedOn: string;

  @Field(() => String, { description: "To whom the escalation goes" })
  addressedTo: string;

  @Field(() => Rectification)
  rectification: Rectification;
}
