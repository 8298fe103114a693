import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { Vehicle, VehicleClass } from "./vehicle.entity";

@ArgsType()
class VehicleFilter extends PageArgs {
  @Field(() => VehicleClass, { nullable: true })
  vehicleClass?: VehicleClass;
}

const VehicleConnection = Connection(Vehicle);

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Query(() => VehicleConnection)
  vehicles(@Args(() => VehicleFilter) filter: VehicleFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(Vehicle).createQueryBuilder("vehicle");
    if (filter.vehicleClass) query.andWhere("vehicle.vehicleClass = :vehicleClass", { vehicleClass: filter.vehicleClass });
    return paginate(query, "plateNumber", filter);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The operator; null while 人社 is unreachable" })
  operator(@Root() vehicle: Vehicle): Enterprise {
    return { creditCode: vehicle.creditCode };
  }
}
