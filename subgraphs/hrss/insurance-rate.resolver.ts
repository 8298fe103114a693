import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate, requireRange, requireText } from "../../kernel/validate";
import { chinaToday } from "../../kernel/calendar";
import { Enterprise } from "./enterprise.entity";
import { requireInsuredEnterprise, requirePoolingArea } from "./inputs";
import { BaseRate, FloatFactor, RateChange } from "./insurance-rate.entity";
import { allowedFloatFactors, maximumBaseRateBasisPoints, poolingAreaOf, rateHistory, rateOn, type RateAt } from "./insurance-rates.rules";

@ArgsType()
class BaseRateFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "统筹地区 code" })
  poolingAreaCode?: string;

  @Field(() => Int, { nullable: true })
  riskClass?: number;
}

@ArgsType()
class FloatFactorFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  creditCode?: string;
}

@InputType()
class SetBaseRateInput {
  @Field(() => String, { description: "统筹地区, prefecture-level GB/T 2260 code" })
  poolingAreaCode: string;

  @Field(() => Int)
  riskClass: number;

  @Field(() => Int, { description: "Basis points of 工资总额 (20 = 0.20%)" })
  basisPoints: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  effectiveFrom: string;

  @Field(() => String, { description: "The document that sets it" })
  document: string;
}

@InputType()
class SetFloatFactorInput {
  @Field(() => String)
  creditCode: string;

  @Field(() => Int, { description: "Factor in percent: 100, 120 or 150 for class 1; 50, 80, 100, 120 or 150 for classes 2 to 8" })
  factorPercent: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  effectiveFrom: string;
}

const BaseRateConnection = Connection(BaseRate);
const FloatFactorConnection = Connection(FloatFactor);

