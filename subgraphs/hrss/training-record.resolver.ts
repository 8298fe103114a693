import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, Float, ID, InputType, Int, Mutation, Query, Resolver } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import {
  requireCreditCode,
  requireIdNumber,
  requireIndustryCode,
  requireLocalDate,
  requireNotFuture,
  requireRange,
  requireRegionCode,
  requireText,
} from "../../kernel/validate";
import { Enterprise } from "./enterprise.entity";
import { requireInsuredEnterprise } from "./inputs";
import { KeyPost, PostTrainingProgress, TrainingMode, TrainingProgress, TrainingRecord } from "./training-record.entity";
import { hoursInTenths, maximumSessionHoursTenths, meetsTrainingStandard, trainingStandardFor } from "./training.rules";

/** Years the hub holds training for; outside them a year is a typing error. */
const years = { first: 2000, last: 2100 } as const;

@ArgsType()
class TrainingRecordFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  creditCode?: string;

  @Field(() => KeyPost, { nullable: true })
  post?: KeyPost;

  @Field(() => Int, { nullable: true, description: "Calendar year of the session" })
  year?: number;
}

@ArgsType()
class TrainingProgressArgs {
  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true, description: "GB/T 2260 county-level region of the employer" })
  regionCode?: string;

  @Field(() => String, { nullable: true, description: "GB/T 4754-2017 industry code prefix of the employer, e.g. 26" })
  industryCode?: string;
}

@InputType()
class RecordTrainingInput {
  @Field(() => String, { description: "公民身份号码 of the trainee; stored only as its pid" })
  idNumber: string;

  @Field(() => String, { description: "The trainee's employer" })
  creditCode: string;

  @Field(() => KeyPost)
  post: KeyPost;

  @Field(() => TrainingMode)
  mode: TrainingMode;

  @Field(() => Boolean, { defaultValue: false, description: "The session included practical training (实操)" })
  practical: boolean;

  @Field(() => Float, { description: "学时 of the session, to 0.1" })
  hours: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  trainedOn: string;

  @Field(() => String)
  provider: string;
}

const TrainingRecordConnection = Connection(TrainingRecord);

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  @Query(() => TrainingRecord, { nullable: true })
  trainingRecord(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<TrainingRecord | null> {
    return loaders.one(TrainingRecord, "id").load(id);
  }

  @Query(() => TrainingRecordConnection, { description: "Key-post training sessions, filtered, in id order" })
  trainingRecords(@Args(() => TrainingRecordFilter) filter: TrainingRecordFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(TrainingRecord).createQueryBuilder("record");
    if (filter.creditCode)
      query.andWhere("record.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    if (filter.post) query.andWhere("record.post = :post", { post: filter.post });
    if (filter.year !== undefined && filter.year !== null) {
      query.andWhere("record.trainedOn BETWEEN :from AND :to", yearRange(requireRange("year", filter.year, years.first, years.last)));
    }
    return paginate(query, "id", filter);
  }

  @Query(() => TrainingProgress, {
    description: "Per key post: persons trained, hours, offline share and how many met the standard in a year",
  })
  async trainingProgress(
    @Args(() => TrainingProgressArgs) args: TrainingProgressArgs,
    @Ctx() { db }: SubgraphContext,
  ): Promise<TrainingProgress> {
    const year = requireRange("year", args.year, years.first, years.last);
    const standard = trainingStandardFor(year);
    if (!standard) throw badUserInput("year", `${year} 年没有施行中的重点岗位培训标准`);
    const query = db
      .getRepository(TrainingRecord)
      .createQueryBuilder("record")
      .innerJoin(Enterprise, "enterprise", "enterprise.creditCode = record.creditCode")
      .select("record.post", "post")
      .addSelect("record.pid", "pid")
      .addSelect("SUM(record.hoursTenths)", "hoursTenths")
      .addSelect("SUM(CASE WHEN record.mode = :offline THEN record.hoursTenths ELSE 0 END)", "offlineHoursTenths")
      .where("record.trainedOn BETWEEN :from AND :to", { ...yearRange(year), offline: TrainingMode.OFFLINE })
      .groupBy("record.post")
      .addGroupBy("record.pid");
    if (args.regionCode) query.andWhere("enterprise.regionCode = :region", { region: requireRegionCode("regionCode", args.regionCode) });
    if (args.industryCode)
      query.andWhere("enterprise.industryCode LIKE :industry", {
        industry: `${requireIndustryCode("industryCode", args.industryCode).digits}%`,
      });
    const perPerson = await query.getRawMany<{ post: KeyPost; hoursTenths: string | number; offlineHoursTenths: string | number }>();
    const posts = Object.values(KeyPost).map((post) => {
      const persons = perPerson
        .filter((row) => row.post === post)
        .map((row) => ({ hours: Number(row.hoursTenths), offline: Number(row.offlineHoursTenths) }));
      const hoursTenths = persons.reduce((sum, person) => sum + person.hours, 0);
      const offlineTenths = persons.reduce((sum, person) => sum + person.offline, 0);
      const progress: PostTrainingProgress = {
        post,
        personsTrained: persons.length,
        totalHours: hoursTenths / 10,
        offlinePercent: hoursTenths === 0 ? null : Math.round((offlineTenths * 1000) / hoursTenths) / 10,
        personsMeetingStandard: persons.filter((person) => meetsTrainingStandard(standard, person.hours, person.offline)).length,
      };
      return progress;
    });
    return {
      year,
      requiredHours: standard.minimumHoursTenths / 10,
      requiredOfflinePercent: standard.minimumOfflinePercent,
      standard: standard.document,
      posts,
    };
  }

  @Mutation(() => TrainingRecord, { description: "Records one training session" })
  async recordTraining(
    @Arg("input", () => RecordTrainingInput) input: RecordTrainingInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<TrainingRecord> {
    requireOwnDepartment(identity, "hrss");
    const { normalized } = requireIdNumber("input.idNumber", input.idNumber, clock());
    const hoursTenths = hoursInTenths(input.hours);
    if (hoursTenths === undefined)
      throw badUserInput("input.hours", `应为 0.1 至 ${maximumSessionHoursTenths / 10} 学时, 精确到 0.1, 填写的是 ${input.hours}`);
    const trainedOn = requireLocalDate("input.trainedOn", input.trainedOn);
    requireNotFuture("input.trainedOn", trainedOn, clock());
    const provider = requireText("input.provider", input.provider, 200);
    return db.transaction(async (manager) => {
      const enterprise = await requireInsuredEnterprise(manager, "input.creditCode", input.creditCode);
      const record = Object.assign(new TrainingRecord(), {
        id: `TR-${randomUUID()}`,
        pid: pseudonymise(normalized),
        creditCode: enterprise.creditCode,
        post: input.post,
        mode: input.mode,
        practical: input.practical,
        hoursTenths,
        trainedOn,
        provider,
      });
      await manager.insert(TrainingRecord, record);
      return record;
    });
  }
}
