import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";

@ObjectType({ description: "A vehicle and its driver involved in an accident recorded by emergency management" })
@Entity("transport_accident")
export class TransportAccident {
  @Field(() => ID, { description: "<accident id>/<plate number>" })
  @PrimaryColumn(column.code(60))
  id: string;

  @Column(column.code(40))
  accidentId: string;

  @Column(column.code(10))
  plateNumber: string;

  @Column(column.code(32))
  driverPid: string;
}
