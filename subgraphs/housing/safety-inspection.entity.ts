import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "A construction safety inspection (施工安全检查) of a project by housing and construction" })
@Entity("construction_safety_inspection")
export class ConstructionSafetyInspection {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String)
  @Column(column.code(24))
  projectPermitNo: string;

  @Field(() => LocalDate)
  @Column(column.date)
  inspectedOn: string;

  @Field(() => Int, { description: "Hidden hazards (隐患) found" })
  @Column(column.integer)
  hazards: number;

  @Field(() => Boolean, { description: "停工整改 ordered" })
  @Column(column.flag)
  stopWorkOrdered: boolean;

  @Field(() => LocalDate, { nullable: true, description: "Rectification deadline, when hazards were found" })
  @Column({ ...column.date, nullable: true })
  rectificationDueOn: string | null;
}
