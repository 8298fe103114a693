import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";

@ObjectType({ description: "A worker's registration on a construction site (建筑工人实名制)" })
@Entity("site_worker_registration")
export class SiteWorkerRegistration {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Column(column.code(32))
  pid: string;

  @Field(() => String, { description: "施工许可证编号 of the project" })
  @Column(column.code(24))
  projectPermitNo: string;

  @Field(() => String, { description: "工种 code of the trade catalogue" })
  @Column(column.code(24))
  trade: string;

  @Field(() => LocalDate)
  @Column(column.date)
  enteredOn: string;

  @Field(() => LocalDate, { nullable: true, description: "Null while the worker is still on site" })
  @Column({ ...column.date, nullable: true })
  leftOn: string | null;
}
