import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

/** The posts of reference/target-metrics.ts (keyPosts), which the plans' key-post groups are made of. */
export enum KeyPost {
  PRINCIPAL = "PRINCIPAL",
  DEPUTY_HEAD = "DEPUTY_HEAD",
  SAFETY_MANAGER = "SAFETY_MANAGER",
  HEALTH_MANAGER = "HEALTH_MANAGER",
  TEAM_LEADER = "TEAM_LEADER",
  SPECIAL_OPERATOR = "SPECIAL_OPERATOR",
  WORKER = "WORKER",
}
registerEnumType(KeyPost, {
  name: "KeyPost",
  description:
    "岗位: 主要负责人 PRINCIPAL, 安全生产与职业健康分管负责人 DEPUTY_HEAD, 专职安全管理人员 SAFETY_MANAGER, 职业健康管理人员 HEALTH_MANAGER, 一线班组长 TEAM_LEADER (含车间主任、车队长), 特种作业人员 SPECIAL_OPERATOR, 其他从业人员 WORKER",
});

export enum TrainingMode {
  ONLINE = "ONLINE",
  OFFLINE = "OFFLINE",
}
registerEnumType(TrainingMode, { name: "TrainingMode", description: "线上 ONLINE or 线下 OFFLINE" });

@ObjectType({ description: "One person's work-injury prevention training session (工伤预防培训)" })
@Entity("training_record")
export class TrainingRecord {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "Pseudonymous key of the trainee" })
  @Column(column.code(32))
  pid: string;

  @Field(() => String)
  @Column(column.code(18))
  creditCode: string;

  @Field(() => KeyPost)
  @Column(column.code(16))
  post: KeyPost;

  @Field(() => TrainingMode)
  @Column(column.code(8))
  mode: TrainingMode;

  @Field(() => Boolean, { description: "The session included practical training (实操)" })
  @Column({ ...column.flag, default: false })
  practical: boolean;

  @Column(column.integer)
  hoursTenths: number;

  @Field(() => LocalDate)
  @Column(column.date)
  trainedOn: string;

  @Field(() => String, { description: "The training provider" })
  @Column(column.text())
  provider: string;

  @Field(() => Float, { name: "hours", description: "学时" })
  get hours(): number {
    return this.hoursTenths / 10;
  }
}

@ObjectType({ description: "One key post's training in a year, measured against the provincial standard" })
export class PostTrainingProgress {
  @Field(() => KeyPost)
  post: KeyPost;

  @Field(() => Int, { description: "Distinct persons with training in this post" })
  personsTrained: number;

  @Field(() => Float, { description: "学时 in total" })
  totalHours: number;

  @Field(() => Float, { nullable: true, description: "Offline share of all hours, percent to 1 decimal; null without hours" })
  offlinePercent: number | null;

  @Field(() => Int, { description: "Persons meeting the standard: enough hours, enough of them offline" })
  personsMeetingStandard: number;
}

@ObjectType({ description: "Key-post training progress for a year" })
export class TrainingProgress {
  @Field(() => Int)
  year: number;

  @Field(() => Float, { description: "学时 each person needs" })
  requiredHours: number;

  @Field(() => Int, { description: "Percent of those hours that must be offline" })
  requiredOfflinePercent: number;

  @Field(() => String, { description: "Where the standard comes from" })
  standard: string;

  @Field(() => [PostTrainingProgress], { description: "One entry per key post" })
  posts: PostTrainingProgress[];
}
