import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

export enum DriverQualificationCategory {
  FREIGHT_DRIVER = "FREIGHT_DRIVER",
  PASSENGER_DRIVER = "PASSENGER_DRIVER",
  HAZARDOUS_GOODS_DRIVER = "HAZARDOUS_GOODS_DRIVER",
  HAZARDOUS_GOODS_ESCORT = "HAZARDOUS_GOODS_ESCORT",
}
registerEnumType(DriverQualificationCategory, {
  name: "DriverQualificationCategory",
  description: "道路货物运输驾驶员, 道路旅客运输驾驶员, 危险货物运输驾驶人员, 危险货物运输押运人员",
});

@ObjectType({ description: "A road transport worker's qualification certificate (从业资格证), one per person and category" })
@Entity("driver_qualification")
export class DriverQualification {
  @Field(() => ID, { description: "DQ-<pid>-<category>" })
  @PrimaryColumn(column.code(64))
  id: string;

  @Column(column.code(32))
  pid: string;

  @Field(() => DriverQualificationCategory)
  @Column(column.code(24))
  category: DriverQualificationCategory;

  @Field(() => LocalDate)
  @Column(column.date)
  issuedOn: string;

  @Field(() => LocalDate)
  @Column(column.date)
  validUntil: string;

  @Field(() => Int, { description: "诚信考核 points of the current cycle" })
  @Column(column.integer)
  violationPoints: number;
}
