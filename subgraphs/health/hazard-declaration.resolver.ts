import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import { LocalDate } from "../../kernel/scalars";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate, requireOrder } from "../../kernel/validate";
import { chinaToday } from "../../kernel/calendar";
import { Enterprise } from "./enterprise.entity";
import { HazardDeclaration } from "./hazard-declaration.entity";
import { HazardDeclarationKind, declarationDueOn, hazardDeclarationRulesBegin } from "./health.rules";

@ArgsType()
class HazardDeclarationFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  creditCode?: string;

  @Field(() => HazardDeclarationKind, { nullable: true })
  kind?: HazardDeclarationKind;
}

@InputType({ description: "A 职业病危害项目申报 as the enterprise files it" })
class DeclareHazardProjectInput {
  @Field(() => String)
  creditCode: string;

  @Field(() => HazardDeclarationKind)
  kind: HazardDeclarationKind;

  @Field(() => String, { description: "YYYY-MM-DD of 竣工验收, the change, or ceasing operation" })
  triggeredOn: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  declaredOn: string;
}

const HazardDeclarationConnection = Connection(HazardDeclaration);

@Resolver(() => HazardDeclaration)
export class HazardDeclarationResolver {
  @Query(() => HazardDeclarationConnection, { description: "Occupational-hazard project declarations, filtered, in id order" })
  hazardDeclarations(@Args(() => HazardDeclarationFilter) filter: HazardDeclarationFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(HazardDeclaration).createQueryBuilder("declaration");
    if (filter.creditCode)
      query.andWhere("declaration.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.kind) query.andWhere("declaration.kind = :kind", { kind: filter.kind });
    return paginate(query, "id", filter);
  }

  @Mutation(() => HazardDeclaration, { description: "Records a 职业病危害项目申报 (原安监总局令第48号 第八–九条)" })
  async declareHazardProject(
    @Arg("input", () => DeclareHazardProjectInput) input: DeclareHazardProjectInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<HazardDeclaration> {
    requireOwnDepartment(identity, "health");
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    const triggeredOn = requireLocalDate("input.triggeredOn", input.triggeredOn);
    if (triggeredOn < hazardDeclarationRulesBegin)
      throw badUserInput("input.triggeredOn", `早于原安监总局令第48号的施行日期 ${hazardDeclarationRulesBegin}`);
    const declaredOn = requireLocalDate("input.declaredOn", input.declaredOn);
    requireOrder("input.declaredOn", triggeredOn, declaredOn, "input.triggeredOn");
    if (declaredOn > chinaToday(clock())) throw badUserInput("input.declaredOn", `不能晚于今天 (${chinaToday(clock())})`);
    const declaration = Object.assign(new HazardDeclaration(), {
      id: `HD-${declaredOn.slice(0, 4)}-${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      creditCode,
      kind: input.kind,
      triggeredOn,
      declaredOn,
    });
    await db.transaction((manager) => manager.insert(HazardDeclaration, declaration));
    return declaration;
  }

  @FieldResolver(() => LocalDate, {
    description: "Last day to declare on time: 30 days after 竣工验收, 15 after a change or ceasing operation",
  })
  dueOn(@Root() declaration: HazardDeclaration): string {
    return declarationDueOn(declaration);
  }

  @FieldResolver(() => Boolean, { description: "Declared after dueOn" })
  late(@Root() declaration: HazardDeclaration): boolean {
    return declaration.declaredOn > declarationDueOn(declaration);
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() declaration: HazardDeclaration): Enterprise {
    return { creditCode: declaration.creditCode };
  }
}
