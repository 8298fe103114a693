import { chinaToday } from "../../kernel/calendar";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireIdNumber, requireLocalDate, requireOrder, requireRange } from "../../kernel/validate";
import { DriverQualification, DriverQualificationCategory } from "./driver-qualification.entity";
import { PersonReference } from "./person.entity";
import { latestValidUntil, qualificationRuleOn } from "./transport.rules";

@ArgsType()
class DriverQualificationFilter extends PageArgs {
  @Field(() => DriverQualificationCategory, { nullable: true })
  category?: DriverQualificationCategory;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: only certificates ending before this day" })
  expiringBefore?: string;
}

@InputType({ description: "A 从业资格证 as issued or renewed; replaces the person's earlier certificate of the same category" })
class RecordDriverQualificationInput {
  @Field(() => String, { description: "公民身份号码; stored only as the pseudonymous pid" })
  idNumber: string;

  @Field(() => DriverQualificationCategory)
  category: DriverQualificationCategory;

  @Field(() => String, { description: "YYYY-MM-DD, not in the future" })
  issuedOn: string;

  @Field(() => String, { description: "YYYY-MM-DD, after issuedOn and within the validity the rules allow" })
  validUntil: string;

  @Field(() => Int, { description: "诚信考核 points of the current cycle" })
  violationPoints: number;
}

const DriverQualificationConnection = Connection(DriverQualification);

@Resolver(() => DriverQualification)
export class DriverQualificationResolver {
  @Query(() => DriverQualificationConnection)
  driverQualifications(@Args(() => DriverQualificationFilter) filter: DriverQualificationFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(DriverQualification).createQueryBuilder("qualification");
    if (filter.category) query.andWhere("qualification.category = :category", { category: filter.category });
    if (filter.expiringBefore)
      query.andWhere("qualification.validUntil < :expiringBefore", {
        expiringBefore: requireLocalDate("expiringBefore", filter.expiringBefore),
      });
    return paginate(query, "id", filter);
  }

  @Mutation(() => DriverQualification, { description: "Records a driver's qualification certificate (从业资格证)" })
  async recordDriverQualification(
    @Arg("input", () => RecordDriverQualificationInput) input: RecordDriverQualificationInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<DriverQualification> {
    requireOwnDepartment(identity, "transport");
    const { normalized } = requireIdNumber("input.idNumber", input.idNumber, clock());
    const issuedOn = requireLocalDate("input.issuedOn", input.issuedOn);
    if (issuedOn > chinaToday(clock())) throw badUserInput("input.issuedOn", `不能晚于今天 (${chinaToday(clock())})`);
    const rule = qualificationRuleOn(issuedOn);
    if (!rule) throw badUserInput("input.issuedOn", "早于从业资格证管理规定的施行日期");
    const validUntil = requireLocalDate("input.validUntil", input.validUntil);
    requireOrder("input.validUntil", issuedOn, validUntil, "input.issuedOn");
    const latest = latestValidUntil(issuedOn, rule);
    if (validUntil > latest) throw badUserInput("input.validUntil", `不能晚于 ${latest}: 从业资格证有效期最长 ${rule.validityYears} 年`);
    const violationPoints = requireRange("input.violationPoints", input.violationPoints, 0, rule.maxViolationPoints);
    const pid = pseudonymise(normalized);
    const id = `DQ-${pid}-${input.category}`;
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(DriverQualification);
      await repository.save(
        Object.assign(new DriverQualification(), { id, pid, category: input.category, issuedOn, validUntil, violationPoints }),
      );
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => PersonReference, { description: "The holder, by pid" })
  person(@Root() qualification: DriverQualification): PersonReference {
    return { pid: qualification.pid };
  }
}
