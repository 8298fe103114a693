import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { addDays, chinaToday } from "../../kernel/calendar";
import { badUserInput, lianfangError } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAsOf, requireCreditCode, requireLocalDate, requireNotFuture, requireReportScope, requireText } from "../../kernel/validate";
import { Enterprise } from "./enterprise.entity";
import { MeetingReport } from "./meeting-report.entity";
import { Rectification, RectificationEscalation, RectificationSource, RectificationState } from "./rectification.entity";
import { demandingDepartmentOf, escalationsOf } from "./rectification.rules";

@ArgsType()
class RectificationFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, the day to judge overdue by; today when omitted" })
  asOf?: string;

  @Field(() => Boolean, { nullable: true, description: "Only those past their deadline and not confirmed by asOf" })
  overdue?: boolean;

  @Field(() => RectificationSource, { nullable: true })
  source?: RectificationSource;

  @Field(() => String, { nullable: true })
  creditCode?: string;
}

@InputType({ description: "A department's own inspection or check demands a rectification; it enters the hub's tracker" })
class DemandRectificationInput {
  @Field(() => RectificationSource, { description: "Not JOINT_INSPECTION: those come with a member's findings" })
  source: RectificationSource;

  @Field(() => String, { description: "The department's own record id (hazard inspection, safety inspection, supervision check)" })
  sourceRecordId: string;

  @Field(() => String)
  creditCode: string;

  @Field(() => String, { description: "What must be fixed, at most 500 characters" })
  requirement: string;

  @Field(() => String, { description: "YYYY-MM-DD, the inspection day; not in the future" })
  demandedOn: string;

  @Field(() => String, { description: "整改期限, YYYY-MM-DD, not before demandedOn" })
  dueOn: string;
}

@InputType({ description: "The demanding department confirms a rectification with its evidence, or rejects it with a reason" })
class ReviewRectificationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean)
  confirmed: boolean;

  @Field(() => String, { description: "YYYY-MM-DD, not before the demand and not in the future" })
  reviewedOn: string;

  @Field(() => String, { nullable: true, description: "Evidence of rectification; required to confirm" })
  evidence?: string;

  @Field(() => String, { nullable: true, description: "Required to reject" })
  reason?: string;
}

const RectificationConnection = Connection(Rectification);

@Resolver(() => Rectification)
export class RectificationResolver {
  @Query(() => RectificationConnection, {
    description: "The hub's rectification tracker (限期整改台账): the office sees every demand, a department the ones it made",
  })
  rectifications(@Args(() => RectificationFilter) filter: RectificationFilter, @Ctx() { identity, db, clock }: SubgraphContext) {
    const asOf = requireAsOf("asOf", filter.asOf, clock());
    const query = db.getRepository(Rectification).createQueryBuilder("rectification");
    if (identity.agency !== "coordination") query.andWhere("rectification.demandingAgency = :agency", { agency: identity.agency });
    if (filter.source) query.andWhere("rectification.source = :source", { source: filter.source });
    if (filter.creditCode) {
      query.andWhere("rectification.creditCode = :creditCode", {
        creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode,
      });
    }
    if (filter.overdue) {
      query
        .andWhere("rectification.dueOn < :asOf", { asOf })
        .andWhere("(rectification.state <> :confirmed OR rectification.reviewedOn > :asOf)", { confirmed: RectificationState.CONFIRMED });
    }
    return paginate(query, "id", filter);
  }

