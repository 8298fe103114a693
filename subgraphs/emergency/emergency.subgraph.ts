import { meetingReportQuery } from "../../kernel/meeting-report";
import { appliedCorrections } from "../../kernel/corrections";
import { ReportIndexes1764300000001 } from "./migrations/1764300000001-report-indexes";
import { IndustryAnalysis } from "./industry-analysis.entity";
import { IndustryAnalysisResolver } from "./industry-analysis.resolver";
import { EmployerRegion1764300000000 } from "./migrations/1764300000000-employer-region";
import { RecordChange } from "../../kernel/records";
import { MasterRecords1764000000000 } from "./migrations/1764000000000-master-records";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { emergencyCatalogue } from "./catalogue";
import { AccidentReport } from "./accident-report.entity";
import { Accident } from "./accident.entity";
import { accidentReference } from "./accident.reference";
import { AccidentResolver } from "./accident.resolver";
import { emergencyDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { HazardInspection } from "./hazard-inspection.entity";
import { HazardInspectionResolver } from "./hazard-inspection.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { AccidentReports1763900000000 } from "./migrations/1763900000000-accident-reports";
import { HazardInspections1763900000001 } from "./migrations/1763900000001-hazard-inspections";
import { SafetyLicences1763900000002 } from "./migrations/1763900000002-safety-licences";
import { SafetyLicence } from "./safety-licence.entity";
import { safetyLicenceRecord, SafetyLicenceRecordResolver, SafetyLicenceResolver } from "./safety-licence.resolver";

const corrections = appliedCorrections([safetyLicenceRecord]);

/** 应急 (emergency management): production-safety accidents, hazard inspections and work-safety licences. */
export const emergency: SubgraphDefinition<City> = {
  name: "emergency",
  resolvers: [
    IndustryAnalysisResolver,
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    AccidentResolver,
    HazardInspectionResolver,
    SafetyLicenceResolver,
    SafetyLicenceRecordResolver,
    EnterpriseResolver,
  ],
  extendedOnly: [corrections.type, IndustryAnalysis],
  catalogue: { ...emergencyCatalogue, ...corrections.catalogue },
  references: {
    ...corrections.references,
    ...keyOnlyReference("IndustryAnalysis"),
    ...keyOnlyReference("MeetingReport"),
    ...keyOnlyReference("Enterprise"),
    ...accidentReference,
  },
  entities: [Accident, AccidentReport, HazardInspection, SafetyLicence, RecordChange],
  migrations: [
    Initial1763800000000,
    AccidentReports1763900000000,
    HazardInspections1763900000001,
    SafetyLicences1763900000002,
    MasterRecords1764000000000,
    EmployerRegion1764300000000,
    ReportIndexes1764300000001,
  ],
  demo: emergencyDemo,
};
