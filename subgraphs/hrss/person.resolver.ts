import { Arg, Ctx, Field, FieldResolver, InputType, Int, Query, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";
import { badUserInput } from "../../kernel/errors";
import { masterRecordResolver, type MasterRecord } from "../../kernel/records";
import type { SubgraphContext } from "../../kernel/subgraph";
import {
  creditCodeTypoHint,
  requireCreditCode,
  requireIdNumber,
  requireLocalDate,
  requireNotFuture,
  requireOrder,
  requireText,
} from "../../kernel/validate";
import { Enterprise } from "./enterprise.entity";
import { tallyEnrolments } from "./insured-cohort.tally";
import { InjuryRecognition } from "./injury-recognition.entity";
import { Person } from "./person.entity";

@InputType({
  description: "An insured person and their enrolment with an employer; the same fields as a row of the person import template",
})
export class PersonInput {
  @Field(() => String, { description: "公民身份号码; the hub keeps the person under its pid" })
  idNumber: string;

  @Field(() => String, { description: "姓名" })
  name: string;

  @Field(() => String, { nullable: true, description: "手机号码" })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "参保单位 统一社会信用代码; empty when not enrolled" })
  employerCreditCode?: string | null;

  @Field(() => String, { nullable: true, description: "参保日期 with that employer, YYYY-MM-DD; required with an employer" })
  insuredSince?: string | null;

  @Field(() => Int, { nullable: true, description: "The version last read; required to correct a registered person" })
  version?: number | null;
}

const mobilePattern = /^1[3-9]\d{9}$/;
const blank = (value: string | null | undefined): value is null | undefined => value === null || value === undefined || value.trim() === "";

/** Moves each enrolment's count from the employer left to the employer joined. */
async function followEnrolments(manager: EntityManager, saved: { before: Person | null; after: Person }[]): Promise<void> {
  const delta = new Map<string, number>();
  for (const { before, after } of saved) {
    if (before?.employerCreditCode === after.employerCreditCode) continue;
    if (before?.employerCreditCode) delta.set(before.employerCreditCode, (delta.get(before.employerCreditCode) ?? 0) - 1);
    if (after.employerCreditCode) delta.set(after.employerCreditCode, (delta.get(after.employerCreditCode) ?? 0) + 1);
  }
  // One statement per size of change (almost always +1 and -1), not one per employer; in credit-code
  // order, so that concurrent batches lock employers in the same order and never deadlock.
  const byChange = new Map<number, string[]>();
  for (const [creditCode, change] of [...delta].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (change !== 0) byChange.set(change, [...(byChange.get(change) ?? []), creditCode]);
  }
  for (const [change, creditCodes] of byChange) {
    await manager
      .createQueryBuilder()
      .update(Enterprise)
      .set({ insuredHeadcount: () => "insured_headcount + :change" })
      .where("credit_code IN (:...creditCodes)", { creditCodes, change })
      .execute();
  }
}

/** Persons are registered by the pid of their ID number; gender and birth date come from the number itself. */
export const personRecord: MasterRecord<PersonInput, Person> = {
  resource: "Person",
  owner: "hrss",
  entity: Person,
  key: "pid",
  fields: ["name", "gender", "birthDate", "phone", "employerCreditCode", "insuredSince"],
  validate: async (input, checks, { loaders, pseudonymise, clock }) => {
    const id = checks.check("idNumber", (field) => requireIdNumber(field, input.idNumber, clock()));
    const name = checks.check("name", (field) => requireText(field, input.name, 60));
    const phone = blank(input.phone)
      ? null
      : checks.check("phone", (field) => {
          const digits = input.phone!.trim();
          if (!mobilePattern.test(digits)) throw badUserInput(field, `${JSON.stringify(digits)} 不是 11 位手机号码`);
          return digits;
        });
    let employerCreditCode: string | null = null;
    let insuredSince: string | null = null;
    if (!blank(input.employerCreditCode)) {
      employerCreditCode = await checks.checkAsync("employerCreditCode", async (field) => {
        const { creditCode } = requireCreditCode(field, input.employerCreditCode!);
        if (!(await loaders.one(Enterprise, "creditCode").load(creditCode)))
          throw badUserInput(field, `统一社会信用代码 ${creditCode} 的单位尚未参保登记${creditCodeTypoHint(creditCode)}`);
        return creditCode;
      });
      insuredSince = checks.check("insuredSince", (field) => {
        if (blank(input.insuredSince)) throw badUserInput(field, "有参保单位时必须填写参保日期");
        const date = requireLocalDate(field, input.insuredSince.trim());
        requireNotFuture(field, date, clock());
        if (id?.valid) requireOrder(field, id.birthDate, date, "公民身份号码中的出生日期");
        return date;
      });
    } else if (!blank(input.insuredSince)) checks.check("insuredSince", (field) => badUserInput(field, "没有参保单位时不填参保日期"));
    if (checks.problems.length) return undefined;
    return {
      pid: pseudonymise(id.normalized),
      idNumber: id.normalized,
      name,
      gender: id.gender,
      birthDate: id.birthDate,
      phone,
      employerCreditCode,
      insuredSince,
    };
  },
  // The cohorts first: they lock every employer involved, in key order, before the headcounts lock
  // some of them, so that two batches never hold employers the other waits for.
  afterSave: async (manager, saved) => {
    await tallyEnrolments(manager, saved);
    await followEnrolments(manager, saved);
  },
};

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One insured person by pseudonymous key" })
  person(@Arg("pid", () => String) pid: string, @Ctx() { loaders }: SubgraphContext): Promise<Person | null> {
    return loaders.one(Person, "pid").load(pid);
  }

  @Query(() => Person, {
    nullable: true,
    description:
      "The insured person with this ID number: the hub computes the pid, so the number is never a join key; null when 人社 holds no one by it",
  })
  personByIdNumber(
    @Arg("idNumber", () => String) idNumber: string,
    @Ctx() { loaders, pseudonymise, clock }: SubgraphContext,
  ): Promise<Person | null> {
    return loaders.one(Person, "pid").load(pseudonymise(requireIdNumber("idNumber", idNumber, clock()).normalized));
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Current insured employer" })
  async employer(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<Enterprise | null> {
    return person.employerCreditCode ? loaders.one(Enterprise, "creditCode").load(person.employerCreditCode) : null;
  }

  @FieldResolver(() => [InjuryRecognition])
  injuryRecognitions(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<InjuryRecognition[]> {
    return loaders.many(InjuryRecognition, "pid").load(person.pid);
  }
}

export const PersonRecordResolver = masterRecordResolver(
  personRecord,
  { input: PersonInput, row: Person },
  { one: "savePerson", many: "savePersons", what: "an insured person and their enrolment" },
);