@Resolver()
export class InsuranceRateResolver {
  @Query(() => BaseRate, { nullable: true })
  baseRate(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<BaseRate | null> {
    return loaders.one(BaseRate, "id").load(id);
  }

  @Query(() => BaseRateConnection, { description: "Base rates per pooling area and class, in id order" })
  baseRates(@Args(() => BaseRateFilter) filter: BaseRateFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(BaseRate).createQueryBuilder("rate");
    if (filter.poolingAreaCode) query.andWhere("rate.poolingAreaCode = :area", { area: filter.poolingAreaCode });
    if (filter.riskClass) query.andWhere("rate.riskClass = :riskClass", { riskClass: filter.riskClass });
    return paginate(query, "id", filter);
  }

  @Query(() => FloatFactor, { nullable: true })
  floatFactor(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<FloatFactor | null> {
    return loaders.one(FloatFactor, "id").load(id);
  }

  @Query(() => FloatFactorConnection, { description: "Employers' float factors, in id order" })
  floatFactors(@Args(() => FloatFactorFilter) filter: FloatFactorFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(FloatFactor).createQueryBuilder("factor");
    if (filter.creditCode)
      query.andWhere("factor.creditCode = :creditCode", { creditCode: requireCreditCode("creditCode", filter.creditCode).creditCode });
    return paginate(query, "id", filter);
  }

  @Mutation(() => BaseRate, { description: "Sets a pooling area's base rate for a class from a date" })
  async setBaseRate(
    @Arg("input", () => SetBaseRateInput) input: SetBaseRateInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<BaseRate> {
    requireOwnDepartment(identity, "hrss");
    const poolingAreaCode = requirePoolingArea("input.poolingAreaCode", input.poolingAreaCode);
    const riskClass = requireRange("input.riskClass", input.riskClass, 1, 8);
    const effectiveFrom = requireLocalDate("input.effectiveFrom", input.effectiveFrom);
    const rate: BaseRate = {
      id: `${poolingAreaCode}-${riskClass}-${effectiveFrom}`,
      poolingAreaCode,
      riskClass,
      basisPoints: requireRange("input.basisPoints", input.basisPoints, 1, maximumBaseRateBasisPoints),
      effectiveFrom,
      document: requireText("input.document", input.document, 200),
    };
    return db.transaction(async (manager) => {
      if (await manager.existsBy(BaseRate, { id: rate.id })) {
        throw badUserInput("input.effectiveFrom", `${poolingAreaCode} 已有自 ${effectiveFrom} 起的第 ${riskClass} 类基准费率`);
      }
      await manager.insert(BaseRate, rate);
      return rate;
    });
  }

  @Mutation(() => FloatFactor, { description: "Sets an employer's float factor from a date (人社部发〔2015〕71号)" })
  async setFloatFactor(
    @Arg("input", () => SetFloatFactorInput) input: SetFloatFactorInput,
    @Ctx() { identity, db }: SubgraphContext,
  ): Promise<FloatFactor> {
    requireOwnDepartment(identity, "hrss");
    const effectiveFrom = requireLocalDate("input.effectiveFrom", input.effectiveFrom);
    return db.transaction(async (manager) => {
      const enterprise = await requireInsuredEnterprise(manager, "input.creditCode", input.creditCode);
      if (enterprise.riskClass === null) throw badUserInput("input.creditCode", `${enterprise.creditCode} 没有风险类别, 不适用浮动费率`);
      const allowed = allowedFloatFactors(enterprise.riskClass, effectiveFrom);
      if (allowed.length === 0) throw badUserInput("input.effectiveFrom", `${effectiveFrom} 没有施行中的浮动费率规定`);
      if (!allowed.includes(input.factorPercent)) {
        throw badUserInput(
          "input.factorPercent",
          `第 ${enterprise.riskClass} 类行业的浮动比例应为 ${allowed.join("、")} 之一, 填写的是 ${input.factorPercent}`,
        );
      }
      const factor: FloatFactor = {
        id: `${enterprise.creditCode}-${effectiveFrom}`,
        creditCode: enterprise.creditCode,
        factorPercent: input.factorPercent,
        effectiveFrom,
      };
      if (await manager.existsBy(FloatFactor, { id: factor.id })) {
        throw badUserInput("input.effectiveFrom", `${enterprise.creditCode} 已有自 ${effectiveFrom} 起的浮动费率`);
      }
      await manager.insert(FloatFactor, factor);
      return factor;
    });
  }
}

/** The rates on the shared enterprise record: the base from the pooling area, the factor from the employer's history. */
@Resolver(() => Enterprise)
export class EnterpriseRateResolver {
  private async history(enterprise: Enterprise, { loaders }: SubgraphContext) {
    if (enterprise.riskClass === null) return { baseRates: [], factors: [] };
    const [areaRates, factors] = await Promise.all([
      loaders.many(BaseRate, "poolingAreaCode").load(poolingAreaOf(enterprise.regionCode)),
      loaders.many(FloatFactor, "creditCode").load(enterprise.creditCode),
    ]);
    return { baseRates: areaRates.filter((rate) => rate.riskClass === enterprise.riskClass), factors };
  }

  private async current(enterprise: Enterprise, context: SubgraphContext): Promise<RateAt | undefined> {
    const { baseRates, factors } = await this.history(enterprise, context);
    return rateOn(baseRates, factors, chinaToday(context.clock()));
  }

  @FieldResolver(() => Int, { nullable: true, description: "基准费率 of the pooling area for this employer's class today, basis points" })
  async baseRateBasisPoints(@Root() enterprise: Enterprise, @Ctx() context: SubgraphContext): Promise<number | null> {
    return (await this.current(enterprise, context))?.baseRateBasisPoints ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Float factor in force today, percent (100 until the first float)" })
  async floatFactorPercent(@Root() enterprise: Enterprise, @Ctx() context: SubgraphContext): Promise<number | null> {
    return (await this.current(enterprise, context))?.floatFactorPercent ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Contribution rate today: base × factor, basis points" })
  async contributionRateBasisPoints(@Root() enterprise: Enterprise, @Ctx() context: SubgraphContext): Promise<number | null> {
    return (await this.current(enterprise, context))?.contributionRateBasisPoints ?? null;
  }

  @FieldResolver(() => [RateChange], {
    nullable: true,
    description: "Every change of base rate or float factor, oldest first, scheduled ones included",
  })
  async rateHistory(@Root() enterprise: Enterprise, @Ctx() context: SubgraphContext): Promise<RateChange[]> {
    const { baseRates, factors } = await this.history(enterprise, context);
    return rateHistory(baseRates, factors);
  }
}
