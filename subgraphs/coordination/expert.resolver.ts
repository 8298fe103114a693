import { randomBytes, randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { likeEscape, likeLiteral } from "../../kernel/like";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate, requireNotFuture, requireRange, requireRegionCode, requireText } from "../../kernel/validate";
import { requireDepartment } from "./coordination.rules";
import { Expert, ExpertAssignment, ExpertConclusion, ExpertDraw, ExpertDrawPurpose } from "./expert.entity";
import { drawExperts } from "./expert.rules";
import { InspectionTarget, JointInspection } from "./joint-inspection.entity";

@ArgsType()
class ExpertFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  field?: string;
}

@ArgsType()
class ExpertDrawFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  subjectRef?: string;
}

@InputType({ description: "An expert entering the expert database" })
class RegisterExpertInput {
  @Field(() => String)
  name: string;

  @Field(() => [String])
  fields: string[];

  @Field(() => String)
  title: string;

  @Field(() => String)
  employer: string;

  @Field(() => String, { nullable: true })
  employerCreditCode?: string;

  @Field(() => String, { nullable: true, description: "The member department employing the expert, if any" })
  employerAgency?: string;

  @Field(() => String)
  regionCode: string;
}

@InputType()
class SetExpertAvailabilityInput {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean)
  available: boolean;
}

@InputType({ description: "A random draw of experts for a prevention project (人社) or a joint inspection (联席办)" })
class DrawExpertsInput {
  @Field(() => ExpertDrawPurpose)
  purpose: ExpertDrawPurpose;

  @Field(() => String, { description: "The prevention project number, or the joint inspection number" })
  subjectRef: string;

  @Field(() => String, { description: "The field of expertise required" })
  field: string;

  @Field(() => String, { nullable: true, description: "Only experts from this GB/T 2260 region (and below)" })
  regionCode?: string;

  @Field(() => Int, { description: "1 to 15" })
  count: number;

  @Field(() => [String], {
    defaultValue: [],
    description: "Employers with a conflict of interest: for a project, its applicant and service agency (required)",
  })
  conflictingCreditCodes: string[];

  @Field(() => [ID], { defaultValue: [], description: "Experts designated besides the random draw" })
  designatedExpertIds: string[];

  @Field(() => String, { nullable: true, description: "Repeats a recorded draw; a fresh random seed when omitted" })
  seed?: string;
}

@InputType({ description: "An expert's opinion on the subject of a draw, e.g. a project's acceptance" })
class RecordExpertOpinionInput {
  @Field(() => ID)
  drawId: string;

  @Field(() => ID)
  expertId: string;

  @Field(() => ExpertConclusion)
  conclusion: ExpertConclusion;

  @Field(() => String, { description: "At most 1000 characters" })
  opinion: string;

  @Field(() => String, { description: "YYYY-MM-DD, not in the future" })
  opinionOn: string;
}

/** Who draws for what: projects are 人社's, joint inspections the office's. */
const drawingDepartment: Record<ExpertDrawPurpose, string> = {
  [ExpertDrawPurpose.PROJECT_REVIEW]: "hrss",
  [ExpertDrawPurpose.PROJECT_ACCEPTANCE]: "hrss",
  [ExpertDrawPurpose.JOINT_INSPECTION]: "coordination",
};

const regionPrefix = (regionCode: string) =>
  regionCode.endsWith("0000") ? regionCode.slice(0, 2) : regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;

const ExpertConnection = Connection(Expert);
const ExpertDrawConnection = Connection(ExpertDraw);

