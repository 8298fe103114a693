import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { Vehicle, VehicleClass } from "./vehicle.entity";

/** 鲁C is Zibo's plate prefix; letters exclude I and O as on real plates. */
const plateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

/** 交通's share of the synthetic city: fleets of road transport operators and chemical shippers. */
export function transportDemo(city: City): DemoRows {
  const faker = city.random("transport");
  const vehicles = new Map<string, Vehicle>();
  for (const enterprise of city.enterprises) {
    const roadTransport = enterprise.industryCode === "54";
    const chemical = enterprise.industryCode === "26";
    if (!roadTransport && !chemical) continue;
    const fleet = roadTransport ? faker.number.int({ min: 3, max: 30 }) : faker.number.int({ min: 0, max: 4 });
    for (let index = 0; index < fleet; index++) {
      const plateNumber = `鲁C${faker.string.fromCharacters(plateLetters, 1)}${faker.string.numeric(4)}`;
      vehicles.set(plateNumber, {
        plateNumber,
        creditCode: enterprise.creditCode,
        vehicleClass: chemical ? VehicleClass.HAZARDOUS_GOODS : faker.helpers.arrayElement([VehicleClass.FREIGHT, VehicleClass.FREIGHT, VehicleClass.PASSENGER]),
        transportCertificateNo: `370300${faker.string.numeric(6)}`,
        certificateValidUntil: faker.date.between({ from: "2025-01-01", to: "2029-12-31" }).toISOString().slice(0, 10),
      });
    }
  }
  return [demoRows(Vehicle, [...vehicles.values()])];
}
