import { chinaToday } from "../kernel/calendar";
import { idNumberCheckCharacter } from "../kernel/identifiers/id-number";
import { personPid } from "../kernel/identifiers/pseudonym";
import { Accident } from "../subgraphs/emergency/accident.entity";
import { DriverQualification, DriverQualificationCategory } from "../subgraphs/transport/driver-qualification.entity";
import { OperatingLicence } from "../subgraphs/transport/operating-licence.entity";
import { TransportAccident } from "../subgraphs/transport/transport-accident.entity";
import { Vehicle, VehicleClass } from "../subgraphs/transport/vehicle.entity";
import { rejectedBy, seeded } from "./support/expected";
import { startFederation, testClock, type Federation } from "./support/federation";

const cursor = (key: string) => Buffer.from(key, "utf8").toString("base64url");
const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : 1;
const today = chinaToday(testClock());
/** A valid ID number born on `birth` (YYYYMMDD) with a given sequence. */
const idNumber = (birth: string, sequence = "123") => {
  const first17 = `370303${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
};
const rejected = rejectedBy("transport");

describe("transport through the gateway", () => {
  let hub: Federation;
  let admin: Record<string, string>;

  beforeAll(async () => {
    hub = await startFederation();
    admin = { authorization: `Bearer ${await hub.keys.token({ agency: "transport", roles: ["admin"] })}` };
  });
  afterAll(() => hub.stop());

  const vehicles = () => seeded(hub.city, "transport", Vehicle);
  const licences = () => seeded(hub.city, "transport", OperatingLicence);
  /** A licence in force whose operator runs freight, and one that has lapsed. */
  const usableLicence = () => licences().find((licence) => licence.validUntil >= today && licence.scopes.includes(VehicleClass.FREIGHT))!;
  const vehicleCount = async () =>
    (await hub.post({ query: "{ vehicles(first: 200) { nodes { plateNumber } } }" }, admin)).body.data.vehicles.nodes.length;

  it("lists vehicles of a class whose certificate ends before a day, in plate order", async () => {
    const expected = vehicles()
      .filter((vehicle) => vehicle.vehicleClass === VehicleClass.FREIGHT && vehicle.certificateValidUntil < "2027-01-01")
      .sort(byKey((vehicle) => vehicle.plateNumber));
    const response = await hub.post(
      {
        query: `{ vehicles(first: 200, vehicleClass: FREIGHT, certificateExpiringBefore: "2027-01-01") { nodes { plateNumber vehicleClass certificateValidUntil } pageInfo { endCursor hasNextPage } } }`,
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          vehicles: {
            nodes: expected.map((vehicle) => ({
              plateNumber: vehicle.plateNumber,
              vehicleClass: vehicle.vehicleClass,
              certificateValidUntil: vehicle.certificateValidUntil,
            })),
            pageInfo: { endCursor: cursor(expected[expected.length - 1].plateNumber), hasNextPage: false },
          },
        },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  it("rejects an impossible day in the vehicle filter", async () => {
    const response = await hub.post({ query: `{ vehicles(certificateExpiringBefore: "2027-02-30") { nodes { plateNumber } } }` }, admin);
    const reason = "2027-02-30 不是真实的日期: 2027 年 2 月只有 28 天, 没有 30 日";

    expect(response).toEqual({
      status: 200,
      body: {
        errors: [
          {
            message: `证件到期日: ${reason}`,
            path: ["vehicles"],
            extensions: { code: "BAD_USER_INPUT", field: "certificateExpiringBefore", reason, serviceName: "transport" },
          },
        ],
        data: null,
      },
    });
  });

  it("adds the operating licence to the enterprise record", async () => {
    const licence = licences()[0];
    const response = await hub.post(
      {
        query: `query($code: String!) { enterprise(creditCode: $code) { creditCode operatingLicence { licenceNo scopes validUntil } } }`,
        variables: { code: licence.creditCode },
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          enterprise: {
            creditCode: licence.creditCode,
            operatingLicence: { licenceNo: licence.licenceNo, scopes: licence.scopes, validUntil: licence.validUntil },
          },
        },
      },
    });
  });

  it("lists driver qualifications of a category with their holder's pid", async () => {
    const expected = seeded(hub.city, "transport", DriverQualification)
      .filter((qualification) => qualification.category === DriverQualificationCategory.HAZARDOUS_GOODS_DRIVER)
      .sort(byKey((qualification) => qualification.id));
    const response = await hub.post(
      {
        query: `{ driverQualifications(first: 200, category: HAZARDOUS_GOODS_DRIVER) { nodes { id category issuedOn validUntil violationPoints person { pid } } pageInfo { hasNextPage } } }`,
      },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          driverQualifications: {
            nodes: expected.map((q) => ({
              id: q.id,
              category: q.category,
              issuedOn: q.issuedOn,
              validUntil: q.validUntil,
              violationPoints: q.violationPoints,
              person: { pid: q.pid },
            })),
            pageInfo: { hasNextPage: false },
          },
        },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
  });

  it("joins road accidents to emergency management's accident record", async () => {
    const links = seeded(hub.city, "transport", TransportAccident).sort(byKey((link) => link.id));
    const accidents = new Map(seeded(hub.city, "emergency", Accident).map((accident) => [accident.id, accident]));
    const response = await hub.post(
      { query: `{ transportAccidents(first: 200) { nodes { id accident { id deaths } vehicle { plateNumber } driver { pid } } } }` },
      admin,
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          transportAccidents: {
            nodes: links.map((link) => ({
              id: link.id,
              accident: { id: link.accidentId, deaths: accidents.get(link.accidentId)!.deaths },
              vehicle: { plateNumber: link.plateNumber },
              driver: { pid: link.driverPid },
            })),
          },
        },
      },
    });
    expect(links.length).toBeGreaterThan(0);
  });

  describe("registerVehicle", () => {
    const mutation = `mutation($input: RegisterVehicleInput!) { registerVehicle(input: $input) { plateNumber vehicleClass transportCertificateNo certificateValidUntil operator { creditCode } } }`;
    const input = () => ({
      plateNumber: "鲁cz9y8x",
      creditCode: usableLicence().creditCode,
      vehicleClass: "FREIGHT",
      transportCertificateNo: "370303000001",
      certificateValidUntil: "2030-06-30",
    });

    it("registers a vehicle of a licensed operator and returns it as stored", async () => {
      const response = await hub.post({ query: mutation, variables: { input: input() } }, admin);

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            registerVehicle: {
              plateNumber: "鲁CZ9Y8X",
              vehicleClass: "FREIGHT",
              transportCertificateNo: "370303000001",
              certificateValidUntil: "2030-06-30",
              operator: { creditCode: usableLicence().creditCode },
            },
          },
        },
      });
    });

    it.each([
      ["a plate of another city", { plateNumber: "鲁A12345" }, "input.plateNumber", '应以本市号牌前缀 鲁C 开头, 填写的是 "鲁A12345"'],
      [
        "a plate of six characters",
        { plateNumber: "鲁C123456" },
        "input.plateNumber",
        '应为 鲁C 加 5 位数字或大写字母 (不含 I、O), 填写的是 "鲁C123456"',
      ],
      ["an invalid credit code", { creditCode: "91370303MA3C1234" }, "input.creditCode", "应为 18 位, 实为 16 位"],
      [
        "a short certificate number",
        { transportCertificateNo: "37030300001" },
        "input.transportCertificateNo",
        '应为 12 位数字, 填写的是 "37030300001"',
      ],
      [
        "an impossible date",
        { certificateValidUntil: "2030-02-30" },
        "input.certificateValidUntil",
        "2030-02-30 不是真实的日期: 2030 年 2 月只有 28 天, 没有 30 日",
      ],
      ["a certificate already ended", { certificateValidUntil: "2020-01-01" }, "input.certificateValidUntil", "不能早于今天 (2026-06-15)"],
    ])("rejects %s and writes nothing", async (_case, change, field, reason) => {
      const before = await vehicleCount();
      const response = await hub.post({ query: mutation, variables: { input: { ...input(), plateNumber: "鲁CW0001", ...change } } }, admin);

      expect(response).toEqual(rejected("registerVehicle", field, reason));
      expect(await vehicleCount()).toBe(before);
    });

    it("rejects a plate already registered, an operator without a licence, a lapsed licence and a class outside its scope", async () => {
      const taken = vehicles()[0].plateNumber;
      const unlicensed = hub.city.enterprises.find(
        (enterprise) => !licences().some((licence) => licence.creditCode === enterprise.creditCode),
      )!.creditCode;
      const lapsed = licences().find((licence) => licence.validUntil < today)!;
      const passengerless = licences().find((licence) => licence.validUntil >= today && !licence.scopes.includes(VehicleClass.PASSENGER))!;
      const before = await vehicleCount();
      const attempt = (change: object) =>
        hub.post({ query: mutation, variables: { input: { ...input(), plateNumber: "鲁CW0002", ...change } } }, admin);

      expect(await attempt({ plateNumber: taken })).toEqual(rejected("registerVehicle", "input.plateNumber", `${taken} 已登记`));
      expect(await attempt({ creditCode: unlicensed })).toEqual(
        rejected("registerVehicle", "input.creditCode", `${unlicensed} 没有道路运输经营许可证`),
      );
      expect(await attempt({ creditCode: lapsed.creditCode, vehicleClass: lapsed.scopes[0] })).toEqual(
        rejected("registerVehicle", "input.creditCode", `${lapsed.creditCode} 的道路运输经营许可证已于 ${lapsed.validUntil} 到期`),
      );
      expect(await attempt({ creditCode: passengerless.creditCode, vehicleClass: "PASSENGER" })).toEqual(
        rejected("registerVehicle", "input.vehicleClass", `PASSENGER 超出经营者的许可经营范围 (${passengerless.scopes.join("、")})`),
      );
      expect(await vehicleCount()).toBe(before);
    });

    it("refuses a transport viewer: changing records needs the admin role", async () => {
      const viewer = { authorization: `Bearer ${await hub.keys.token({ agency: "transport", roles: ["viewer"] })}` };
      const response = await hub.post({ query: mutation, variables: { input: { ...input(), plateNumber: "鲁CW0003" } } }, viewer);

      expect(response).toEqual({
        status: 200,
        body: {
          errors: [
            {
              message: "修改这些记录需要 admin 角色",
              path: ["registerVehicle"],
              extensions: { code: "FORBIDDEN", requiredRole: "admin", serviceName: "transport" },
            },
          ],
          data: null,
        },
      });
    });
  });

  describe("recordDriverQualification", () => {
    const mutation = `mutation($input: RecordDriverQualificationInput!) { recordDriverQualification(input: $input) { id category issuedOn validUntil violationPoints person { pid } } }`;
    const holder = idNumber("19850412");
    const wrongCheck = holder[17] === "1" ? "2" : "1";
    const input = { idNumber: holder, category: "FREIGHT_DRIVER", issuedOn: "2022-03-15", validUntil: "2028-03-15", violationPoints: 20 };

    it("records a certificate valid for exactly six years with the highest points, keyed by pid, and a renewal replaces it", async () => {
      const pid = personPid(holder, hub.keys.linkingSecret);
      const first = await hub.post({ query: mutation, variables: { input } }, admin);
      const renewal = await hub.post(
        { query: mutation, variables: { input: { ...input, issuedOn: "2024-01-10", validUntil: "2030-01-10", violationPoints: 0 } } },
        admin,
      );

      const stored = { id: `DQ-${pid}-FREIGHT_DRIVER`, category: "FREIGHT_DRIVER", person: { pid } };
      expect(first).toEqual({
        status: 200,
        body: { data: { recordDriverQualification: { ...stored, issuedOn: "2022-03-15", validUntil: "2028-03-15", violationPoints: 20 } } },
      });
      expect(renewal).toEqual({
        status: 200,
        body: { data: { recordDriverQualification: { ...stored, issuedOn: "2024-01-10", validUntil: "2030-01-10", violationPoints: 0 } } },
      });
    });

    it.each([
      [
        "an ID number with a wrong check character",
        { idNumber: `${holder.slice(0, 17)}${wrongCheck}` },
        "input.idNumber",
        `校验位应为 ${holder[17]}, 实为 ${wrongCheck} (GB 11643 MOD 11-2)`,
      ],
      ["an impossible issue date", { issuedOn: "2022-13-01" }, "input.issuedOn", "2022-13-01 不是真实的日期: 没有 13 月"],
      ["an issue date in the future", { issuedOn: "2099-01-01", validUntil: "2100-01-01" }, "input.issuedOn", "不能晚于今天 (2026-06-15)"],
      [
        "an issue date before the first rule",
        { issuedOn: "2007-02-28", validUntil: "2010-01-01" },
        "input.issuedOn",
        "早于从业资格证管理规定的施行日期",
      ],
      [
        "an end before the issue date",
        { validUntil: "2022-03-14" },
        "input.validUntil",
        "不能早于发证日期 2022-03-15, 填写的是 2022-03-14",
      ],
      ["an end one day past six years", { validUntil: "2028-03-16" }, "input.validUntil", "不能晚于 2028-03-15: 从业资格证有效期最长 6 年"],
      ["more points than a cycle has", { violationPoints: 21 }, "input.violationPoints", "应为 0 至 20 之间的整数, 填写的是 21"],
      ["negative points", { violationPoints: -1 }, "input.violationPoints", "应为 0 至 20 之间的整数, 填写的是 -1"],
    ])("rejects %s and writes nothing", async (_case, change, field, reason) => {
      const other = { ...input, idNumber: idNumber("19900101", "456"), ...change };
      const response = await hub.post({ query: mutation, variables: { input: other } }, admin);

      expect(response).toEqual(rejected("recordDriverQualification", field, reason));
      const stored = await hub.post(
        { query: `{ driverQualifications(first: 200, category: FREIGHT_DRIVER) { nodes { person { pid } } } }` },
        admin,
      );
      expect(stored.body.data.driverQualifications.nodes).not.toContainEqual({
        person: { pid: personPid(idNumber("19900101", "456"), hub.keys.linkingSecret) },
      });
    });
  });

  describe("linkTransportAccident", () => {
    const mutation = `mutation($input: LinkTransportAccidentInput!) { linkTransportAccident(input: $input) { id accident { id } vehicle { plateNumber } driver { pid } } }`;
    const driver = idNumber("19780921", "231");
    const linkCount = async () =>
      (await hub.post({ query: "{ transportAccidents(first: 200) { nodes { id } } }" }, admin)).body.data.transportAccidents.nodes.length;

    it("links an accident to a registered vehicle and its driver's pid", async () => {
      const accident = seeded(hub.city, "emergency", Accident)[0];
      const plate = vehicles()[1].plateNumber;
      const response = await hub.post(
        { query: mutation, variables: { input: { accidentId: accident.id, plateNumber: plate, driverIdNumber: driver } } },
        admin,
      );

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            linkTransportAccident: {
              id: `${accident.id}/${plate}`,
              accident: { id: accident.id },
              vehicle: { plateNumber: plate },
              driver: { pid: personPid(driver, hub.keys.linkingSecret) },
            },
          },
        },
      });
    });

    it("rejects a malformed accident number, an unregistered plate, an invalid ID number and a repeated link, writing nothing", async () => {
      const existing = seeded(hub.city, "transport", TransportAccident)[0];
      const before = await linkCount();
      const attempt = (input: object) =>
        hub.post(
          {
            query: mutation,
            variables: {
              input: { accidentId: "AC-2024-000001", plateNumber: vehicles()[2].plateNumber, driverIdNumber: driver, ...input },
            },
          },
          admin,
        );

      expect(await attempt({ accidentId: "2024-1" })).toEqual(
        rejected("linkTransportAccident", "input.accidentId", '"2024-1" 不是应急管理部门编发的事故编号 (AC-年份-…)'),
      );
      expect(await attempt({ plateNumber: "鲁CX0X0X" })).toEqual(
        rejected("linkTransportAccident", "input.plateNumber", "鲁CX0X0X 不是已登记的车辆"),
      );
      expect(await attempt({ driverIdNumber: "37030319780921231" })).toEqual(
        rejected("linkTransportAccident", "input.driverIdNumber", "应为 18 位 (17 位数字加 1 位数字或 X), 或 15 位旧号码"),
      );
      expect(await attempt({ accidentId: existing.accidentId, plateNumber: existing.plateNumber })).toEqual(
        rejected("linkTransportAccident", "input.plateNumber", `${existing.plateNumber} 已关联事故 ${existing.accidentId}`),
      );
      expect(await linkCount()).toBe(before);
    });
  });
});
