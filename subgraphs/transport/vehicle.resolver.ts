import { chinaToday } from "../../kernel/calendar";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { badUserInput } from "../../kernel/errors";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireCreditCode, requireLocalDate } from "../../kernel/validate";
import { Enterprise } from "./enterprise.entity";
import { OperatingLicence } from "./operating-licence.entity";
import { TransportAccident } from "./transport-accident.entity";
import { requirePlateNumber, requireTransportCertificateNo } from "./transport.rules";
import { Vehicle, VehicleClass } from "./vehicle.entity";

@ArgsType()
class VehicleFilter extends PageArgs {
  @Field(() => VehicleClass, { nullable: true })
  vehicleClass?: VehicleClass;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: only vehicles whose road transport certificate ends before this day" })
  certificateExpiringBefore?: string;
}

@InputType({ description: "A vehicle to put on an operator's road transport certificate" })
class RegisterVehicleInput {
  @Field(() => String, { description: "鲁C and 5 characters" })
  plateNumber: string;

  @Field(() => String, { description: "The operator's 统一社会信用代码; it must hold a licence covering the vehicle class" })
  creditCode: string;

  @Field(() => VehicleClass)
  vehicleClass: VehicleClass;

  @Field(() => String, { description: "道路运输证号, 12 digits" })
  transportCertificateNo: string;

  @Field(() => String, { description: "YYYY-MM-DD, not before today" })
  certificateValidUntil: string;
}

const VehicleConnection = Connection(Vehicle);

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Query(() => VehicleConnection)
  vehicles(@Args(() => VehicleFilter) filter: VehicleFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Vehicle).createQueryBuilder("vehicle");
    if (filter.vehicleClass) query.andWhere("vehicle.vehicleClass = :vehicleClass", { vehicleClass: filter.vehicleClass });
    if (filter.certificateExpiringBefore) {
      query.andWhere("vehicle.certificateValidUntil < :expiringBefore", {
        expiringBefore: requireLocalDate("certificateExpiringBefore", filter.certificateExpiringBefore),
      });
    }
    return paginate(query, "plateNumber", filter);
  }

  @Mutation(() => Vehicle, { description: "Registers a vehicle of a licensed operator (道路运输证)" })
  async registerVehicle(
    @Arg("input", () => RegisterVehicleInput) input: RegisterVehicleInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<Vehicle> {
    const today = chinaToday(clock());
    requireOwnDepartment(identity, "transport");
    const plateNumber = requirePlateNumber("input.plateNumber", input.plateNumber);
    const { creditCode } = requireCreditCode("input.creditCode", input.creditCode);
    const transportCertificateNo = requireTransportCertificateNo("input.transportCertificateNo", input.transportCertificateNo);
    const certificateValidUntil = requireLocalDate("input.certificateValidUntil", input.certificateValidUntil);
    if (certificateValidUntil < today) throw badUserInput("input.certificateValidUntil", `不能早于今天 (${today})`);
    return db.transaction(async (manager) => {
      if (await manager.getRepository(Vehicle).existsBy({ plateNumber })) throw badUserInput("input.plateNumber", `${plateNumber} 已登记`);
      const licence = await manager.getRepository(OperatingLicence).findOneBy({ creditCode });
      if (!licence) throw badUserInput("input.creditCode", `${creditCode} 没有道路运输经营许可证`);
      if (licence.validUntil < today)
        throw badUserInput("input.creditCode", `${creditCode} 的道路运输经营许可证已于 ${licence.validUntil} 到期`);
      if (!licence.scopes.includes(input.vehicleClass)) {
        throw badUserInput("input.vehicleClass", `${input.vehicleClass} 超出经营者的许可经营范围 (${licence.scopes.join("、")})`);
      }
      const vehicle = Object.assign(new Vehicle(), {
        plateNumber,
        creditCode,
        vehicleClass: input.vehicleClass,
        transportCertificateNo,
        certificateValidUntil,
      });
      await manager.getRepository(Vehicle).insert(vehicle);
      return manager.getRepository(Vehicle).findOneByOrFail({ plateNumber });
    });
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The operator; null while 人社 is unreachable" })
  operator(@Root() vehicle: Vehicle): Enterprise {
    return { creditCode: vehicle.creditCode };
  }

  @FieldResolver(() => [TransportAccident], { description: "Accidents this vehicle was involved in" })
  accidents(@Root() vehicle: Vehicle, @Ctx() { loaders }: SubgraphContext): Promise<TransportAccident[]> {
    return loaders.many(TransportAccident, "plateNumber").load(vehicle.plateNumber);
  }
}
