import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum RectificationStatus {
  NONE_FOUND = "NONE_FOUND",
  RECTIFIED = "RECTIFIED",
  PENDING = "PENDING",
  OVERDUE = "OVERDUE",
}
registerEnumType(RectificationStatus, {
  name: "RectificationStatus",
  description: "NONE_FOUND no hazards; RECTIFIED; PENDING before its due date; OVERDUE past it and not rectified",
});

/** Rectification as of a day: overdue once the due date has passed without rectification. */
export function rectificationStatus(
  inspection: Pick<HazardInspection, "hazardsFound" | "rectificationDueOn" | "rectifiedOn">,
  today: string,
): RectificationStatus {
  if (inspection.hazardsFound === 0) return RectificationStatus.NONE_FOUND;
  if (inspection.rectifiedOn) return RectificationStatus.RECTIFIED;
  return inspection.rectificationDueOn !== null && inspection.rectificationDueOn < today
    ? RectificationStatus.OVERDUE
    : RectificationStatus.PENDING;
}

@ObjectType({ description: "A hazard inspection (隐患排查) of an enterprise by emergency management" })
@Entity("hazard_inspection")
export class HazardInspection {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String)
  @Column(column.code(18))
  creditCode: string;

  @Field(() => LocalDate)
  @Column(column.date)
  inspectedOn: string;

  @Field(() => Int)
  @Column(column.integer)
  hazardsFound: number;

  @Field(() => Int, { description: "重大事故隐患 among hazardsFound" })
  @Column(column.integer)
  majorHazards: number;

  @Field(() => LocalDate, { nullable: true, description: "Rectification deadline; null when no hazards were found" })
  @Column({ ...column.date, nullable: true })
  rectificationDueOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Null until rectified" })
  @Column({ ...column.date, nullable: true })
  rectifiedOn: string | null;
}
