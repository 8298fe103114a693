import { meetingReportQuery } from "../../kernel/meeting-report";
import { appliedCorrections } from "../../kernel/corrections";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { housingCatalogue } from "./catalogue";
import { ConstructionProject } from "./construction-project.entity";
import { constructionProjectReference } from "./construction-project.reference";
import { constructionProjectRecord, ConstructionProjectRecordResolver, ConstructionProjectResolver } from "./construction-project.resolver";
import { housingDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { SiteWorkersInspections1763900000000 } from "./migrations/1763900000000-site-workers-inspections";
import { ConstructionSafetyInspection } from "./safety-inspection.entity";
import { ConstructionSafetyInspectionResolver } from "./safety-inspection.resolver";
import { SiteWorkerRegistration } from "./site-worker.entity";
import { PersonResolver, SiteWorkerResolver } from "./site-worker.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { MasterRecords1764000000000 } from "./migrations/1764000000000-master-records";
import { RecordChange } from "../../kernel/records";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { ReportRegion1764500000000 } from "./migrations/1764500000000-report-region";

const corrections = appliedCorrections([constructionProjectRecord]);

/** 住建 (housing and construction): construction projects, their real-name worker registry and safety inspections. */
export const housing: SubgraphDefinition<City> = {
  name: "housing",
  resolvers: [
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    ConstructionProjectResolver,
    ConstructionProjectRecordResolver,
    EnterpriseResolver,
    SiteWorkerResolver,
    PersonResolver,
    ConstructionSafetyInspectionResolver,
  ],
  extendedOnly: [corrections.type],
  catalogue: { ...housingCatalogue, ...corrections.catalogue },
  references: {
    ...keyOnlyReference("MeetingReport"),
    ...corrections.references,
    ...keyOnlyReference("Enterprise"),
    ...keyOnlyReference("Person"),
    ...constructionProjectReference,
  },
  entities: [ConstructionProject, SiteWorkerRegistration, ConstructionSafetyInspection, RecordChange],
  migrations: [Initial1763800000000, SiteWorkersInspections1763900000000, MasterRecords1764000000000, ReportRegion1764500000000],
  demo: housingDemo,
};
