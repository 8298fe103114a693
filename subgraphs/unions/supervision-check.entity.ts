import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

export enum CheckStatus {
  OPEN = "OPEN",
  RECTIFIED = "RECTIFIED",
}
registerEnumType(CheckStatus, { name: "CheckStatus", description: "Hazards found and awaiting rectification, or rectified" });

@ObjectType({ description: "A trade-union labour-protection supervision check (劳动保护监督检查)" })
@Directive('@key(fields: "id")')
@Entity("supervision_check")
export class SupervisionCheck {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Column(column.code(18))
  creditCode: string;

  /** The employer's registered region, derived by the database from the credit code: the rule the reports place checks by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => LocalDate)
  @Column(column.date)
  checkedOn: string;

  @Field(() => Int, { description: "Hidden hazards (隐患) found" })
  @Column(column.integer)
  hazardsFound: number;

  @Field(() => LocalDate, { nullable: true, description: "Rectification deadline, when hazards were found" })
  @Column({ ...column.date, nullable: true })
  rectificationDueOn: string | null;

  @Field(() => CheckStatus)
  @Column(column.code(10))
  status: CheckStatus;
}
