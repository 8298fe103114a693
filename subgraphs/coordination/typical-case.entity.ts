import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "A typical-case bulletin (典型案例通报) published by the joint-prevention office" })
@Entity("typical_case_bulletin")
export class TypicalCaseBulletin {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String)
  @Column(column.text())
  title: string;

  @Field(() => LocalDate)
  @Column(column.date)
  publishedOn: string;

  @Column({ ...column.code(40), nullable: true })
  accidentId: string | null;

  @Field(() => String, { description: "事故经过 as published" })
  @Column(column.text(1000))
  summary: string;

  @Field(() => String, { description: "警示教训" })
  @Column(column.text(1000))
  lessons: string;
}
