import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum ActionItemStatus {
  OPEN = "OPEN",
  DONE = "DONE",
  OVERDUE = "OVERDUE",
}
registerEnumType(ActionItemStatus, {
  name: "ActionItemStatus",
  description: "As of a day: DONE by then; OVERDUE past its due date and not done; OPEN otherwise",
});

@ObjectType({ description: "A joint meeting (联席会议): who convened and attended, the agenda and what was decided" })
@Entity("joint_meeting")
export class JointMeeting {
  @Field(() => ID, { description: "LX-<year>-<serial>" })
  @PrimaryColumn(column.code(20))
  id: string;

  @Field(() => LocalDate)
  @Column(column.date)
  heldOn: string;

  @Field(() => String, { description: "The convening body, e.g. 工伤预防工作领导小组" })
  @Column(column.text(100))
  convenedBy: string;

  @Field(() => [String], { description: "Attending departments (subgraph names)" })
  @Column({ type: "simple-array" })
  attendingAgencies: string[];

  @Field(() => [String], { description: "Agenda items (议题), in order" })
  @Column({ type: "simple-json" })
  agenda: string[];

  @Field(() => [String], { description: "Decisions (议定事项), in order" })
  @Column({ type: "simple-json" })
  decisions: string[];

  @Column({ ...column.code(6), nullable: true })
  reportRegionCode: string | null;

  @Column({ ...column.code(4), nullable: true })
  reportPeriod: string | null;
}

@ObjectType({ description: "Something a joint meeting assigned to a department, by a due date" })
@Entity("action_item")
export class ActionItem {
  @Field(() => ID, { description: "<meeting id>-<serial>" })
  @PrimaryColumn(column.code(30))
  id: string;

  @Column(column.code(20))
  meetingId: string;

  @Field(() => String)
  @Column(column.text(500))
  task: string;

  @Field(() => String, { description: "The department that owns it (subgraph name)" })
  @Column(column.code(20))
  ownerAgency: string;

  @Field(() => LocalDate)
  @Column(column.date)
  dueOn: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  doneOn: string | null;

  @Field(() => String, { nullable: true, description: "What was done, as its owner reported it" })
  @Column({ ...column.text(500), nullable: true })
  outcome: string | null;
}
