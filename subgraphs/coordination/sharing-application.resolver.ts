import { randomUUID } from "node:crypto";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { covers, readCatalogue, type CatalogueEntry } from "../../kernel/catalogue";
import { readSupergraph, supergraphFile } from "../../kernel/compose";
import { badUserInput, lianfangError } from "../../kernel/errors";
import { gatewayAgency } from "../../kernel/identity";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import { isPurpose, purposes } from "../../kernel/purposes";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireRange } from "../../kernel/validate";
import { addWorkingDays, chinaToday } from "../../kernel/calendar";
import { announceGrantChange } from "./grant-version.route";
import { ApplicationStatus, SharingApplication } from "./sharing-application.entity";

/** 有条件共享: the owner answers an application within 10 working days. */
export const answerWithinWorkingDays = 10;
const maxGrantDays = 366;
const day = 86_400_000;

let composedCatalogue: Map<string, CatalogueEntry> | undefined;
/** The catalogue as composed into the committed supergraph: the hub's one list of resources. */
export function catalogue(): Map<string, CatalogueEntry> {
  composedCatalogue ??= readCatalogue(readSupergraph(supergraphFile));
  return composedCatalogue;
}

@InputType()
class ApplyForResourceInput {
  @Field(() => String, { description: '"Type.field" or "Type.*"' })
  resource: string;

  @Field(() => String, { description: `One of ${Object.keys(purposes).join(", ")}` })
  purpose: string;

  @Field(() => String)
  justification: string;

  @Field(() => Int, { description: `Days the grant should last, 1 to ${maxGrantDays}` })
  days: number;

  @Field(() => Boolean, { defaultValue: false, description: "Also read masked personal data in clear" })
  unmasked: boolean;
}

@InputType()
class DecisionInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: "Required to refuse or revoke" })
  reason?: string;
}

@ArgsType()
class SharingApplicationFilter extends PageArgs {
  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus;

  @Field(() => Boolean, { nullable: true, description: "Only pending applications past their answer date" })
  overdue?: boolean;
}

@ObjectType({ description: "One resource of the sharing catalogue (资源目录), as the calling department may use it" })
class CatalogueResource {
  @Field(() => String)
  resource: string;

  @Field(() => [String])
  owners: string[];

  @Field(() => String, { description: "UNCONDITIONAL, CONDITIONAL, NONE, or UNCLASSIFIED (its owner's alone)" })
  level: string;

  @Field(() => String, { nullable: true })
  basis?: string;

  @Field(() => String, { nullable: true, description: "idNumber, phone or name: masked unless a grant allows it" })
  mask?: string;

  @Field(() => Boolean, { description: "The caller may read it now, for at least one purpose" })
  readable: boolean;

  @Field(() => [String], { description: "Purposes the caller holds an active grant for" })
  grantedPurposes: string[];
}

const SharingApplicationConnection = Connection(SharingApplication);

const isActive = (application: SharingApplication, now: Date) =>
  application.status === ApplicationStatus.APPROVED && application.expiresAt !== null && application.expiresAt.getTime() > now.getTime();

/** The gateway alone signs calls as itself; no department token can carry this agency. */

@Resolver(() => SharingApplication)
export class SharingApplicationResolver {
  @Mutation(() => SharingApplication, { description: "Apply for another department's conditional resource, for a purpose" })
  async applyForResource(
    @Arg("input", () => ApplyForResourceInput) input: ApplyForResourceInput,
    @Ctx() { db, identity, clock }: SubgraphContext,
  ): Promise<SharingApplication> {
    const [typeName, fieldName] = input.resource.split(".");
    // A wildcard covers the fields one department owns; keys every department holds are no one's to grant.
    const entries = [...catalogue().values()].filter((entry) =>
      fieldName === "*" ? entry.resource.startsWith(`${typeName}.`) && entry.owners.length === 1 : entry.resource === input.resource,
    );
    if (!typeName || !fieldName || entries.length === 0) throw badUserInput("input.resource", `${input.resource} 不在共享资源目录中`);
    const owners = [...new Set(entries.flatMap((entry) => entry.owners))].sort();
    if (owners.length > 1)
      throw badUserInput("input.resource", `${input.resource} 包含 ${owners.join("、")} 各自的字段, 请分别向各部门申请`);
    const [owner] = owners;
    if (entries.some((entry) => entry.owners.includes(identity.agency)))
      throw badUserInput("input.resource", `${input.resource} 本就由本部门 ${identity.agency} 维护`);
    const closed = entries.find((entry) => entry.level === "NONE" || entry.level === null);
    if (closed)
      throw badUserInput(
        "input.resource",
        `${closed.resource} 为${closed.level === "NONE" ? "不予共享" : "未分级"}数据, ${owner} 不向其他部门共享`,
      );
    if (!isPurpose(input.purpose)) throw badUserInput("input.purpose", `应为以下用途之一: ${Object.keys(purposes).join("、")}`);
    if (!input.justification.trim()) throw badUserInput("input.justification", "请说明为何需要这些数据");
    requireRange("input.days", input.days, 1, maxGrantDays);
    const appliedAt = clock();
    const application = Object.assign(new SharingApplication(), {
      id: randomUUID(),
      applicant: identity.agency,
      owner,
      resource: input.resource,
      purpose: input.purpose,
      unmasked: input.unmasked,
      justification: input.justification.trim(),
      requestedDays: input.days,
      appliedAt,
      answerDueOn: addWorkingDays(chinaToday(appliedAt), answerWithinWorkingDays),
      status: ApplicationStatus.PENDING,
      decidedAt: null,
      decidedBy: null,
      reason: null,
      expiresAt: null,
    });
    await db.getRepository(SharingApplication).insert(application);
    return application;
  }

