import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum ExpertDrawPurpose {
  PROJECT_REVIEW = "PROJECT_REVIEW",
  PROJECT_ACCEPTANCE = "PROJECT_ACCEPTANCE",
  JOINT_INSPECTION = "JOINT_INSPECTION",
}
registerEnumType(ExpertDrawPurpose, {
  name: "ExpertDrawPurpose",
  description: "PROJECT_REVIEW 工伤预防项目评审, PROJECT_ACCEPTANCE 项目验收 (both 人社's), JOINT_INSPECTION 联合检查 (the office's)",
});

export enum ExpertConclusion {
  PASS = "PASS",
  FAIL = "FAIL",
}
registerEnumType(ExpertConclusion, { name: "ExpertConclusion", description: "通过 PASS, 不通过 FAIL" });

@ObjectType({ description: "An expert in the hub's expert database (专家库)" })
@Entity("expert")
export class Expert {
  @Field(() => ID)
  @PrimaryColumn(column.code(20))
  id: string;

  @Field(() => String)
  @Column(column.text(50))
  name: string;

  @Field(() => [String], { description: "Fields of expertise, e.g. 危险化学品, 建筑施工, 职业卫生" })
  @Column({ type: "simple-array" })
  fields: string[];

  @Field(() => String, { description: "Professional title (职称)" })
  @Column(column.text(50))
  title: string;

  @Field(() => String)
  @Column(column.text(100))
  employer: string;

  @Field(() => String, { nullable: true, description: "The employer's 统一社会信用代码, for conflicts of interest" })
  @Column({ ...column.code(18), nullable: true })
  employerCreditCode: string | null;

  @Field(() => String, { nullable: true, description: "The member department employing the expert, if any" })
  @Column({ ...column.code(20), nullable: true })
  employerAgency: string | null;

  @Field(() => String, { description: "GB/T 2260 region" })
  @Column(column.code(6))
  regionCode: string;

  @Field(() => Boolean)
  @Column(column.flag)
  available: boolean;
}

@ObjectType({ description: "A recorded random draw of experts: the same seed over the same pool draws the same experts" })
@Entity("expert_draw")
export class ExpertDraw {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => ExpertDrawPurpose)
  @Column(column.code(20))
  purpose: ExpertDrawPurpose;

  @Field(() => String, { description: "The prevention project or joint inspection the experts are drawn for" })
  @Column(column.code(40))
  subjectRef: string;

  @Field(() => String, { description: "The field of expertise required" })
  @Column(column.text(50))
  field: string;

  @Field(() => String, { nullable: true })
  @Column({ ...column.code(6), nullable: true })
  regionCode: string | null;

  @Field(() => Int)
  @Column(column.integer)
  count: number;

  @Field(() => String, { description: "The draw's seed: experts are ranked by SHA-256 of <seed>:<expert id>" })
  @Column(column.code(40))
  seed: string;

  @Field(() => [String], { description: "The qualified experts without a conflict, by id: the pool drawn from" })
  @Column({ type: "simple-array" })
  pool: string[];

  @Field(() => [String], { description: "Qualified experts left out, each as <expert id>: <reason>" })
  @Column({ type: "simple-json" })
  excluded: string[];

  @Field(() => String, { description: "<department>/<user>" })
  @Column(column.text(100))
  drawnBy: string;

  @Field(() => Date)
  @Column(column.timestamp)
  drawnAt: Date;
}

@ObjectType({ description: "An expert drawn (or designated) for a subject, and the opinion the expert gave" })
@Entity("expert_assignment")
export class ExpertAssignment {
  @Field(() => ID, { description: "<draw id>/<expert id>" })
  @PrimaryColumn(column.code(64))
  id: string;

  @Column(column.code(40))
  drawId: string;

  /** <purpose>:<subject>: an expert serves a subject once. */
  @Column(column.code(64))
  subjectKey: string;

  @Column(column.code(20))
  expertId: string;

  @Field(() => Boolean, { description: "Designated by the drawing department rather than drawn at random" })
  @Column(column.flag)
  designated: boolean;

  @Field(() => ExpertConclusion, { nullable: true })
  @Column({ ...column.code(10), nullable: true })
  conclusion: ExpertConclusion | null;

  @Field(() => String, { nullable: true, description: "The expert's opinion (专家意见)" })
  @Column({ ...column.text(1000), nullable: true })
  opinion: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ ...column.date, nullable: true })
  opinionOn: string | null;
}
