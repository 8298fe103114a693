import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

export enum InspectionStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  CLOSED = "CLOSED",
}
registerEnumType(InspectionStatus, { name: "InspectionStatus" });

@ObjectType({ description: "A joint inspection organised by the joint-prevention office (联合检查)" })
@Directive('@key(fields: "id")')
@Entity("joint_inspection")
export class JointInspection {
  @Field(() => ID, { description: "Inspection number, e.g. LJ-2025-007; cited as the case of a data request" })
  @PrimaryColumn(column.code(20))
  id: string;

  @Field(() => String)
  @Column(column.text())
  title: string;

  @Field(() => String, { description: "The leading department (subgraph name)" })
  @Column(column.code(20))
  leadAgency: string;

  @Field(() => [String], { description: "Every participating department" })
  @Column({ type: "simple-array" })
  agencies: string[];

  @Field(() => LocalDate)
  @Column(column.date)
  plannedOn: string;

  @Field(() => InspectionStatus)
  @Column(column.code(12))
  status: InspectionStatus;
}

@ObjectType({ description: "One enterprise inspected in a joint inspection, with what was found" })
@Entity("inspection_target")
export class InspectionTarget {
  @Field(() => ID)
  @PrimaryColumn(column.code(30))
  id: string;

  @Column(column.code(20))
  inspectionId: string;

  @Column(column.code(18))
  creditCode: string;

  /** The enterprise's registered region, derived by the database from its credit code. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => String, { nullable: true })
  @Column({ ...column.text(500), nullable: true })
  findings: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Rectification deadline (整改期限)" })
  @Column({ ...column.date, nullable: true })
  rectificationDueOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "When the office confirmed the rectification (整改复查)" })
  @Column({ ...column.date, nullable: true })
  rectifiedOn: string | null;
}
