import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";
import { KeyPost } from "./training-record.entity";

/**
 * 应受训人员摸底: one person an enterprise must have trained, in the post they hold. The roster is
 * the denominator of training coverage: trained ∩ roster / roster.
 */
@ObjectType({ description: "应受训人员摸底: one person on an enterprise's roster of people who must be trained" })
@Entity("training_roster")
export class TrainingRosterEntry {
  @Field(() => ID, { description: "RS-<credit code>-<pid>: a person is on an enterprise's roster once" })
  @PrimaryColumn(column.code(60))
  id: string;

  @Field(() => String)
  @Column(column.code(18))
  creditCode: string;

  @Field(() => String, { description: "Pseudonymous key of the person" })
  @Column(column.code(32))
  pid: string;

  @Field(() => KeyPost)
  @Column(column.code(16))
  post: KeyPost;

  @Field(() => LocalDate, { description: "The survey (摸底) that put the person on the roster" })
  @Column(column.date)
  surveyedOn: string;
}

export const rosterEntryId = (creditCode: string, pid: string): string => `RS-${creditCode}-${pid}`;
