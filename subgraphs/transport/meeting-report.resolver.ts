import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { countOf, type RawCount } from "../../kernel/buckets";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireReportScope } from "../../kernel/validate";
import { MeetingReport } from "./meeting-report.entity";
import { OperatingLicence } from "./operating-licence.entity";
import { Vehicle, VehicleClass } from "./vehicle.entity";

@ObjectType()
class VehicleClassCount {
  @Field(() => VehicleClass)
  vehicleClass: VehicleClass;

  @Field(() => Int, { description: "营运车辆数 (现有登记)" })
  vehicles: number;

  @Field(() => Int, { description: "其中道路运输证有效期在本期内届满的" })
  certificatesExpiring: number;
}

@ObjectType({
  description:
    "交通's section: road transport operators of the region, as transport's register stands when read, and what of it falls due in the period. " +
    "按经营者登记地统计: 经营者统一社会信用代码第3至8位属于本地区的, 其营运车辆和道路运输经营许可计入本地区 (不按车籍或运输线路)",
})
class TransportStatistics {
  @Field(() => Int, { description: "持有道路运输经营许可证的经营者 (现有登记)" })
  licensedOperators: number;

  @Field(() => Int, { description: "其中经营许可证有效期在本期内届满的" })
  licencesExpiring: number;

  @Field(() => Int, { description: "营运车辆 (现有登记)" })
  vehicles: number;

  @Field(() => Int, { description: "其中道路运输证有效期在本期内届满的" })
  certificatesExpiring: number;

  @Field(() => [VehicleClassCount], { description: "By class, 普通货运, 旅客运输, 危险货物运输; a class with no vehicle is left out" })
  byVehicleClass: VehicleClassCount[];
}

/** `CASE` counting the rows whose `column` (a date) falls in the period. */
const inPeriod = (column: string) => `SUM(CASE WHEN ${column} >= :from AND ${column} < :until THEN 1 ELSE 0 END)`;

@Resolver(() => MeetingReport)
export class MeetingReportResolver {
  @FieldResolver(() => TransportStatistics, { nullable: true })
  async transportStatistics(@Root() report: MeetingReport, @Ctx() { db, clock }: SubgraphContext): Promise<TransportStatistics> {
    const scope = requireReportScope(report.regionCode, report.period, clock());
    const classes = await db
      .getRepository(Vehicle)
      .createQueryBuilder("vehicle")
      .select("vehicle.vehicleClass", "vehicleClass")
      .addSelect("COUNT(*)", "vehicles")
      .addSelect(inPeriod("vehicle.certificateValidUntil"), "certificatesExpiring")
      .where("vehicle.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .setParameters({ from: scope.from, until: scope.until })
      .groupBy("vehicle.vehicleClass")
      .getRawMany<{ vehicleClass: VehicleClass; vehicles: RawCount; certificatesExpiring: RawCount }>();
    const licences = await db
      .getRepository(OperatingLicence)
      .createQueryBuilder("licence")
      .select("COUNT(*)", "licensedOperators")
      .addSelect(inPeriod("licence.validUntil"), "licencesExpiring")
      .where("licence.employerRegionCode LIKE :pattern", { pattern: scope.regionPattern })
      .setParameters({ from: scope.from, until: scope.until })
      .getRawOne<{ licensedOperators: RawCount; licencesExpiring: RawCount }>();
    const byVehicleClass = Object.values(VehicleClass)
      .map((vehicleClass) => {
        const row = classes.find((candidate) => candidate.vehicleClass === vehicleClass);
        return { vehicleClass, vehicles: countOf(row?.vehicles), certificatesExpiring: countOf(row?.certificatesExpiring) };
      })
      .filter((row) => row.vehicles > 0);
    return {
      licensedOperators: countOf(licences?.licensedOperators),
      licencesExpiring: countOf(licences?.licencesExpiring),
      vehicles: byVehicleClass.reduce((sum, row) => sum + row.vehicles, 0),
      certificatesExpiring: byVehicleClass.reduce((sum, row) => sum + row.certificatesExpiring, 0),
      byVehicleClass,
    };
  }
}
