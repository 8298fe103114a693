import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "A work-injury prevention training session run by the trade union (工伤预防培训)" })
@Entity("training_session")
export class TrainingSession {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => LocalDate)
  @Column(column.date)
  heldOn: string;

  @Field(() => String)
  @Column(column.text())
  topic: string;

  @Field(() => Int)
  @Column(column.integer)
  attendees: number;

  @Field(() => Int, { description: "学时 (class hours)" })
  @Column(column.integer)
  hours: number;

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}
