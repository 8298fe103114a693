import { Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { yuanToFen } from "../../kernel/money";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
import {
  requireCreditCode,
  requireDocumentNumber,
  requireLocalDate,
  requireNotFuture,
  requireRegionCode,
  requireText,
} from "../../kernel/validate";
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

@InputType({ description: "A construction project as 住建 registers it; the same fields as a row of the project import template" })
export class ConstructionProjectInput {
  @Field(() => String, { description: "施工许可证编号" })
  permitNo: string;

  @Field(() => String, { description: "项目名称" })
  name: string;

  @Field(() => String, { description: "施工总承包单位 统一社会信用代码" })
  creditCode: string;

  @Field(() => String, { description: "项目所在地区, GB/T 2260 county-level code" })
  regionCode: string;

  @Field(() => String, { description: "发证日期, YYYY-MM-DD" })
  permitIssuedOn: string;

  @Field(() => ProjectStatus)
  status: ProjectStatus;

  @Field(() => String, { description: "合同金额, yuan as a decimal with at most two decimals, e.g. 123456789.12" })
  contractValueYuan: string;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered project" })
  version?: number | null;
}

/** Projects are registered by permit number. */
export const constructionProjectRecord: MasterRecord<ConstructionProjectInput, ConstructionProject> = {
  resource: "ConstructionProject",
  owner: "housing",
  entity: ConstructionProject,
  key: "permitNo",
  fields: ["name", "creditCode", "regionCode", "permitIssuedOn", "status", "contractValueFen"],
  validate: async (input, checks, { clock }) => {
    const permitNo = checks.check("permitNo", (field) => requireDocumentNumber(field, input.permitNo, 24));
    const name = checks.check("name", (field) => requireText(field, input.name, 200));
    const credit = checks.check("creditCode", (field) => requireCreditCode(field, input.creditCode));
    const regionCode = checks.check("regionCode", (field) => requireRegionCode(field, input.regionCode.trim()));
    const permitIssuedOn = checks.check("permitIssuedOn", (field) => {
      const date = requireLocalDate(field, input.permitIssuedOn.trim());
      requireNotFuture(field, date, clock());
      return date;
    });
    const contractValueFen = checks.check("contractValueYuan", (field) => yuanToFen(field, input.contractValueYuan));
    if (checks.problems.length) return undefined;
    return {
      permitNo,
      name,
      creditCode: credit.creditCode,
      regionCode,
      permitIssuedOn,
      status: input.status,
      contractValueFen,
    } as ConstructionProject;
  },
};

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

export const ConstructionProjectRecordResolver = masterRecordResolver(
  constructionProjectRecord,
  { input: ConstructionProjectInput, row: ConstructionProject },
  { one: "saveConstructionProject", many: "saveConstructionProjects", what: "a construction project" },
);
