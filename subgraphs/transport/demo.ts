import type { Faker } from "@faker-js/faker";
import { demoRows, type DemoRows } from "../../kernel/seeding";
import type { City } from "../../synthetic/city";
import { DriverQualification, DriverQualificationCategory } from "./driver-qualification.entity";
import { OperatingLicence } from "./operating-licence.entity";
import { TransportAccident } from "./transport-accident.entity";
import { latestValidUntil, qualificationRuleOn } from "./transport.rules";
import { Vehicle, VehicleClass } from "./vehicle.entity";

/** 鲁C is Zibo's plate prefix; letters exclude I and O as on real plates. */
const plateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

/** 交通's share of the synthetic city: fleets, operators' licences, drivers' certificates, road accidents. */
export function transportDemo(city: City): DemoRows {
  const vehicles = fleets(city);
  const licences = operatingLicences(city, vehicles);
  const qualifications = driverQualifications(city, licences);
  return [
    demoRows(Vehicle, vehicles),
    demoRows(OperatingLicence, licences),
    demoRows(DriverQualification, qualifications),
    demoRows(TransportAccident, transportAccidents(city, vehicles, qualifications)),
  ];
}

/** Fleets of road transport operators and chemical shippers. */
function fleets(city: City): Vehicle[] {
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
        vehicleClass: chemical
          ? VehicleClass.HAZARDOUS_GOODS
          : faker.helpers.arrayElement([VehicleClass.FREIGHT, VehicleClass.FREIGHT, VehicleClass.PASSENGER]),
        transportCertificateNo: `370300${faker.string.numeric(6)}`,
        certificateValidUntil: faker.date.between({ from: "2025-01-01", to: "2029-12-31" }).toISOString().slice(0, 10),
      });
    }
  }
  return [...vehicles.values()];
}

const classOrder = Object.values(VehicleClass);

/** One licence per operator with vehicles, covering the classes it runs; about one in six has lapsed. */
function operatingLicences(city: City, vehicles: Vehicle[]): OperatingLicence[] {
  const faker = city.random("transport-operators");
  const scopes = new Map<string, Set<VehicleClass>>();
  for (const vehicle of vehicles) scopes.set(vehicle.creditCode, (scopes.get(vehicle.creditCode) ?? new Set()).add(vehicle.vehicleClass));
  return [...scopes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([creditCode, classes]) => ({
      licenceNo: `鲁交运管许可淄字${creditCode.slice(2, 8)}${faker.string.numeric(6)}号`,
      creditCode,
      scopes: classOrder.filter((vehicleClass) => classes.has(vehicleClass)),
      validUntil: faker.date.between({ from: "2026-01-01", to: "2030-12-31" }).toISOString().slice(0, 10),
      version: 1,
    }));
}

const categoriesByScope: Record<VehicleClass, DriverQualificationCategory[]> = {
  [VehicleClass.FREIGHT]: [DriverQualificationCategory.FREIGHT_DRIVER],
  [VehicleClass.PASSENGER]: [DriverQualificationCategory.PASSENGER_DRIVER],
  [VehicleClass.HAZARDOUS_GOODS]: [DriverQualificationCategory.HAZARDOUS_GOODS_DRIVER, DriverQualificationCategory.HAZARDOUS_GOODS_ESCORT],
};

/** Most operators' staff hold a certificate for a scope of their employer, issued in the last six years. */
function driverQualifications(city: City, licences: OperatingLicence[]): DriverQualification[] {
  const faker = city.random("transport-drivers");
  const scopesOf = new Map(licences.map((licence) => [licence.creditCode, licence.scopes]));
  const qualifications = new Map<string, DriverQualification>();
  for (const person of city.persons) {
    const scopes = scopesOf.get(person.employerCreditCode);
    if (!scopes || faker.number.float() >= 0.7) continue;
    const category = faker.helpers.arrayElement(scopes.flatMap((scope) => categoriesByScope[scope]));
    const issuedOn = faker.date
      .between({ from: `${city.years[1] - 5}-01-01`, to: `${city.years[1]}-12-31` })
      .toISOString()
      .slice(0, 10);
    const id = `DQ-${person.pid}-${category}`;
    qualifications.set(id, {
      id,
      pid: person.pid,
      category,
      issuedOn,
      validUntil: latestValidUntil(issuedOn, qualificationRuleOn(issuedOn)!),
      violationPoints: violationPoints(faker),
    });
  }
  return [...qualifications.values()];
}

function violationPoints(faker: Faker): number {
  return faker.helpers.weightedArrayElement([
    { value: 0, weight: 7 },
    { value: faker.number.int({ min: 1, max: 6 }), weight: 2 },
    { value: faker.number.int({ min: 7, max: 20 }), weight: 1 },
  ]);
}

/** Vehicle-injury accidents (GB 6441 02) at operators: one of its vehicles, driven by one of its staff. */
function transportAccidents(city: City, vehicles: Vehicle[], qualifications: DriverQualification[]): TransportAccident[] {
  const faker = city.random("transport-accidents");
  const qualified = new Set(qualifications.map((qualification) => qualification.pid));
  const fleets = groupBy(vehicles, (vehicle) => vehicle.creditCode);
  const staffs = groupBy(city.persons, (person) => person.employerCreditCode);
  const links: TransportAccident[] = [];
  for (const accident of city.accidents) {
    if (accident.category !== "02") continue;
    const fleet = fleets.get(accident.creditCode) ?? [];
    const staff = staffs.get(accident.creditCode) ?? [];
    if (!fleet.length || !staff.length) continue;
    const drivers = staff.filter((person) => qualified.has(person.pid));
    const vehicle = faker.helpers.arrayElement(fleet);
    const driver = faker.helpers.arrayElement(drivers.length && faker.number.float() < 0.9 ? drivers : staff);
    links.push({
      id: `${accident.id}/${vehicle.plateNumber}`,
      accidentId: accident.id,
      plateNumber: vehicle.plateNumber,
      driverPid: driver.pid,
    });
  }
  return links;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
