import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";
import { OperatingLicence } from "./operating-licence.entity";
import { Vehicle } from "./vehicle.entity";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [Vehicle], { nullable: true, description: "Vehicles this operator runs under a road transport certificate" })
  vehicles(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<Vehicle[]> {
    return loaders.many(Vehicle, "creditCode").load(enterprise.creditCode);
  }

  @FieldResolver(() => OperatingLicence, {
    nullable: true,
    description: "The road transport operating licence (经营许可证), if the enterprise holds one",
  })
  operatingLicence(@Root() enterprise: Enterprise, @Ctx() { loaders }: SubgraphContext): Promise<OperatingLicence | null> {
    return loaders.one(OperatingLicence, "creditCode").load(enterprise.creditCode);
  }
}
