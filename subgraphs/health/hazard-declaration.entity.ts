import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";
import { HazardDeclarationKind } from "./health.rules";

@ObjectType({ description: "A declaration of an occupational-hazard project (职业病危害项目申报, 原安监总局令第48号)" })
@Entity("hazard_declaration")
export class HazardDeclaration {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String)
  @Column(column.code(18))
  creditCode: string;

  @Field(() => HazardDeclarationKind)
  @Column(column.code(20))
  kind: HazardDeclarationKind;

  @Field(() => LocalDate, { description: "The event the deadline runs from: 竣工验收, the change, or ceasing operation" })
  @Column(column.date)
  triggeredOn: string;

  @Field(() => LocalDate)
  @Column(column.date)
  declaredOn: string;
}
