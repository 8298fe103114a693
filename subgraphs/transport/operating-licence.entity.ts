import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";
import { VehicleClass } from "./vehicle.entity";

@ObjectType({ description: "A road transport operating licence (道路运输经营许可证)" })
@Entity("operating_licence")
export class OperatingLicence {
  @Field(() => String, { description: "许可证号" })
  @PrimaryColumn(column.code(40))
  licenceNo: string;

  @Column(column.code(18))
  creditCode: string;

  /** The operator's registered region, derived by the database from the credit code: the rule the reports place licences by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => [VehicleClass], { description: "经营范围: the kinds of transport the operator may run" })
  @Column({ type: "simple-array" })
  scopes: VehicleClass[];

  @Field(() => LocalDate)
  @Column(column.date)
  validUntil: string;

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}
