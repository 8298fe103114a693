import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "A diagnosed occupational-disease case (职业病), reported by the diagnosing institution" })
@Directive('@key(fields: "id")')
@Entity("occupational_disease_case")
export class OccupationalDiseaseCase {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Column(column.code(32))
  pid: string;

  @Column(column.code(18))
  creditCode: string;

  /** The employer's registered region, derived by the database from the credit code: the rule the reports place cases by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "GB/T 4754 industry of the employer as the report card states it (行业); null on cases recorded before it was kept",
  })
  @Column({ ...column.code(4), nullable: true })
  industryCode: string | null;

  @Field(() => String, { description: "Catalogue version in force on the diagnosis date: 2013 or 2025" })
  @Column(column.code(4))
  catalogueVersion: string;

  @Field(() => String, { description: "Category code within that catalogue" })
  @Column(column.code(4))
  categoryCode: string;

  @Field(() => String)
  @Column(column.text(60))
  categoryName: string;

  @Field(() => String, {
    nullable: true,
    description: "Disease code within that catalogue, e.g. 5.19; null on cases recorded before codes were kept",
  })
  @Column({ ...column.code(8), nullable: true })
  diseaseCode: string | null;

  @Field(() => String)
  @Column(column.text(120))
  diseaseName: string;

  @Field(() => String, { nullable: true, description: "The diagnosing institution; null on cases recorded before it was kept" })
  @Column({ ...column.text(100), nullable: true })
  institution: string | null;

  @Field(() => Boolean, { description: "The employer's credit code fails its GB 32100 check character: accepted, pending manual review" })
  @Column(column.flag)
  creditCodeNeedsReview: boolean;

  @Field(() => LocalDate)
  @Column(column.date)
  diagnosedOn: string;

  @Field(() => LocalDate, { description: "Filed in the surveillance system; due within 15 days (卫健委令第6号 第三十二条)" })
  @Column(column.date)
  reportedOn: string;
}
