import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAsOf, requireLocalDate, requireNotFuture, requireReportScope, requireText } from "../../kernel/validate";
import { nextSerialId, requireDepartment } from "./coordination.rules";
import { ActionItem, ActionItemStatus, JointMeeting } from "./joint-meeting.entity";
import { MeetingReport } from "./meeting-report.entity";

@ArgsType()
class ActionItemFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  ownerAgency?: string;

  @Field(() => ActionItemStatus, { nullable: true })
  status?: ActionItemStatus;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, the day status is judged by; today when omitted" })
  asOf?: string;
}

@InputType()
class ActionItemInput {
  @Field(() => String)
  task: string;

  @Field(() => String, { nullable: true, description: "Required: the owning department" })
  ownerAgency?: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before the meeting" })
  dueOn: string;
}

@InputType({ description: "The report a meeting discussed: the meeting report of a region and year" })
class DiscussedReportInput {
  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  period: string;
}

@InputType({ description: "A joint meeting as held, recorded by the office" })
class RecordJointMeetingInput {
  @Field(() => String, { description: "YYYY-MM-DD, not in the future" })
  heldOn: string;

  @Field(() => String)
  convenedBy: string;

  @Field(() => [String])
  attendingAgencies: string[];

  @Field(() => [String])
  agenda: string[];

  @Field(() => [String], { defaultValue: [] })
  decisions: string[];

  @Field(() => [ActionItemInput], { defaultValue: [] })
  actionItems: ActionItemInput[];

  @Field(() => DiscussedReportInput, { nullable: true })
  report?: DiscussedReportInput;
}

@InputType({ description: "The owning department reports an action item done" })
class CompleteActionItemInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before the meeting, not in the future" })
  doneOn: string;

  @Field(() => String)
  outcome: string;
}

const statusOf = (item: ActionItem, asOf: string): ActionItemStatus =>
  item.doneOn !== null && item.doneOn <= asOf
    ? ActionItemStatus.DONE
    : item.dueOn < asOf
      ? ActionItemStatus.OVERDUE
      : ActionItemStatus.OPEN;

const texts = (field: string, values: string[], maxLength: number) =>
  values.map((value, index) => requireText(`${field}[${index}]`, value, maxLength));

const JointMeetingConnection = Connection(JointMeeting);
const ActionItemConnection = Connection(ActionItem);

@Resolver(() => JointMeeting)
export class JointMeetingResolver {
  @Query(() => JointMeetingConnection)
  jointMeetings(@Args(() => PageArgs) page: PageArgs, @Ctx() { db }: SubgraphContext) {
    return paginate(db.getRepository(JointMeeting).createQueryBuilder("meeting"), "id", page);
  }

