import { meetingReportQuery } from "../../kernel/meeting-report";
import { appliedCorrections } from "../../kernel/corrections";
import { RecordChange } from "../../kernel/records";
import { MasterRecords1764000000000 } from "./migrations/1764000000000-master-records";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { transportCatalogue } from "./catalogue";
import { transportDemo } from "./demo";
import { DriverQualification } from "./driver-qualification.entity";
import { DriverQualificationResolver } from "./driver-qualification.resolver";
import { EnterpriseResolver } from "./enterprise.resolver";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { ReportRegion1764500000000 } from "./migrations/1764500000000-report-region";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { OperatorsDriversAccidents1763900000000 } from "./migrations/1763900000000-operators-drivers-accidents";
import { OperatingLicence } from "./operating-licence.entity";
import { operatingLicenceRecord, OperatingLicenceRecordResolver } from "./operating-licence.resolver";
import { TransportAccident } from "./transport-accident.entity";
import { TransportAccidentResolver } from "./transport-accident.resolver";
import { Vehicle } from "./vehicle.entity";
import { vehicleReference } from "./vehicle.reference";
import { VehicleResolver } from "./vehicle.resolver";

const corrections = appliedCorrections([operatingLicenceRecord]);

/** 交通 (transport): road transport operators, their vehicles and drivers, and accidents on the road. */
export const transport: SubgraphDefinition<City> = {
  name: "transport",
  resolvers: [
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    VehicleResolver,
    EnterpriseResolver,
    DriverQualificationResolver,
    TransportAccidentResolver,
    OperatingLicenceRecordResolver,
  ],
  references: { ...keyOnlyReference("MeetingReport"), ...corrections.references, ...keyOnlyReference("Enterprise"), ...vehicleReference },
  entities: [Vehicle, OperatingLicence, DriverQualification, TransportAccident, RecordChange],
  migrations: [Initial1763800000000, OperatorsDriversAccidents1763900000000, MasterRecords1764000000000, ReportRegion1764500000000],
  demo: transportDemo,
  extendedOnly: [corrections.type],
  catalogue: { ...transportCatalogue, ...corrections.catalogue },
};
