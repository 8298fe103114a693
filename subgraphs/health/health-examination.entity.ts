import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum ExaminationKind {
  PRE_EMPLOYMENT = "PRE_EMPLOYMENT",
  ON_DUTY = "ON_DUTY",
  DEPARTURE = "DEPARTURE",
}
registerEnumType(ExaminationKind, { name: "ExaminationKind", description: "上岗前 PRE_EMPLOYMENT, 在岗期间 ON_DUTY, 离岗时 DEPARTURE" });

export enum ExaminationResult {
  NORMAL = "NORMAL",
  RECHECK = "RECHECK",
  SUSPECTED_DISEASE = "SUSPECTED_DISEASE",
  CONTRAINDICATION = "CONTRAINDICATION",
}
registerEnumType(ExaminationResult, {
  name: "ExaminationResult",
  description: "未见异常 NORMAL, 复查 RECHECK, 疑似职业病 SUSPECTED_DISEASE, 职业禁忌证 CONTRAINDICATION",
});

@ObjectType({ description: "An occupational health examination (职业健康检查) of a worker exposed to hazards" })
@Entity("health_examination")
export class HealthExamination {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Column(column.code(32))
  pid: string;

  @Field(() => String, { description: "The employer that sent the worker" })
  @Column(column.code(18))
  creditCode: string;

  @Field(() => LocalDate)
  @Column(column.date)
  examinedOn: string;

  @Field(() => ExaminationKind)
  @Column(column.code(20))
  kind: ExaminationKind;

  @Field(() => ExaminationResult)
  @Column(column.code(20))
  result: ExaminationResult;

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}

@ObjectType({ description: "An enterprise's occupational health examinations counted by result" })
export class HealthExaminationSummary {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  normal: number;

  @Field(() => Int)
  recheck: number;

  @Field(() => Int)
  suspectedDisease: number;

  @Field(() => Int)
  contraindication: number;
}