  @Mutation(() => Rectification)
  async demandRectification(
    @Arg("input", () => DemandRectificationInput) input: DemandRectificationInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Rectification> {
    if (input.source === RectificationSource.JOINT_INSPECTION) {
      throw badUserInput("input.source", "联合检查的整改要求随成员单位的检查结果记录（recordDepartmentFindings）");
    }
    requireOwnDepartment(identity, demandingDepartmentOf[input.source]);
    const sourceRecordId = requireText("input.sourceRecordId", input.sourceRecordId, 60);
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    const requirement = requireText("input.requirement", input.requirement, 500);
    const demandedOn = requireLocalDate("input.demandedOn", input.demandedOn);
    requireNotFuture("input.demandedOn", demandedOn, clock());
    const dueOn = requireLocalDate("input.dueOn", input.dueOn);
    if (dueOn < demandedOn) throw badUserInput("input.dueOn", `整改期限不能早于检查日 ${demandedOn}`);
    const id = `${identity.agency}:${sourceRecordId}`;
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(Rectification);
      if (await repository.existsBy({ id })) throw badUserInput("input.sourceRecordId", `${sourceRecordId} 的整改要求已在台账中`);
      await repository.insert({
        id,
        source: input.source,
        sourceRecordId,
        demandingAgency: identity.agency,
        creditCode,
        requirement,
        demandedOn,
        dueOn,
        state: RectificationState.OPEN,
        evidence: null,
        rejectionReason: null,
        reviewedBy: null,
        reviewedOn: null,
      });
      return repository.findOneByOrFail({ id });
    });
  }

  @Mutation(() => Rectification, { description: "Only the department that demanded a rectification confirms or rejects it" })
  async reviewRectification(
    @Arg("input", () => ReviewRectificationInput) input: ReviewRectificationInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Rectification> {
    const reviewedOn = requireLocalDate("input.reviewedOn", input.reviewedOn);
    requireNotFuture("input.reviewedOn", reviewedOn, clock());
    const evidence = input.evidence === undefined || input.evidence === null ? null : requireText("input.evidence", input.evidence, 1000);
    const reason = input.reason === undefined || input.reason === null ? null : requireText("input.reason", input.reason, 1000);
    if (input.confirmed && evidence === null) throw badUserInput("input.evidence", "确认整改须写明整改证据");
    if (!input.confirmed && reason === null) throw badUserInput("input.reason", "退回整改须写明理由");
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(Rectification);
      const rectification = await repository.findOneBy({ id: input.id });
      if (!rectification) throw badUserInput("input.id", "台账中没有这项整改要求");
      if (identity.agency !== rectification.demandingAgency) {
        throw lianfangError("FORBIDDEN", `只有提出整改要求的 ${rectification.demandingAgency} 可以确认或退回；${identity.agency} 不可以`, {
          owner: rectification.demandingAgency,
          agency: identity.agency,
        });
      }
      requireOwnDepartment(identity, rectification.demandingAgency);
      if (rectification.state === RectificationState.CONFIRMED) {
        throw badUserInput("input.id", `该整改已于 ${rectification.reviewedOn} 确认`);
      }
      if (reviewedOn < rectification.demandedOn)
        throw badUserInput("input.reviewedOn", `不能早于提出整改要求之日 ${rectification.demandedOn}`);
      await repository.update(
        { id: rectification.id },
        {
          state: input.confirmed ? RectificationState.CONFIRMED : RectificationState.REJECTED,
          evidence: evidence ?? rectification.evidence,
          rejectionReason: input.confirmed ? null : reason,
          reviewedBy: `${identity.agency}/${identity.user}`,
          reviewedOn,
        },
      );
      return repository.findOneByOrFail({ id: rectification.id });
    });
  }

  @FieldResolver(() => [RectificationEscalation], { description: "Escalations reached by asOf (today when omitted)" })
  escalations(
    @Root() rectification: Rectification,
    @Ctx() { clock }: SubgraphContext,
    @Arg("asOf", () => String, { nullable: true }) asOf?: string,
  ): RectificationEscalation[] {
    return escalationsOf(rectification, requireAsOf("asOf", asOf, clock())).map((escalation) => ({ ...escalation, rectification }));
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Resolved by its owning department" })
  enterprise(@Root() rectification: Rectification): Enterprise {
    return { creditCode: rectification.creditCode };
  }
}

@Resolver(() => MeetingReport)
export class MeetingReportEscalationResolver {
  @FieldResolver(() => [RectificationEscalation], {
    description: "Escalations of overdue rectifications of the region's enterprises dated in the period, up to today",
  })
  async rectificationEscalations(@Root() report: MeetingReport, @Ctx() { db, clock }: SubgraphContext): Promise<RectificationEscalation[]> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const today = chinaToday(clock());
    const asOf = scope.until <= today ? addDays(scope.until, -1) : today;
    const rectifications = await db
      .getRepository(Rectification)
      .createQueryBuilder("rectification")
      .where("rectification.dueOn < :until", scope)
      .andWhere("rectification.employerRegionCode LIKE :regionPattern", scope)
      .orderBy("rectification.id", "ASC")
      .getMany();
    return rectifications
      .flatMap((rectification) => escalationsOf(rectification, asOf).map((escalation) => ({ ...escalation, rectification })))
      .filter((escalation) => escalation.escalatedOn >= scope.from)
      .sort((a, b) => (a.escalatedOn === b.escalatedOn ? 0 : a.escalatedOn < b.escalatedOn ? -1 : 1));
  }
}
