import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum CorrectionStatus {
  OPEN = "OPEN",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}
registerEnumType(CorrectionStatus, { name: "CorrectionStatus", description: "待答复 OPEN, 已采纳并更正 ACCEPTED, 不予采纳 REJECTED" });

@ObjectType({
  description: "A correction request (纠错, 国发〔2016〕51号): a department reports a shared value it believes wrong to its owner",
})
@Entity("correction_request")
export class CorrectionRequest {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "The department that found the error" })
  @Column(column.code(20))
  requester: string;

  @Field(() => String, { description: "The user who raised it" })
  @Column(column.text(100))
  raisedBy: string;

  @Field(() => String, { description: "The department that owns the value and answers" })
  @Column(column.code(20))
  owner: string;

  @Field(() => String, { description: '"Type.field" of the value, e.g. Enterprise.name' })
  @Column(column.text(120))
  resource: string;

  @Field(() => String, { description: "The record's natural key: credit code, pid, licence or permit number..." })
  @Column(column.code(64))
  recordKey: string;

  @Field(() => String, { description: "The value the requester believes right" })
  @Column(column.text(1000))
  proposedValue: string;

  @Field(() => String, { description: "What shows it: a document, an inspection, a registry extract" })
  @Column(column.text(2000))
  evidence: string;

  @Field(() => Date)
  @Column(column.timestamp)
  raisedAt: Date;

  @Field(() => LocalDate, { description: "The owner answers within 10 working days" })
  @Column(column.date)
  answerDueOn: string;

  @Field(() => CorrectionStatus)
  @Column(column.code(10))
  status: CorrectionStatus;

  @Field(() => Date, { nullable: true })
  @Column({ ...column.timestamp, nullable: true })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: "Who answered, as agency/user" })
  @Column({ ...column.text(100), nullable: true })
  answeredBy: string | null;

  @Field(() => String, { nullable: true, description: "Why it was rejected" })
  @Column({ ...column.text(1000), nullable: true })
  reason: string | null;

  @Field(() => Int, { nullable: true, description: "The record's version written by the correction; its history names this request" })
  @Column({ ...column.integer, nullable: true })
  appliedVersion: number | null;
}
