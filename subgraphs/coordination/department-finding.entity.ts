import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

/**
 * What one member department found at one target of a joint inspection, recorded by that
 * department's own admin; or, when it has nothing to record, the reason the office gave.
 */
@ObjectType({ description: "One member department's findings at a joint-inspection target, or the recorded reason it has none" })
@Entity("department_finding")
export class DepartmentFinding {
  @Field(() => ID, { description: "<target id>/<department>" })
  @PrimaryColumn(column.code(60))
  id: string;

  @Column(column.code(30))
  targetId: string;

  @Column(column.code(20))
  inspectionId: string;

  @Field(() => String, { description: "The member department (subgraph name)" })
  @Column(column.code(20))
  agency: string;

  @Field(() => String, { nullable: true, description: "Hazards found (发现的问题和隐患); null when a reason stands in" })
  @Column({ ...column.text(500), nullable: true })
  hazards: string | null;

  @Field(() => String, { nullable: true, description: "The legal basis of the findings (依据)" })
  @Column({ ...column.text(300), nullable: true })
  legalBasis: string | null;

  @Field(() => String, { nullable: true, description: "The rectification demanded (整改要求), if any" })
  @Column({ ...column.text(500), nullable: true })
  rectificationDemanded: string | null;

  @Field(() => LocalDate, { nullable: true, description: "整改期限 of the demand" })
  @Column({ ...column.date, nullable: true })
  rectificationDueOn: string | null;

  @Field(() => String, { nullable: true, description: "Why this member records no findings (recorded by the office)" })
  @Column({ ...column.text(500), nullable: true })
  noFindingsReason: string | null;

  @Field(() => String, { description: "<department>/<user> who recorded it" })
  @Column(column.text(100))
  recordedBy: string;

  @Field(() => Date)
  @Column(column.timestamp)
  recordedAt: Date;
}
