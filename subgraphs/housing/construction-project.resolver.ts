import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate } from "../../kernel/validate";
import { ConstructionProject, ProjectStatus } from "./construction-project.entity";
import { Enterprise } from "./enterprise.entity";
import { ConstructionSafetyInspection } from "./safety-inspection.entity";
import { SiteWorkerRegistration } from "./site-worker.entity";

@ArgsType()
class ConstructionProjectFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  regionCode?: string;

  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus;

  @Field(() => String, { nullable: true, description: "The general contractor's 统一社会信用代码" })
  creditCode?: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: permits issued on or after this day" })
  permitIssuedFrom?: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: permits issued on or before this day" })
  permitIssuedTo?: string;
}

const ConstructionProjectConnection = Connection(ConstructionProject);

@Resolver(() => ConstructionProject)
export class ConstructionProjectResolver {
  @Query(() => ConstructionProjectConnection)
  constructionProjects(@Args(() => ConstructionProjectFilter) filter: ConstructionProjectFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(ConstructionProject).createQueryBuilder("project");
    if (filter.regionCode) query.andWhere("project.regionCode = :region", { region: filter.regionCode });
    if (filter.status) query.andWhere("project.status = :status", { status: filter.status });
    if (filter.creditCode)
      query.andWhere("project.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.permitIssuedFrom)
      query.andWhere("project.permitIssuedOn >= :issuedFrom", {
        issuedFrom: requireLocalDate("permitIssuedFrom", filter.permitIssuedFrom),
      });
    if (filter.permitIssuedTo)
      query.andWhere("project.permitIssuedOn <= :issuedTo", { issuedTo: requireLocalDate("permitIssuedTo", filter.permitIssuedTo) });
    return paginate(query, "permitNo", filter);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The general contractor; null while 人社 is unreachable" })
  contractor(@Root() project: ConstructionProject): Enterprise {
    return { creditCode: project.creditCode };
  }

  @FieldResolver(() => [SiteWorkerRegistration], { description: "Real-name registrations of workers on this site, past and present" })
  workers(@Root() project: ConstructionProject, @Ctx() { loaders }: SubgraphContext): Promise<SiteWorkerRegistration[]> {
    return loaders.many(SiteWorkerRegistration, "projectPermitNo").load(project.permitNo);
  }

  @FieldResolver(() => Int, { description: "Workers registered on this site, past and present" })
  async workerCount(@Root() project: ConstructionProject, @Ctx() context: SubgraphContext): Promise<number> {
    return (await this.workers(project, context)).length;
  }

  @FieldResolver(() => [ConstructionSafetyInspection])
  safetyInspections(@Root() project: ConstructionProject, @Ctx() { loaders }: SubgraphContext): Promise<ConstructionSafetyInspection[]> {
    return loaders.many(ConstructionSafetyInspection, "projectPermitNo").load(project.permitNo);
  }
}