@Resolver(() => Expert)
export class ExpertResolver {
  @Query(() => ExpertConnection, { description: "The expert database (专家库)" })
  experts(@Args(() => ExpertFilter) filter: ExpertFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Expert).createQueryBuilder("expert");
    // simple-array stores "a,b,c": match the whole field alone, first, last or between two others.
    if (filter.field) {
      const literal = likeLiteral(filter.field);
      query.andWhere(
        `(expert.fields = :field OR expert.fields LIKE :first ${likeEscape} OR expert.fields LIKE :last ${likeEscape} OR expert.fields LIKE :inner ${likeEscape})`,
        { field: filter.field, first: `${literal},%`, last: `%,${literal}`, inner: `%,${literal},%` },
      );
    }
    return paginate(query, "id", filter);
  }

  @Mutation(() => Expert)
  async registerExpert(
    @Arg("input", () => RegisterExpertInput) input: RegisterExpertInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<Expert> {
    requireOwnDepartment(identity, "coordination");
    const fields = input.fields.map((field, index) => requireText(`input.fields[${index}]`, field, 50));
    if (!fields.length) throw badUserInput("input.fields", "至少填写一个专业领域");
    if (fields.some((field) => field.includes(","))) throw badUserInput("input.fields", "专业领域不能含逗号");
    const row = {
      name: requireText("input.name", input.name, 50),
      fields,
      title: requireText("input.title", input.title, 50),
      employer: requireText("input.employer", input.employer, 100),
      employerCreditCode:
        input.employerCreditCode === undefined || input.employerCreditCode === null
          ? null
          : requireCreditCode("input.employerCreditCode", input.employerCreditCode).creditCode,
      employerAgency:
        input.employerAgency === undefined || input.employerAgency === null
          ? null
          : requireDepartment("input.employerAgency", input.employerAgency),
      regionCode: requireRegionCode("input.regionCode", input.regionCode),
      available: true,
    };
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(Expert);
      const id = `ZJ-${String((await repository.count()) + 1).padStart(5, "0")}`;
      await repository.insert({ id, ...row });
      return repository.findOneByOrFail({ id });
    });
  }

  @Mutation(() => Expert, { description: "An expert who cannot serve for a while is left out of draws" })
  async setExpertAvailability(
    @Arg("input", () => SetExpertAvailabilityInput) input: SetExpertAvailabilityInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<Expert> {
    requireOwnDepartment(identity, "coordination");
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(Expert);
      if (!(await repository.existsBy({ id: input.id }))) throw badUserInput("input.id", "专家库中没有这位专家");
      await repository.update({ id: input.id }, { available: input.available });
      return repository.findOneByOrFail({ id: input.id });
    });
  }
}

@Resolver(() => ExpertDraw)
export class ExpertDrawResolver {
  @Query(() => ExpertDrawConnection, { description: "Recorded expert draws" })
  expertDraws(@Args(() => ExpertDrawFilter) filter: ExpertDrawFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(ExpertDraw).createQueryBuilder("draw");
    if (filter.subjectRef) query.andWhere("draw.subjectRef = :subjectRef", { subjectRef: filter.subjectRef });
    return paginate(query, "id", filter);
  }

