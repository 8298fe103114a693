import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

export enum ComplaintCategory {
  SAFETY_HAZARD = "SAFETY_HAZARD",
  PROTECTIVE_EQUIPMENT = "PROTECTIVE_EQUIPMENT",
  OCCUPATIONAL_HEALTH = "OCCUPATIONAL_HEALTH",
  INJURY_INSURANCE = "INJURY_INSURANCE",
  WORKING_HOURS = "WORKING_HOURS",
  OTHER = "OTHER",
}
registerEnumType(ComplaintCategory, {
  name: "ComplaintCategory",
  description: "安全隐患, 劳动防护用品, 职业病危害, 工伤保险, 工作时间, 其他",
});

export enum ComplaintStatus {
  RECEIVED = "RECEIVED",
  TRANSFERRED = "TRANSFERRED",
  RESOLVED = "RESOLVED",
}
registerEnumType(ComplaintStatus, {
  name: "ComplaintStatus",
  description: "受理 RECEIVED, 转办 TRANSFERRED to a department, 办结 RESOLVED",
});

@ObjectType({ description: "A worker's complaint to the trade union (职工投诉)" })
@Entity("complaint")
export class Complaint {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => LocalDate)
  @Column(column.date)
  receivedOn: string;

  @Column(column.code(18))
  creditCode: string;

  /** The employer's registered region, derived by the database from the credit code: the rule the reports place complaints by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => ComplaintCategory)
  @Column(column.code(24))
  category: ComplaintCategory;

  @Field(() => String)
  @Column(column.text(500))
  summary: string;

  @Column({ ...column.code(32), nullable: true })
  complainantPid: string | null;

  @Field(() => ComplaintStatus)
  @Column(column.code(12))
  status: ComplaintStatus;

  @Field(() => String, { nullable: true, description: "The department it was transferred to (subgraph name)" })
  @Column({ ...column.code(20), nullable: true })
  transferredTo: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  resolvedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ ...column.text(500), nullable: true })
  resolution: string | null;

  @Field(() => LocalDate, { nullable: true, description: "When the receiving department accepted a transferred complaint (受理)" })
  @Column({ ...column.date, nullable: true })
  acceptedOn: string | null;

  @Field(() => String, { nullable: true, description: "The receiving department's answer (答复), which the union sees" })
  @Column({ ...column.text(1000), nullable: true })
  answer: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  answeredOn: string | null;

  @Field(() => String, { nullable: true, description: "<department>/<user> of the receiving department who last acted on it" })
  @Column({ ...column.text(100), nullable: true })
  handledBy: string | null;
}
