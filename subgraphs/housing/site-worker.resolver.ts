import { randomUUID } from "node:crypto";
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, Resolver, Root } from "type-graphql";
import { IsNull } from "typeorm";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireIdNumber, requireLocalDate, requireNotFuture, requireOrder } from "../../kernel/validate";
import { ConstructionProject } from "./construction-project.entity";
import { ageOn, constructionTrades, minimumAgeOn, requireTrade } from "./housing.rules";
import { Person } from "./person.entity";
import { SiteWorkerRegistration } from "./site-worker.entity";

@InputType({ description: "A worker entering a construction site (实名制登记)" })
class RegisterSiteWorkerInput {
  @Field(() => String, { description: "公民身份号码; stored only as the pseudonymous pid" })
  idNumber: string;

  @Field(() => String, { description: "施工许可证编号 of a registered project" })
  projectPermitNo: string;

  @Field(() => String, { description: "工种 code of the trade catalogue" })
  trade: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before the permit and not in the future" })
  enteredOn: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, not before enteredOn; omitted while on site" })
  leftOn?: string;
}

@Resolver(() => SiteWorkerRegistration)
export class SiteWorkerResolver {
  @Mutation(() => SiteWorkerRegistration)
  async registerSiteWorker(
    @Arg("input", () => RegisterSiteWorkerInput) input: RegisterSiteWorkerInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<SiteWorkerRegistration> {
    requireOwnDepartment(identity, "housing");
    const { normalized, birthDate } = requireIdNumber("input.idNumber", input.idNumber, clock());
    const trade = requireTrade("input.trade", input.trade);
    const enteredOn = requireLocalDate("input.enteredOn", input.enteredOn);
    requireNotFuture("input.enteredOn", enteredOn, clock());
    const leftOn = input.leftOn === undefined || input.leftOn === null ? null : requireLocalDate("input.leftOn", input.leftOn);
    if (leftOn) {
      requireOrder("input.leftOn", enteredOn, leftOn, "input.enteredOn");
      requireNotFuture("input.leftOn", leftOn, clock());
    }
    const minimumAge = minimumAgeOn(enteredOn);
    if (minimumAge !== undefined && ageOn(birthDate, enteredOn) < minimumAge) {
      throw badUserInput("input.idNumber", `该工人在进场日期 ${enteredOn} 未满 ${minimumAge} 周岁`);
    }
    const pid = pseudonymise(normalized);
    return db.transaction(async (manager) => {
      const project = await manager.getRepository(ConstructionProject).findOneBy({ permitNo: input.projectPermitNo.trim() });
      if (!project) throw badUserInput("input.projectPermitNo", `没有施工许可证编号为 ${input.projectPermitNo} 的建设工程项目`);
      requireOrder("input.enteredOn", project.permitIssuedOn, enteredOn, "施工许可发证日期");
      const repository = manager.getRepository(SiteWorkerRegistration);
      if (await repository.existsBy({ pid, projectPermitNo: project.permitNo, leftOn: IsNull() })) {
        throw badUserInput("input.idNumber", "该工人已在本工地登记, 请先登记上一次的离场日期");
      }
      const id = `SW-${randomUUID()}`;
      await repository.insert({ id, pid, projectPermitNo: project.permitNo, trade, enteredOn, leftOn });
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => Person, { description: "The worker, by pid" })
  person(@Root() registration: SiteWorkerRegistration): Person {
    return { pid: registration.pid };
  }

  @FieldResolver(() => String, { description: "工种 name" })
  tradeName(@Root() registration: SiteWorkerRegistration): string {
    return constructionTrades[registration.trade];
  }

  @FieldResolver(() => ConstructionProject)
  async project(@Root() registration: SiteWorkerRegistration, @Ctx() { loaders }: SubgraphContext): Promise<ConstructionProject> {
    const project = await loaders.one(ConstructionProject, "permitNo").load(registration.projectPermitNo);
    if (!project) throw new Error(`registration ${registration.id} points at missing project ${registration.projectPermitNo}`);
    return project;
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [SiteWorkerRegistration], { nullable: true, description: "Construction sites this person registered on (实名制)" })
  siteRegistrations(@Root() person: Person, @Ctx() { loaders }: SubgraphContext): Promise<SiteWorkerRegistration[]> {
    return loaders.many(SiteWorkerRegistration, "pid").load(person.pid);
  }
}
