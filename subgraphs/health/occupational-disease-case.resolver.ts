import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireIdNumber, requireIndustryCode, requireLocalDate, requireOrder } from "../../kernel/validate";
import { chinaToday } from "../../kernel/calendar";
import { catalogueOn, diseaseCatalogues, findDisease } from "./disease-catalogue";
import { Enterprise } from "./enterprise.entity";
import { isDiagnosisReportedLate } from "./health.rules";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";
import { Person } from "./person.entity";

@ArgsType()
class OccupationalDiseaseCaseFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "Catalogue category code, e.g. 1 for pneumoconiosis and respiratory" })
  categoryCode?: string;
}

@InputType({ description: "A diagnosis as the diagnosing institution reports it (卫健委令第6号 第三十二条)" })
class RecordDiagnosisInput {
  @Field(() => String, { description: "The worker's 身份证号; stored only as its pseudonym" })
  idNumber: string;

  @Field(() => String, { description: "The employer's credit code" })
  creditCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      "GB/T 4754 industry of the employer as the report card states it (行业), e.g. 30 or C3011; needed to count the case by industry",
  })
  industryCode?: string | null;

  @Field(() => String, { description: "Disease code in the catalogue in force on diagnosedOn, e.g. 5.19" })
  diseaseCode: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  diagnosedOn: string;

  @Field(() => String, { description: "YYYY-MM-DD: filed in the surveillance system" })
  reportedOn: string;

  @Field(() => String, { description: "The diagnosing institution, at most 100 characters" })
  institution: string;
}

const maxInstitutionLength = 100;
const firstCatalogueDate = diseaseCatalogues[0].effectiveFrom;

const OccupationalDiseaseCaseConnection = Connection(OccupationalDiseaseCase);

@Resolver(() => OccupationalDiseaseCase)
export class OccupationalDiseaseCaseResolver {
  @Query(() => OccupationalDiseaseCaseConnection)
  occupationalDiseaseCases(
    @Args(() => OccupationalDiseaseCaseFilter) filter: OccupationalDiseaseCaseFilter,
    @Ctx() { db }: SubgraphContext,
  ) {
    const query = db.getRepository(OccupationalDiseaseCase).createQueryBuilder("diagnosis");
    if (filter.categoryCode) query.andWhere("diagnosis.categoryCode = :category", { category: filter.categoryCode });
    return paginate(query, "id", filter);
  }

  @Mutation(() => OccupationalDiseaseCase, {
    description: "Records a diagnosed case, coded in the catalogue in force on its diagnosis date",
  })
  async recordDiagnosis(
    @Arg("input", () => RecordDiagnosisInput) input: RecordDiagnosisInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<OccupationalDiseaseCase> {
    requireOwnDepartment(identity, "health");
    const { normalized } = requireIdNumber("input.idNumber", input.idNumber, clock());
    const { creditCode, needsReview } = requireCreditCode("input.creditCode", input.creditCode);
    const diagnosedOn = requireLocalDate("input.diagnosedOn", input.diagnosedOn);
    if (diagnosedOn < firstCatalogueDate)
      throw badUserInput("input.diagnosedOn", `早于第一部职业病分类和目录的施行日期 ${firstCatalogueDate}`);
    if (diagnosedOn > chinaToday(clock())) throw badUserInput("input.diagnosedOn", `不能晚于今天 (${chinaToday(clock())})`);
    const reportedOn = requireLocalDate("input.reportedOn", input.reportedOn);
    requireOrder("input.reportedOn", diagnosedOn, reportedOn, "input.diagnosedOn");
    if (reportedOn > chinaToday(clock())) throw badUserInput("input.reportedOn", `不能晚于今天 (${chinaToday(clock())})`);
    const catalogue = catalogueOn(diagnosedOn);
    const found = findDisease(catalogue, input.diseaseCode.trim());
    if (!found) {
      throw badUserInput(
        "input.diseaseCode",
        `${JSON.stringify(input.diseaseCode)} 不在诊断日期 ${diagnosedOn} 施行的 ${catalogue.version} 年版职业病分类和目录中`,
      );
    }
    const institution = input.institution.trim();
    if (institution.length === 0) throw badUserInput("input.institution", "不能为空");
    if ([...institution].length > maxInstitutionLength) throw badUserInput("input.institution", `最多 ${maxInstitutionLength} 个字符`);
    const diagnosis = Object.assign(new OccupationalDiseaseCase(), {
      id: `OD-${diagnosedOn.slice(0, 4)}-${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      pid: pseudonymise(normalized),
      creditCode,
      creditCodeNeedsReview: needsReview,
      industryCode: input.industryCode ? requireIndustryCode("input.industryCode", input.industryCode).digits : null,
      catalogueVersion: catalogue.version,
      categoryCode: found.category.code,
      categoryName: found.category.name,
      diseaseCode: found.disease.code,
      diseaseName: found.disease.name,
      diagnosedOn,
      reportedOn,
      institution,
    });
    await db.transaction((manager) => manager.insert(OccupationalDiseaseCase, diagnosis));
    return diagnosis;
  }

  @FieldResolver(() => Boolean, { description: "Filed more than 15 days after diagnosis (卫健委令第6号 第三十二条)" })
  reportedLate(@Root() diagnosis: OccupationalDiseaseCase): boolean {
    return isDiagnosisReportedLate(diagnosis);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  person(@Root() diagnosis: OccupationalDiseaseCase): Person {
    return { pid: diagnosis.pid };
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: "Resolved by its owning department; null while that department is unreachable",
  })
  enterprise(@Root() diagnosis: OccupationalDiseaseCase): Enterprise {
    return { creditCode: diagnosis.creditCode };
  }
}
