import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { accidentCategories } from "../../reference/accident-categories";
import { AccidentGrade, reportDeadlineMinutes } from "./accident-grade";
import { Accident } from "./accident.entity";
import { Enterprise } from "./enterprise.entity";

@ArgsType()
class AccidentFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  regionCode?: string;

  @Field(() => AccidentGrade, { nullable: true })
  grade?: AccidentGrade;
}

const AccidentConnection = Connection(Accident);

@Resolver(() => Accident)
export class AccidentResolver {
  @Query(() => Accident, { nullable: true })
  accident(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<Accident | null> {
    return loaders.one(Accident, "id").load(id);
  }

  @Query(() => AccidentConnection, { description: "Accidents, filtered, in id order" })
  accidents(@Args(() => AccidentFilter) filter: AccidentFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Accident).createQueryBuilder("accident");
    if (filter.regionCode) query.andWhere("accident.regionCode = :region", { region: filter.regionCode });
    if (filter.grade) query.andWhere("accident.grade = :grade", { grade: filter.grade });
    return paginate(query, "id", filter);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Resolved by its owning department; null while that department is unreachable" })
  enterprise(@Root() accident: Accident): Enterprise {
    return { creditCode: accident.creditCode };
  }

  @FieldResolver(() => String, { description: "GB 6441 category name" })
  categoryName(@Root() accident: Accident): string {
    return accidentCategories[accident.category];
  }

  @FieldResolver(() => Int, { description: "Minutes from occurrence to the report to government" })
  reportDelayMinutes(@Root() accident: Accident): number {
    return Math.round((accident.reportedAt.getTime() - accident.occurredAt.getTime()) / 60_000);
  }

  @FieldResolver(() => Boolean, { description: "Reported later than the one-hour rule (第九条)" })
  reportedLate(@Root() accident: Accident): boolean {
    return this.reportDelayMinutes(accident) > reportDeadlineMinutes;
  }
}
