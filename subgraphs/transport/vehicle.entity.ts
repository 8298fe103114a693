import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { employerRegionColumn } from "../../kernel/employer-region";
import { LocalDate } from "../../kernel/scalars";

export enum VehicleClass {
  FREIGHT = "FREIGHT",
  PASSENGER = "PASSENGER",
  HAZARDOUS_GOODS = "HAZARDOUS_GOODS",
}
registerEnumType(VehicleClass, { name: "VehicleClass", description: "普通货运, 旅客运输, 危险货物运输" });

@ObjectType({ description: "An operating vehicle with its road transport certificate (道路运输证)" })
@Directive('@key(fields: "plateNumber")')
@Entity("vehicle")
export class Vehicle {
  @Field(() => String, { description: "号牌号码, e.g. 鲁C12345" })
  @PrimaryColumn(column.code(10))
  plateNumber: string;

  @Column(column.code(18))
  creditCode: string;

  /** The operator's registered region, derived by the database from the credit code: the rule the reports place vehicles by. */
  @Column(employerRegionColumn)
  readonly employerRegionCode?: string | null;

  @Field(() => VehicleClass)
  @Column(column.code(16))
  vehicleClass: VehicleClass;

  @Field(() => String, { description: "道路运输证号" })
  @Column(column.code(20))
  transportCertificateNo: string;

  @Field(() => LocalDate)
  @Column(column.date)
  certificateValidUntil: string;
}
