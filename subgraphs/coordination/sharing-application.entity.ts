import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum ApplicationStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REFUSED = "REFUSED",
  REVOKED = "REVOKED",
}
registerEnumType(ApplicationStatus, { name: "ApplicationStatus" });

@ObjectType({ description: "A department's application to read another's conditional resource (有条件共享申请), and its grant" })
@Entity("sharing_application")
export class SharingApplication {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "The applying department" })
  @Column(column.code(20))
  applicant: string;

  @Field(() => String, { description: "The department that owns the resource and decides" })
  @Column(column.code(20))
  owner: string;

  @Field(() => String, { description: '"Type.field", or "Type.*" for every field of a type the owner shares conditionally' })
  @Column(column.text(120))
  resource: string;

  @Field(() => String, { description: "The purpose the data may be read for" })
  @Column(column.code(40))
  purpose: string;

  @Field(() => Boolean, { description: "Asks to read masked personal data in clear" })
  @Column(column.flag)
  unmasked: boolean;

  @Field(() => String)
  @Column(column.text(1000))
  justification: string;

  @Field(() => Int, { description: "Days the grant should last" })
  @Column(column.integer)
  requestedDays: number;

  @Field(() => Date)
  @Column(column.timestamp)
  appliedAt: Date;

  @Field(() => LocalDate, { description: "The owner must answer within 10 working days" })
  @Column(column.date)
  answerDueOn: string;

  @Field(() => ApplicationStatus)
  @Column(column.code(10))
  status: ApplicationStatus;

  @Field(() => Date, { nullable: true })
  @Column({ ...column.timestamp, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Who decided, revoked or refused" })
  @Column({ ...column.text(100), nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: "Why it was refused or revoked" })
  @Column({ ...column.text(1000), nullable: true })
  reason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...column.timestamp, nullable: true })
  expiresAt: Date | null;
}
