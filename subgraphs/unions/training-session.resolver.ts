import { Args, ArgsType, Ctx, Field, InputType, Int, Query, Resolver } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
import { requireDocumentNumber, requireLocalDate, requireNotFuture, requireRange, requireText } from "../../kernel/validate";
import { TrainingSession } from "./training-session.entity";

@ArgsType()
class TrainingSessionFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: sessions held on or after this day" })
  heldFrom?: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: sessions held on or before this day" })
  heldTo?: string;
}

const TrainingSessionConnection = Connection(TrainingSession);

@InputType({ description: "A union training session as 总工会 registers it; the same fields as a row of the session import template" })
export class TrainingSessionInput {
  @Field(() => String, { description: "培训编号, the session's key" })
  sessionNo: string;

  @Field(() => String, { description: "培训日期, YYYY-MM-DD" })
  heldOn: string;

  @Field(() => String, { description: "培训主题" })
  topic: string;

  @Field(() => Int, { description: "参训人数" })
  attendees: number;

  @Field(() => Int, { description: "学时" })
  hours: number;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered session" })
  version?: number | null;
}

/** Sessions are registered by the union's session number. */
export const trainingSessionRecord: MasterRecord<TrainingSessionInput, TrainingSession> = {
  resource: "TrainingSession",
  owner: "unions",
  entity: TrainingSession,
  key: "id",
  fields: ["heldOn", "topic", "attendees", "hours"],
  validate: async (input, checks, { clock }) => {
    const id = checks.check("sessionNo", (field) => requireDocumentNumber(field, input.sessionNo, 40));
    const heldOn = checks.check("heldOn", (field) => {
      const date = requireLocalDate(field, input.heldOn.trim());
      requireNotFuture(field, date, clock());
      return date;
    });
    const topic = checks.check("topic", (field) => requireText(field, input.topic, 200));
    const attendees = checks.check("attendees", (field) => requireRange(field, input.attendees, 1, 100_000));
    const hours = checks.check("hours", (field) => requireRange(field, input.hours, 1, 200));
    if (checks.problems.length) return undefined;
    return { id, heldOn, topic, attendees, hours } as TrainingSession;
  },
};

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSessionConnection)
  trainingSessions(@Args(() => TrainingSessionFilter) filter: TrainingSessionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(TrainingSession).createQueryBuilder("session");
    if (filter.heldFrom) query.andWhere("session.heldOn >= :heldFrom", { heldFrom: requireLocalDate("heldFrom", filter.heldFrom) });
    if (filter.heldTo) query.andWhere("session.heldOn <= :heldTo", { heldTo: requireLocalDate("heldTo", filter.heldTo) });
    return paginate(query, "id", filter);
  }
}

export const TrainingSessionRecordResolver = masterRecordResolver(
  trainingSessionRecord,
  { input: TrainingSessionInput, row: TrainingSession },
  { one: "saveTrainingSession", many: "saveTrainingSessions", what: "a union training session" },
);