  @Mutation(() => ExpertDraw, {
    description: "Draws experts at random from the qualified pool, leaving out conflicts of interest; recorded",
  })
  async drawExperts(
    @Arg("input", () => DrawExpertsInput) input: DrawExpertsInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<ExpertDraw> {
    requireOwnDepartment(identity, drawingDepartment[input.purpose]);
    const subjectRef = requireText("input.subjectRef", input.subjectRef, 40);
    const field = requireText("input.field", input.field, 50);
    const count = requireRange("input.count", input.count, 1, 15);
    const regionCode =
      input.regionCode === undefined || input.regionCode === null ? null : requireRegionCode("input.regionCode", input.regionCode);
    const conflicting = input.conflictingCreditCodes.map(
      (code, index) => requireCreditCode(`input.conflictingCreditCodes[${index}]`, code).creditCode,
    );
    if (input.purpose !== ExpertDrawPurpose.JOINT_INSPECTION && !conflicting.length) {
      throw badUserInput("input.conflictingCreditCodes", "须填写项目的申报单位和服务机构，以便回避");
    }
    const seed =
      input.seed === undefined || input.seed === null ? randomBytes(8).toString("hex") : requireText("input.seed", input.seed, 40);
    const subjectKey = `${input.purpose}:${subjectRef}`;
    return db.transaction(async (manager) => {
      const conflictingAgencies = new Set<string>();
      if (input.purpose === ExpertDrawPurpose.JOINT_INSPECTION) {
        const inspection = await manager.getRepository(JointInspection).findOneBy({ id: subjectRef });
        if (!inspection) throw badUserInput("input.subjectRef", `没有编号为 ${input.subjectRef} 的联合检查`);
        inspection.agencies.forEach((agency) => conflictingAgencies.add(agency));
        const targets = await manager.getRepository(InspectionTarget).findBy({ inspectionId: inspection.id });
        conflicting.push(...targets.map((target) => target.creditCode));
      } else {
        conflictingAgencies.add("hrss");
      }
      const serving = await manager.getRepository(ExpertAssignment).findBy({ subjectKey });
      const result = drawExperts(await manager.getRepository(Expert).find(), {
        field,
        regionPrefix: regionCode === null ? null : regionPrefix(regionCode),
        count,
        seed,
        conflictingCreditCodes: new Set(conflicting),
        conflictingAgencies,
        alreadyServing: new Set(serving.map((assignment) => assignment.expertId)),
        designated: input.designatedExpertIds,
      });
      const id = `DR-${randomUUID()}`;
      await manager.getRepository(ExpertDraw).insert({
        id,
        purpose: input.purpose,
        subjectRef,
        field,
        regionCode,
        count,
        seed,
        pool: result.pool,
        excluded: result.excluded,
        drawnBy: `${identity.agency}/${identity.user}`,
        drawnAt: clock(),
      });
      await manager.getRepository(ExpertAssignment).insert(
        result.drawn.map((expertId) => ({
          id: `${id}/${expertId}`,
          drawId: id,
          subjectKey,
          expertId,
          designated: input.designatedExpertIds.includes(expertId),
          conclusion: null,
          opinion: null,
          opinionOn: null,
        })),
      );
      return manager.getRepository(ExpertDraw).findOneByOrFail({ id });
    });
  }

  @Mutation(() => ExpertAssignment, {
    description: "Records a drawn expert's opinion, e.g. on a project's acceptance; by the drawing department",
  })
  async recordExpertOpinion(
    @Arg("input", () => RecordExpertOpinionInput) input: RecordExpertOpinionInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<ExpertAssignment> {
    const opinion = requireText("input.opinion", input.opinion, 1000);
    const opinionOn = requireLocalDate("input.opinionOn", input.opinionOn);
    requireNotFuture("input.opinionOn", opinionOn, clock());
    return db.transaction(async (manager) => {
      const draw = await manager.getRepository(ExpertDraw).findOneBy({ id: input.drawId });
      if (!draw) throw badUserInput("input.drawId", "没有这次专家抽取");
      requireOwnDepartment(identity, drawingDepartment[draw.purpose]);
      const repository = manager.getRepository(ExpertAssignment);
      const id = `${draw.id}/${input.expertId}`;
      const assignment = await repository.findOneBy({ id });
      if (!assignment) throw badUserInput("input.expertId", `专家 ${input.expertId} 不是这次抽取的专家`);
      if (assignment.opinion !== null)
        throw badUserInput("input.expertId", `专家 ${input.expertId} 的意见已于 ${assignment.opinionOn} 记录`);
      await repository.update({ id }, { conclusion: input.conclusion, opinion, opinionOn });
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => [ExpertAssignment], { description: "The experts drawn or designated, by expert id" })
  experts(@Root() draw: ExpertDraw, @Ctx() { loaders }: SubgraphContext): Promise<ExpertAssignment[]> {
    return loaders.many(ExpertAssignment, "drawId").load(draw.id);
  }
}

@Resolver(() => ExpertAssignment)
export class ExpertAssignmentResolver {
  @FieldResolver(() => Expert)
  async expert(@Root() assignment: ExpertAssignment, @Ctx() { loaders }: SubgraphContext): Promise<Expert> {
    const expert = await loaders.one(Expert, "id").load(assignment.expertId);
    if (!expert) throw new Error(`expert assignment ${assignment.id} points at missing expert ${assignment.expertId}`);
    return expert;
  }
}
