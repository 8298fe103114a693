import { meetingReportQuery } from "../../kernel/meeting-report";
import { appliedCorrections } from "../../kernel/corrections";
import { ReportIndexes1764300000001 } from "./migrations/1764300000001-report-indexes";
import { IndustryAnalysis } from "./industry-analysis.entity";
import { IndustryAnalysisResolver } from "./industry-analysis.resolver";
import { EmployerRegion1764300000000 } from "./migrations/1764300000000-employer-region";
import { EnterpriseRegion1764400000000 } from "./migrations/1764400000000-enterprise-region";
import { InsuredCohorts1764500000000 } from "./migrations/1764500000000-insured-cohorts";
import { RecognitionDivision1764600000000 } from "./migrations/1764600000000-recognition-division";
import { InsuredCohort } from "./insured-cohort.entity";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { hrssCatalogue } from "./catalogue";
import { hrssDemo } from "./demo";
import { Enterprise } from "./enterprise.entity";
import { enterpriseReference } from "./enterprise.reference";
import { enterpriseRecord, EnterpriseRecordResolver, EnterpriseResolver } from "./enterprise.resolver";
import { InjuryRecognition } from "./injury-recognition.entity";
import { InjuryRecognitionResolver } from "./injury-recognition.resolver";
import { FeeBudget, FeeBudgetItem, FeeCapApproval } from "./fee-budget.entity";
import { FeeBudgetResolver } from "./fee-budget.resolver";
import { BaseRate, FloatFactor } from "./insurance-rate.entity";
import { EnterpriseRateResolver, InsuranceRateResolver } from "./insurance-rate.resolver";
import { FeeBudgets1763900300000 } from "./migrations/1763900300000-fee-budgets";
import { InsuranceRates1763900000000 } from "./migrations/1763900000000-insurance-rates";
import { PreventionProjects1763900400000 } from "./migrations/1763900400000-prevention-projects";
import { RecognitionAcceptance1763900100000 } from "./migrations/1763900100000-recognition-acceptance";
import { Training1763900200000 } from "./migrations/1763900200000-training";
import { PreventionProject, PreventionProjectStep, ServiceAgency } from "./prevention-project.entity";
import { PreventionProjectResolver, ServiceAgencyResolver } from "./prevention-project.resolver";
import { TrainingRecord } from "./training-record.entity";
import { TrainingRecordResolver } from "./training-record.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { MasterRecords1764000000000 } from "./migrations/1764000000000-master-records";
import { RecordChange } from "../../kernel/records";
import { Person } from "./person.entity";
import { personReference } from "./person.reference";
import { personRecord, PersonRecordResolver, PersonResolver } from "./person.resolver";
import { PlanTarget } from "./plan-target.entity";
import { PlanTargetResolver } from "./plan-target.resolver";
import { TrainingRosterEntry } from "./training-roster.entity";
import { TrainingRosterResolver } from "./training-roster.resolver";
import { PlanTraining1764200000000 } from "./migrations/1764200000000-plan-training";

/**
 * 人社 (human resources and social security): insured enterprises and persons, insurance rates,
 * work-injury recognition, training and training rosters, prevention-fee budgets and prevention
 * projects, and the progress of the plans' targets these records measure.
 */

const corrections = appliedCorrections([enterpriseRecord, personRecord]);

export const hrss: SubgraphDefinition<City> = {
  name: "hrss",
  resolvers: [
    IndustryAnalysisResolver,
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    EnterpriseResolver,
    PersonResolver,
    EnterpriseRecordResolver,
    PersonRecordResolver,
    InjuryRecognitionResolver,
    InsuranceRateResolver,
    EnterpriseRateResolver,
    TrainingRecordResolver,
    FeeBudgetResolver,
    ServiceAgencyResolver,
    PreventionProjectResolver,
    TrainingRosterResolver,
    PlanTargetResolver,
  ],
  extendedOnly: [corrections.type, PlanTarget, IndustryAnalysis],
  catalogue: { ...hrssCatalogue, ...corrections.catalogue },
  references: {
    ...corrections.references,
    ...keyOnlyReference("IndustryAnalysis"),
    ...keyOnlyReference("MeetingReport"),
    ...keyOnlyReference("PlanTarget"),
    ...enterpriseReference,
    ...personReference,
  },
  entities: [
    Enterprise,
    Person,
    InsuredCohort,
    InjuryRecognition,
    BaseRate,
    FloatFactor,
    TrainingRecord,
    FeeBudget,
    FeeCapApproval,
    FeeBudgetItem,
    ServiceAgency,
    PreventionProject,
    PreventionProjectStep,
    TrainingRosterEntry,
    RecordChange,
  ],
  migrations: [
    Initial1763800000000,
    InsuranceRates1763900000000,
    RecognitionAcceptance1763900100000,
    Training1763900200000,
    FeeBudgets1763900300000,
    PreventionProjects1763900400000,
    MasterRecords1764000000000,
    PlanTraining1764200000000,
    EmployerRegion1764300000000,
    ReportIndexes1764300000001,
    EnterpriseRegion1764400000000,
    InsuredCohorts1764500000000,
    RecognitionDivision1764600000000,
  ],
  demo: hrssDemo,
};
