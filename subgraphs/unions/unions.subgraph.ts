import { meetingReportQuery } from "../../kernel/meeting-report";
import { appliedCorrections } from "../../kernel/corrections";
import { RecordChange } from "../../kernel/records";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { ReportRegion1764500000000 } from "./migrations/1764500000000-report-region";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { unionsCatalogue } from "./catalogue";
import { unionsDemo } from "./demo";
import { Complaint } from "./complaint.entity";
import { ComplaintResolver } from "./complaint.resolver";
import { EnterpriseResolver } from "./enterprise.resolver";
import { ComplaintsTraining1763900000000 } from "./migrations/1763900000000-complaints-training";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { MasterRecords1764000000000 } from "./migrations/1764000000000-master-records";
import { TransferredComplaints1764100000000 } from "./migrations/1764100000000-transferred-complaints";
import { SupervisionCheck } from "./supervision-check.entity";
import { supervisionCheckReference } from "./supervision-check.reference";
import { SupervisionCheckResolver } from "./supervision-check.resolver";
import { TrainingSession } from "./training-session.entity";
import { trainingSessionRecord, TrainingSessionRecordResolver, TrainingSessionResolver } from "./training-session.resolver";
import { TransferredComplaintResolver } from "./transferred-complaint.resolver";

const corrections = appliedCorrections([trainingSessionRecord]);

/** 总工会 (trade unions): labour-protection supervision, workers' complaints and prevention training. */
export const unions: SubgraphDefinition<City> = {
  name: "unions",
  resolvers: [
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    SupervisionCheckResolver,
    EnterpriseResolver,
    ComplaintResolver,
    TrainingSessionResolver,
    TrainingSessionRecordResolver,
    TransferredComplaintResolver,
  ],
  extendedOnly: [corrections.type],
  catalogue: { ...unionsCatalogue, ...corrections.catalogue },
  references: {
    ...keyOnlyReference("MeetingReport"),
    ...corrections.references,
    ...keyOnlyReference("Enterprise"),
    ...supervisionCheckReference,
  },
  entities: [SupervisionCheck, Complaint, TrainingSession, RecordChange],
  migrations: [
    Initial1763800000000,
    ComplaintsTraining1763900000000,
    MasterRecords1764000000000,
    TransferredComplaints1764100000000,
    ReportRegion1764500000000,
  ],
  demo: unionsDemo,
};
