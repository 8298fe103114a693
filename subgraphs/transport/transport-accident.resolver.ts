import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAccidentId, requireIdNumber } from "../../kernel/validate";
import { AccidentReference } from "./accident.entity";
import { DriverQualification } from "./driver-qualification.entity";
import { PersonReference } from "./person.entity";
import { TransportAccident } from "./transport-accident.entity";
import { requirePlateNumber } from "./transport.rules";
import { Vehicle } from "./vehicle.entity";

@ArgsType()
class TransportAccidentFilter extends PageArgs {
  @Field(() => String, { nullable: true })
  accidentId?: string;
}

@InputType({ description: "Links an accident recorded by emergency management to a registered vehicle and its driver" })
class LinkTransportAccidentInput {
  @Field(() => String, { description: "Emergency management's accident number, AC-YYYY-NNNNNN" })
  accidentId: string;

  @Field(() => String, { description: "A vehicle registered with transport" })
  plateNumber: string;

  @Field(() => String, { description: "The driver's 公民身份号码; stored only as the pseudonymous pid" })
  driverIdNumber: string;
}

const TransportAccidentConnection = Connection(TransportAccident);

@Resolver(() => TransportAccident)
export class TransportAccidentResolver {
  @Query(() => TransportAccidentConnection)
  transportAccidents(@Args(() => TransportAccidentFilter) filter: TransportAccidentFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(TransportAccident).createQueryBuilder("link");
    if (filter.accidentId) query.andWhere("link.accidentId = :accidentId", { accidentId: filter.accidentId });
    return paginate(query, "id", filter);
  }

  @Mutation(() => TransportAccident)
  async linkTransportAccident(
    @Arg("input", () => LinkTransportAccidentInput) input: LinkTransportAccidentInput,
    @Ctx() { identity, db, pseudonymise, clock }: SubgraphContext,
  ): Promise<TransportAccident> {
    requireOwnDepartment(identity, "transport");
    const accidentId = requireAccidentId("input.accidentId", input.accidentId);
    const plateNumber = requirePlateNumber("input.plateNumber", input.plateNumber);
    const { normalized } = requireIdNumber("input.driverIdNumber", input.driverIdNumber, clock());
    const id = `${accidentId}/${plateNumber}`;
    return db.transaction(async (manager) => {
      if (!(await manager.getRepository(Vehicle).existsBy({ plateNumber })))
        throw badUserInput("input.plateNumber", `${plateNumber} 不是已登记的车辆`);
      const repository = manager.getRepository(TransportAccident);
      if (await repository.existsBy({ id })) throw badUserInput("input.plateNumber", `${plateNumber} 已关联事故 ${accidentId}`);
      await repository.insert({ id, accidentId, plateNumber, driverPid: pseudonymise(normalized) });
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => AccidentReference)
  accident(@Root() link: TransportAccident): AccidentReference {
    return { id: link.accidentId };
  }

  @FieldResolver(() => Vehicle)
  async vehicle(@Root() link: TransportAccident, @Ctx() { loaders }: SubgraphContext): Promise<Vehicle> {
    const vehicle = await loaders.one(Vehicle, "plateNumber").load(link.plateNumber);
    if (!vehicle) throw new Error(`transport accident ${link.id} points at missing vehicle ${link.plateNumber}`);
    return vehicle;
  }

  @FieldResolver(() => PersonReference)
  driver(@Root() link: TransportAccident): PersonReference {
    return { pid: link.driverPid };
  }

  @FieldResolver(() => [DriverQualification], { description: "The driver's qualification certificates on record" })
  driverQualifications(@Root() link: TransportAccident, @Ctx() { loaders }: SubgraphContext): Promise<DriverQualification[]> {
    return loaders.many(DriverQualification, "pid").load(link.driverPid);
  }
}
