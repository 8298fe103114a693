import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { AccidentGrade } from "./accident-grade";
import type { Accident } from "./accident.entity";

/** One version of an accident's figures: the first report (version 1), then each 补报 (第十三条). */
@ObjectType({ description: "An accident report as filed: the first report (version 1) or a supplementary report (补报)" })
@Entity("accident_report")
export class AccidentReport {
  @Field(() => ID)
  @PrimaryColumn(column.code(48))
  id: string;

  @Column(column.code(40))
  accidentId: string;

  @Field(() => Int, { description: "1 for the first report, then 2, 3, ... for each 补报" })
  @Column(column.integer)
  version: number;

  @Field(() => Date)
  @Column(column.timestamp)
  reportedAt: Date;

  @Field(() => Int)
  @Column(column.integer)
  deaths: number;

  @Field(() => Int)
  @Column(column.integer)
  seriousInjuries: number;

  @Field(() => Int, { description: "下落不明" })
  @Column(column.integer)
  missing: number;

  @Column(column.money)
  directLossFen: number;

  @Field(() => AccidentGrade, { description: "The grade these figures reach" })
  @Column(column.code(20))
  grade: AccidentGrade;

  @Field(() => Float, { name: "directLossYuan", description: "直接经济损失 as reported, yuan" })
  get directLossYuan(): number {
    return this.directLossFen / 100;
  }

  @Field(() => Boolean, { name: "supplementary", description: "A 补报 rather than the first report" })
  get supplementary(): boolean {
    return this.version > 1;
  }
}

/** One version of the report history: the accident's figures as reported at that moment. */
export function reportOf(accident: Accident, version: number, reportedAt: Date): AccidentReport {
  return Object.assign(new AccidentReport(), {
    id: `${accident.id}-R${version}`,
    accidentId: accident.id,
    version,
    reportedAt,
    deaths: accident.deaths,
    seriousInjuries: accident.seriousInjuries,
    missing: accident.missing,
    directLossFen: accident.directLossFen,
    grade: accident.grade,
  });
}