  @Mutation(() => SharingApplication, { description: "The owner approves: the grant runs for the requested days from now" })
  approveApplication(
    @Arg("input", () => DecisionInput) input: DecisionInput,
    @Ctx() context: SubgraphContext,
  ): Promise<SharingApplication> {
    return this.decide(input, context, ApplicationStatus.PENDING, (application, now) => ({
      status: ApplicationStatus.APPROVED,
      expiresAt: new Date(now.getTime() + application.requestedDays * day),
    }));
  }

  @Mutation(() => SharingApplication, { description: "The owner refuses, with a reason" })
  refuseApplication(@Arg("input", () => DecisionInput) input: DecisionInput, @Ctx() context: SubgraphContext): Promise<SharingApplication> {
    return this.decide(input, context, ApplicationStatus.PENDING, () => ({
      status: ApplicationStatus.REFUSED,
      reason: this.reasonOf(input),
    }));
  }

  @Mutation(() => SharingApplication, { description: "The owner revokes a grant; the gateway stops honouring it within a second" })
  revokeGrant(@Arg("input", () => DecisionInput) input: DecisionInput, @Ctx() context: SubgraphContext): Promise<SharingApplication> {
    return this.decide(input, context, ApplicationStatus.APPROVED, () => ({
      status: ApplicationStatus.REVOKED,
      reason: this.reasonOf(input),
    }));
  }

  @Query(() => SharingApplicationConnection, { description: "Applications the caller made or must answer (the office sees all)" })
  sharingApplications(
    @Args(() => SharingApplicationFilter) filter: SharingApplicationFilter,
    @Ctx() { db, identity, clock }: SubgraphContext,
  ) {
    const query = db.getRepository(SharingApplication).createQueryBuilder("application");
    if (identity.agency !== "coordination") {
      query.andWhere("(application.applicant = :agency OR application.owner = :agency)", { agency: identity.agency });
    }
    if (filter.status) query.andWhere("application.status = :status", { status: filter.status });
    if (filter.overdue) {
      query.andWhere("application.status = :pending AND application.answerDueOn < :today", {
        pending: ApplicationStatus.PENDING,
        today: chinaToday(clock()),
      });
    }
    return paginate(query, "id", filter);
  }

  @Query(() => [SharingApplication], { description: "Grants in force now; answered to the gateway alone" })
  async activeGrants(@Ctx() { db, identity, clock }: SubgraphContext): Promise<SharingApplication[]> {
    if (identity.agency !== gatewayAgency) throw lianfangError("FORBIDDEN", "only the gateway reads the grant book");
    const approved = await db
      .getRepository(SharingApplication)
      .find({ where: { status: ApplicationStatus.APPROVED }, order: { id: "ASC" } });
    const now = clock();
    return approved.filter((application) => isActive(application, now));
  }

  @Query(() => [CatalogueResource], { description: "The sharing catalogue (资源目录) as the calling department may use it now" })
  async sharingCatalogue(@Ctx() { db, identity, clock }: SubgraphContext): Promise<CatalogueResource[]> {
    const now = clock();
    const grants = (
      await db.getRepository(SharingApplication).find({ where: { applicant: identity.agency, status: ApplicationStatus.APPROVED } })
    ).filter((grant) => isActive(grant, now));
    return [...catalogue().values()]
      .filter((entry) => !entry.resource.startsWith("Query.") && !entry.resource.startsWith("_"))
      .map((entry) => {
        const grantedPurposes = grants.filter((grant) => covers(grant.resource, entry.resource)).map((grant) => grant.purpose);
        const owned = entry.owners.includes(identity.agency);
        return {
          resource: entry.resource,
          owners: entry.owners,
          level: entry.level ?? "UNCLASSIFIED",
          basis: entry.basis,
          mask: entry.mask,
          readable: owned || entry.level === "UNCONDITIONAL" || (entry.level === "CONDITIONAL" && grantedPurposes.length > 0),
          grantedPurposes,
        };
      });
  }

  @FieldResolver(() => Boolean, { description: "An approved grant not yet expired or revoked, by the hub's clock" })
  inForce(@Root() application: SharingApplication, @Ctx() { clock }: SubgraphContext): boolean {
    return isActive(application, clock());
  }

  @FieldResolver(() => Boolean, { description: "Pending past its answer date" })
  overdue(@Root() application: SharingApplication, @Ctx() { clock }: SubgraphContext): boolean {
    return application.status === ApplicationStatus.PENDING && application.answerDueOn < chinaToday(clock());
  }

  private reasonOf(input: DecisionInput): string {
    const reason = input.reason?.trim();
    if (!reason) throw badUserInput("input.reason", "不予同意或撤销授权时必须说明理由");
    return reason;
  }

  private async decide(
    input: DecisionInput,
    { db, identity, clock }: SubgraphContext,
    from: ApplicationStatus,
    change: (application: SharingApplication, now: Date) => Partial<SharingApplication>,
  ): Promise<SharingApplication> {
    const decided = await db.transaction(async (manager) => {
      const application = await manager.getRepository(SharingApplication).findOneBy({ id: input.id });
      if (!application) throw badUserInput("input.id", `没有编号为 ${input.id} 的共享申请`);
      requireOwnDepartment(identity, application.owner);
      if (application.status !== from) throw badUserInput("input.id", `共享申请当前为 ${application.status}, 不是 ${from}`);
      const now = clock();
      Object.assign(application, { decidedAt: now, decidedBy: `${identity.agency}/${identity.user}` }, change(application, now));
      await manager.getRepository(SharingApplication).save(application);
      return application;
    });
    announceGrantChange(db);
    return decided;
  }
}
