import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "An insured person, known across departments only by a pseudonymous pid" })
@Directive('@key(fields: "pid")')
@Entity("person")
export class Person {
  @Field(() => String, { description: "Pseudonymous key: keyed hash of the ID number (GB/T 37964)" })
  @PrimaryColumn(column.code(32))
  pid: string;

  @Field(() => String, { description: "公民身份号码 (GB 11643); personal data" })
  @Column(column.code(18))
  idNumber: string;

  @Field(() => String, { description: "Personal data" })
  @Column(column.text(60))
  name: string;

  @Field(() => String, { description: "MALE or FEMALE, from the ID number's sequence digit" })
  @Column(column.code(6))
  gender: string;

  @Field(() => LocalDate)
  @Column(column.date)
  birthDate: string;

  @Field(() => String, { nullable: true, description: "Mobile number; personal data" })
  @Column({ ...column.code(20), nullable: true })
  phone: string | null;

  @Column({ ...column.code(18), nullable: true })
  employerCreditCode: string | null;

  /** The employer's registered region, derived by the database from its credit code. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  insuredSince: string | null;

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}
