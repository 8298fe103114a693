import { meetingReportQuery } from "../../kernel/meeting-report";
import { appliedCorrections } from "../../kernel/corrections";
import { ReportIndexes1764300000001 } from "./migrations/1764300000001-report-indexes";
import { IndustryAnalysis } from "./industry-analysis.entity";
import { IndustryAnalysisResolver } from "./industry-analysis.resolver";
import { EmployerRegion1764300000000 } from "./migrations/1764300000000-employer-region";
import { healthExaminationRecord, HealthExaminationRecordResolver } from "./health-examination.resolver";
import { RecordChange } from "../../kernel/records";
import { MasterRecords1764000000000 } from "./migrations/1764000000000-master-records";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { healthCatalogue } from "./catalogue";
import { healthDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { HazardDeclaration } from "./hazard-declaration.entity";
import { HazardDeclarationResolver } from "./hazard-declaration.resolver";
import { HealthExamination } from "./health-examination.entity";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { DiagnosisDetails1763900000000 } from "./migrations/1763900000000-diagnosis-details";
import { HazardDeclarations1763900000001 } from "./migrations/1763900000001-hazard-declarations";
import { HealthExaminations1763900000002 } from "./migrations/1763900000002-health-examinations";
import { OccupationalDiseaseCase } from "./occupational-disease-case.entity";
import { occupationalDiseaseCaseReference } from "./occupational-disease-case.reference";
import { OccupationalDiseaseCaseResolver } from "./occupational-disease-case.resolver";
import { PersonResolver } from "./person.resolver";

const corrections = appliedCorrections([healthExaminationRecord]);

/** 卫健 (health): occupational-disease diagnoses, hazard-project declarations and health examinations. */
export const health: SubgraphDefinition<City> = {
  name: "health",
  resolvers: [
    IndustryAnalysisResolver,
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    OccupationalDiseaseCaseResolver,
    HazardDeclarationResolver,
    EnterpriseResolver,
    PersonResolver,
    HealthExaminationRecordResolver,
  ],
  extendedOnly: [corrections.type, IndustryAnalysis],
  catalogue: { ...healthCatalogue, ...corrections.catalogue },
  references: {
    ...corrections.references,
    ...keyOnlyReference("IndustryAnalysis"),
    ...keyOnlyReference("MeetingReport"),
    ...keyOnlyReference("Enterprise"),
    ...keyOnlyReference("Person"),
    ...occupationalDiseaseCaseReference,
  },
  entities: [OccupationalDiseaseCase, HazardDeclaration, HealthExamination, RecordChange],
  migrations: [
    Initial1763800000000,
    DiagnosisDetails1763900000000,
    HazardDeclarations1763900000001,
    HealthExaminations1763900000002,
    MasterRecords1764000000000,
    EmployerRegion1764300000000,
    ReportIndexes1764300000001,
  ],
  demo: healthDemo,
};
