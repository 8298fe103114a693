import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { InspectionStatus, InspectionTarget, JointInspection } from "./joint-inspection.entity";

@ArgsType()
class JointInspectionFilter extends PageArgs {
  @Field(() => InspectionStatus, { nullable: true })
  status?: InspectionStatus;
}

const JointInspectionConnection = Connection(JointInspection);

@Resolver(() => JointInspection)
export class JointInspectionResolver {
  @Query(() => JointInspectionConnection)
  jointInspections(@Args(() => JointInspectionFilter) filter: JointInspectionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(JointInspection).createQueryBuilder("inspection");
    if (filter.status) query.andWhere("inspection.status = :status", { status: filter.status });
    return paginate(query, "id", filter);
  }

  @FieldResolver(() => [InspectionTarget])
  targets(@Root() inspection: JointInspection, @Ctx() { loaders }: SubgraphContext): Promise<InspectionTarget[]> {
    return loaders.many(InspectionTarget, "inspectionId").load(inspection.id);
  }
}

@Resolver(() => InspectionTarget)
export class InspectionTargetResolver {
  @FieldResolver(() => JointInspection)
  async inspection(@Root() target: InspectionTarget, @Ctx() { loaders }: SubgraphContext): Promise<JointInspection> {
    const inspection = await loaders.one(JointInspection, "id").load(target.inspectionId);
    if (!inspection) throw new Error(`inspection target ${target.id} points at missing inspection ${target.inspectionId}`);
    return inspection;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Resolved by its owning department; null while that department is unreachable" })
  enterprise(@Root() target: InspectionTarget): Enterprise {
    return { creditCode: target.creditCode };
  }
}
