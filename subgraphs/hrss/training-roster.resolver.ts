import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from "type-graphql";
import { In } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireIdNumber, requireLocalDate, requireNotFuture } from "../../kernel/validate";
import { requireInsuredEnterprise } from "./inputs";
import { Person } from "./person.entity";
import { KeyPost } from "./training-record.entity";
import { TrainingRosterEntry, rosterEntryId } from "./training-roster.entity";

/** One survey registers at most this many people: a larger enterprise is registered in parts. */
export const maximumRosterBatch = 500;

@InputType()
class RosterPersonInput {
  @Field(() => String, { description: "公民身份号码; stored only as its pid" })
  idNumber: string;

  @Field(() => KeyPost)
  post: KeyPost;
}

@InputType()
class RegisterTrainingRosterInput {
  @Field(() => String, { description: "The enterprise whose people must be trained" })
  creditCode: string;

  @Field(() => String, { description: "YYYY-MM-DD: the day of the survey (摸底)" })
  surveyedOn: string;

  @Field(() => [RosterPersonInput], { description: `Its insured people and their posts, 1 to ${maximumRosterBatch}` })
  people: RosterPersonInput[];
}

@Resolver(() => TrainingRosterEntry)
export class TrainingRosterResolver {
  @Query(() => [TrainingRosterEntry], { description: "An enterprise's roster of people who must be trained, in id order" })
  trainingRoster(@Arg("creditCode", () => String) creditCode: string, @Ctx() { loaders }: SubgraphContext): Promise<TrainingRosterEntry[]> {
    return loaders.many(TrainingRosterEntry, "creditCode").load(requireCreditCode("creditCode", creditCode).creditCode);
  }

  @Mutation(() => [TrainingRosterEntry], {
    description: "Adds people to an enterprise's roster (应受训人员摸底): each must be insured by it and not on its roster yet",
  })
  async registerTrainingRoster(
    @Arg("input", () => RegisterTrainingRosterInput) input: RegisterTrainingRosterInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<TrainingRosterEntry[]> {
    requireOwnDepartment(identity, "hrss");
    const surveyedOn = requireLocalDate("input.surveyedOn", input.surveyedOn);
    requireNotFuture("input.surveyedOn", surveyedOn, clock());
    if (input.people.length === 0) throw badUserInput("input.people", "名单不能为空");
    if (input.people.length > maximumRosterBatch)
      throw badUserInput("input.people", `一次最多登记 ${maximumRosterBatch} 人, 收到 ${input.people.length} 人; 请分批登记`);
    const people = input.people.map((person, index) => ({
      field: `input.people[${index}]`,
      pid: pseudonymise(requireIdNumber(`input.people[${index}].idNumber`, person.idNumber, clock()).normalized),
      post: person.post,
    }));
    const firstIndex = new Map<string, number>();
    people.forEach((person, index) => {
      const earlier = firstIndex.get(person.pid);
      if (earlier !== undefined) throw badUserInput(`${person.field}.idNumber`, `与第 ${earlier + 1} 人重复: 同一人在名单中只能出现一次`);
      firstIndex.set(person.pid, index);
    });
    return db.transaction(async (manager) => {
      const enterprise = await requireInsuredEnterprise(manager, "input.creditCode", input.creditCode);
      const insured = await manager.findBy(Person, { pid: In(people.map((person) => person.pid)) });
      const employerOf = new Map(insured.map((person) => [person.pid, person.employerCreditCode]));
      const listed = new Set(
        (
          await manager.findBy(TrainingRosterEntry, { id: In(people.map((person) => rosterEntryId(enterprise.creditCode, person.pid))) })
        ).map((entry) => entry.pid),
      );
      for (const person of people) {
        if (employerOf.get(person.pid) !== enterprise.creditCode)
          throw badUserInput(
            `${person.field}.idNumber`,
            `此人不是 ${enterprise.name} (${enterprise.creditCode}) 的参保职工, 不能列入其应受训名单`,
          );
        if (listed.has(person.pid)) throw badUserInput(`${person.field}.idNumber`, `此人已在 ${enterprise.name} 的应受训名单中`);
      }
      const entries = people.map((person) =>
        Object.assign(new TrainingRosterEntry(), {
          id: rosterEntryId(enterprise.creditCode, person.pid),
          creditCode: enterprise.creditCode,
          pid: person.pid,
          post: person.post,
          surveyedOn,
        }),
      );
      await manager.insert(TrainingRosterEntry, entries);
      return entries.sort((a, b) => (a.id < b.id ? -1 : 1));
    });
  }
}
