import { Directive, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

export enum ProjectStatus {
  UNDER_CONSTRUCTION = "UNDER_CONSTRUCTION",
  SUSPENDED = "SUSPENDED",
  COMPLETED = "COMPLETED",
}
registerEnumType(ProjectStatus, { name: "ProjectStatus" });

@ObjectType({ description: "A construction project under a construction permit (施工许可)" })
@Directive('@key(fields: "permitNo")')
@Entity("construction_project")
export class ConstructionProject {
  @Field(() => String, { description: "施工许可证编号" })
  @PrimaryColumn(column.code(24))
  permitNo: string;

  @Field(() => String)
  @Column(column.text())
  name: string;

  @Column(column.code(18))
  creditCode: string;

  /** The contractor's registered region, derived by the database from the credit code: the rule the reports place projects by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => String)
  @Column(column.code(6))
  regionCode: string;

  @Field(() => LocalDate)
  @Column(column.date)
  permitIssuedOn: string;

  @Field(() => ProjectStatus)
  @Column(column.code(20))
  status: ProjectStatus;

  @Column(column.money)
  contractValueFen: number;

  @Field(() => Float, { name: "contractValueYuan" })
  get contractValueYuan(): number {
    return this.contractValueFen / 100;
  }

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}
