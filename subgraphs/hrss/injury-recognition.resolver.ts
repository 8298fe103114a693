import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import { LocalDate } from "../../kernel/scalars";
import type { SubgraphContext } from "../../kernel/subgraph";
import {
  requireCreditCode,
  requireIdNumber,
  requireLocalDate,
  requireNotFuture,
  requireOrder,
  requireRange,
  requireText,
} from "../../kernel/validate";
import { AccidentReference } from "./accident.entity";
import { chinaToday } from "../../kernel/calendar";
import { Enterprise } from "./enterprise.entity";
import { divisionOfIndustry, lockRead } from "./employer-division";
import { requireInsuredEnterprise } from "./inputs";
import { InjuryRecognition, RecognitionApplicant, RecognitionStatus } from "./injury-recognition.entity";
import {
  acceptanceDueOn,
  applicationWindow,
  decisionDueOn,
  disabilityGrades,
  firstRecognitionDay,
  recognitionTransitions,
} from "./injury-recognition.rules";
import { Person } from "./person.entity";
import { moveStatus } from "./status-transition";

@ArgsType()
class InjuryRecognitionFilter extends PageArgs {
  @Field(() => RecognitionStatus, { nullable: true })
  status?: RecognitionStatus;

  @Field(() => String, { nullable: true })
  creditCode?: string;

  @Field(() => RecognitionApplicant, { nullable: true })
  applicant?: RecognitionApplicant;
}

@InputType()
class ApplyForInjuryRecognitionInput {
  @Field(() => String, { description: "公民身份号码 of the injured worker (GB 11643); stored only as its pid" })
  idNumber: string;

  @Field(() => String)
  creditCode: string;

  @Field(() => String, { description: "YYYY-MM-DD: the day of the injury or diagnosis" })
  injuredOn: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  appliedOn: string;

  @Field(() => RecognitionApplicant)
  applicant: RecognitionApplicant;

  @Field(() => String, { nullable: true, description: "The emergency-management accident, if any" })
  accidentId?: string;
}

@InputType()
class AcceptInjuryRecognitionInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  acceptedOn: string;
}

@InputType()
class DecideInjuryRecognitionInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  decidedOn: string;

  @Field(() => Boolean)
  recognised: boolean;

  @Field(() => Int, { nullable: true, description: "劳动功能障碍 grade 1 (most severe) to 10, for a recognised injury" })
  disabilityGrade?: number;
}

const InjuryRecognitionConnection = Connection(InjuryRecognition);