  @Mutation(() => JointMeeting)
  async recordJointMeeting(
    @Arg("input", () => RecordJointMeetingInput) input: RecordJointMeetingInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<JointMeeting> {
    requireOwnDepartment(identity, "coordination");
    const heldOn = requireLocalDate("input.heldOn", input.heldOn);
    requireNotFuture("input.heldOn", heldOn, clock());
    const convenedBy = requireText("input.convenedBy", input.convenedBy, 100);
    const attendingAgencies = input.attendingAgencies.map((agency, index) =>
      requireDepartment(`input.attendingAgencies[${index}]`, agency),
    );
    if (!attendingAgencies.length) throw badUserInput("input.attendingAgencies", "至少一个部门出席");
    const agenda = texts("input.agenda", input.agenda, 200);
    if (!agenda.length) throw badUserInput("input.agenda", "至少一项议题");
    const decisions = texts("input.decisions", input.decisions, 500);
    const items = input.actionItems.map((item, index) => {
      const field = `input.actionItems[${index}]`;
      if (item.ownerAgency === undefined || item.ownerAgency === null || !item.ownerAgency.trim()) {
        throw badUserInput(`${field}.ownerAgency`, "行动事项须指定牵头部门");
      }
      const dueOn = requireLocalDate(`${field}.dueOn`, item.dueOn);
      if (dueOn < heldOn) throw badUserInput(`${field}.dueOn`, `完成期限不能早于会议日 ${heldOn}`);
      return {
        task: requireText(`${field}.task`, item.task, 500),
        ownerAgency: requireDepartment(`${field}.ownerAgency`, item.ownerAgency),
        dueOn,
      };
    });
    if (input.report) requireReportScope(input.report.regionCode, input.report.period, clock());
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(JointMeeting);
      const ofYear = await repository
        .createQueryBuilder("meeting")
        .select("meeting.id")
        .where("meeting.id LIKE :prefix", { prefix: `LX-${heldOn.slice(0, 4)}-%` })
        .getMany();
      const id = nextSerialId(
        `LX-${heldOn.slice(0, 4)}-`,
        ofYear.map((meeting) => meeting.id),
      );
      await repository.insert({
        id,
        heldOn,
        convenedBy,
        attendingAgencies,
        agenda,
        decisions,
        reportRegionCode: input.report?.regionCode ?? null,
        reportPeriod: input.report?.period ?? null,
      });
      if (items.length) {
        await manager.getRepository(ActionItem).insert(
          items.map((item, index) => ({
            id: `${id}-${String(index + 1).padStart(2, "0")}`,
            meetingId: id,
            ...item,
            doneOn: null,
            outcome: null,
          })),
        );
      }
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => [ActionItem])
  actionItems(@Root() meeting: JointMeeting, @Ctx() { loaders }: SubgraphContext): Promise<ActionItem[]> {
    return loaders.many(ActionItem, "meetingId").load(meeting.id);
  }

  @FieldResolver(() => MeetingReport, { nullable: true, description: "The meeting report it discussed, if one was attached" })
  report(@Root() meeting: JointMeeting): MeetingReport | null {
    return meeting.reportRegionCode && meeting.reportPeriod ? { regionCode: meeting.reportRegionCode, period: meeting.reportPeriod } : null;
  }
}

@Resolver(() => ActionItem)
export class ActionItemResolver {
  @Query(() => ActionItemConnection, { description: "Joint meetings' action items, tracked to done or overdue" })
  actionItems(@Args(() => ActionItemFilter) filter: ActionItemFilter, @Ctx() { db, clock }: SubgraphContext) {
    const asOf = requireAsOf("asOf", filter.asOf, clock());
    const query = db.getRepository(ActionItem).createQueryBuilder("item");
    if (filter.ownerAgency) query.andWhere("item.ownerAgency = :owner", { owner: requireDepartment("ownerAgency", filter.ownerAgency) });
    const done = "(item.doneOn IS NOT NULL AND item.doneOn <= :asOf)";
    if (filter.status === ActionItemStatus.DONE) query.andWhere(done, { asOf });
    if (filter.status === ActionItemStatus.OVERDUE) query.andWhere(`NOT ${done} AND item.dueOn < :asOf`, { asOf });
    if (filter.status === ActionItemStatus.OPEN) query.andWhere(`NOT ${done} AND item.dueOn >= :asOf`, { asOf });
    return paginate(query, "id", filter);
  }

  @Mutation(() => ActionItem, { description: "Its owning department's admin reports an action item done" })
  async completeActionItem(
    @Arg("input", () => CompleteActionItemInput) input: CompleteActionItemInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<ActionItem> {
    const doneOn = requireLocalDate("input.doneOn", input.doneOn);
    requireNotFuture("input.doneOn", doneOn, clock());
    const outcome = requireText("input.outcome", input.outcome, 500);
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(ActionItem);
      const item = await repository.findOneBy({ id: input.id });
      if (!item) throw badUserInput("input.id", "没有这项行动事项");
      requireOwnDepartment(identity, item.ownerAgency);
      if (item.doneOn) throw badUserInput("input.id", `已于 ${item.doneOn} 完成`);
      const meeting = await manager.getRepository(JointMeeting).findOneByOrFail({ id: item.meetingId });
      if (doneOn < meeting.heldOn) throw badUserInput("input.doneOn", `不能早于会议日 ${meeting.heldOn}`);
      await repository.update({ id: item.id }, { doneOn, outcome });
      return repository.findOneByOrFail({ id: item.id });
    });
  }

  @FieldResolver(() => ActionItemStatus)
  status(
    @Root() item: ActionItem,
    @Ctx() { clock }: SubgraphContext,
    @Arg("asOf", () => String, { nullable: true }) asOf?: string,
  ): ActionItemStatus {
    return statusOf(item, requireAsOf("asOf", asOf, clock()));
  }

  @FieldResolver(() => JointMeeting)
  async meeting(@Root() item: ActionItem, @Ctx() { loaders }: SubgraphContext): Promise<JointMeeting> {
    const meeting = await loaders.one(JointMeeting, "id").load(item.meetingId);
    if (!meeting) throw new Error(`action item ${item.id} points at missing meeting ${item.meetingId}`);
    return meeting;
  }
}