@Resolver(() => InjuryRecognition)
export class InjuryRecognitionResolver {
  @Query(() => InjuryRecognition, { nullable: true })
  injuryRecognition(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<InjuryRecognition | null> {
    return loaders.one(InjuryRecognition, "id").load(id);
  }

  @Query(() => InjuryRecognitionConnection, { description: "Recognition cases, filtered, in id order" })
  injuryRecognitions(@Args(() => InjuryRecognitionFilter) filter: InjuryRecognitionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(InjuryRecognition).createQueryBuilder("recognition");
    if (filter.status) query.andWhere("recognition.status = :status", { status: filter.status });
    if (filter.creditCode)
      query.andWhere("recognition.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.applicant) query.andWhere("recognition.applicant = :applicant", { applicant: filter.applicant });
    return paginate(query, "id", filter);
  }

  @Mutation(() => InjuryRecognition, { description: "申请工伤认定 (工伤保险条例 第十七条)" })
  async applyForInjuryRecognition(
    @Arg("input", () => ApplyForInjuryRecognitionInput) input: ApplyForInjuryRecognitionInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<InjuryRecognition> {
    requireOwnDepartment(identity, "hrss");
    const { normalized } = requireIdNumber("input.idNumber", input.idNumber, clock());
    const injuredOn = requireLocalDate("input.injuredOn", input.injuredOn);
    const appliedOn = requireLocalDate("input.appliedOn", input.appliedOn);
    requireNotFuture("input.injuredOn", injuredOn, clock());
    requireNotFuture("input.appliedOn", appliedOn, clock());
    if (injuredOn < firstRecognitionDay) throw badUserInput("input.injuredOn", `早于 ${firstRecognitionDay}, 此前的工伤认定申请期限未收录`);
    requireOrder("input.appliedOn", injuredOn, appliedOn, "input.injuredOn");
    const window = applicationWindow(input.applicant, injuredOn);
    if (appliedOn > window.lastDay) throw badUserInput("input.appliedOn", `${window.description}; 申请期限已于 ${window.lastDay} 届满`);
    const accidentId =
      input.accidentId === undefined || input.accidentId === null ? null : requireText("input.accidentId", input.accidentId, 40);
    return db.transaction(async (manager) => {
      const enterprise = await requireInsuredEnterprise(manager, "input.creditCode", input.creditCode, lockRead(manager));
      const recognition: InjuryRecognition = {
        id: `IR-${randomUUID()}`,
        pid: pseudonymise(normalized),
        creditCode: enterprise.creditCode,
        employerDivision: divisionOfIndustry(enterprise.industryCode),
        accidentId,
        injuredOn,
        appliedOn,
        applicant: input.applicant,
        status: RecognitionStatus.APPLIED,
        acceptedOn: null,
        decidedOn: null,
        disabilityGrade: null,
      };
      await manager.insert(InjuryRecognition, recognition);
      return recognition;
    });
  }

  @Mutation(() => InjuryRecognition, { description: "受理 (人社部令第8号 第八条: due within 15 days of the application)" })
  async acceptInjuryRecognition(
    @Arg("input", () => AcceptInjuryRecognitionInput) input: AcceptInjuryRecognitionInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<InjuryRecognition> {
    requireOwnDepartment(identity, "hrss");
    const acceptedOn = requireLocalDate("input.acceptedOn", input.acceptedOn);
    requireNotFuture("input.acceptedOn", acceptedOn, clock());
    return db.transaction((manager) =>
      moveStatus(manager, InjuryRecognition, "工伤认定", recognitionTransitions, input.id, RecognitionStatus.ACCEPTED, (current) => {
        requireOrder("input.acceptedOn", current.appliedOn, acceptedOn, "申请日期");
        return { acceptedOn };
      }),
    );
  }

  @Mutation(() => InjuryRecognition, { description: "认定 or 不予认定 (工伤保险条例 第二十条: due within 60 days of acceptance)" })
  async decideInjuryRecognition(
    @Arg("input", () => DecideInjuryRecognitionInput) input: DecideInjuryRecognitionInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<InjuryRecognition> {
    requireOwnDepartment(identity, "hrss");
    const decidedOn = requireLocalDate("input.decidedOn", input.decidedOn);
    requireNotFuture("input.decidedOn", decidedOn, clock());
    const graded = input.disabilityGrade !== undefined && input.disabilityGrade !== null;
    if (graded && !input.recognised) throw badUserInput("input.disabilityGrade", "只有认定为工伤的才有伤残等级");
    const disabilityGrade = graded
      ? requireRange("input.disabilityGrade", input.disabilityGrade!, disabilityGrades.most, disabilityGrades.least)
      : null;
    const to = input.recognised ? RecognitionStatus.RECOGNISED : RecognitionStatus.NOT_RECOGNISED;
    return db.transaction((manager) =>
      moveStatus(manager, InjuryRecognition, "工伤认定", recognitionTransitions, input.id, to, (current) => {
        // Only an ACCEPTED case may be decided, and accepting it recorded the date.
        requireOrder("input.decidedOn", current.acceptedOn!, decidedOn, "受理日期");
        return { decidedOn, disabilityGrade };
      }),
    );
  }

  @FieldResolver(() => LocalDate, { description: "受理 is due by this day (人社部令第8号 第八条)" })
  acceptanceDueOn(@Root() recognition: InjuryRecognition): string {
    return acceptanceDueOn(recognition.appliedOn);
  }

  @FieldResolver(() => Boolean, { description: "Accepted after its due day, or still unaccepted past it" })
  acceptedLate(@Root() recognition: InjuryRecognition, @Ctx() { clock }: SubgraphContext): boolean {
    const acceptedOrStillWaiting =
      recognition.acceptedOn ?? (recognition.status === RecognitionStatus.APPLIED ? chinaToday(clock()) : null);
    return acceptedOrStillWaiting !== null && acceptedOrStillWaiting > acceptanceDueOn(recognition.appliedOn);
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: "The decision is due by this day (第二十条); null until accepted" })
  decisionDueOn(@Root() recognition: InjuryRecognition): string | null {
    return recognition.acceptedOn ? decisionDueOn(recognition.acceptedOn) : null;
  }

  @FieldResolver(() => Boolean, { description: "Decided after its due day, or still undecided past it" })
  overdue(@Root() recognition: InjuryRecognition, @Ctx() { clock }: SubgraphContext): boolean {
    const due = this.decisionDueOn(recognition);
    return due !== null && (recognition.decidedOn ?? chinaToday(clock())) > due;
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() recognition: InjuryRecognition, @Ctx() { loaders }: SubgraphContext): Promise<Person | null> {
    return loaders.one(Person, "pid").load(recognition.pid);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() recognition: InjuryRecognition, @Ctx() { loaders }: SubgraphContext): Promise<Enterprise | null> {
    return loaders.one(Enterprise, "creditCode").load(recognition.creditCode);
  }

  @FieldResolver(() => AccidentReference, { nullable: true })
  accident(@Root() recognition: InjuryRecognition): AccidentReference | null {
    return recognition.accidentId ? { id: recognition.accidentId } : null;
  }
}
