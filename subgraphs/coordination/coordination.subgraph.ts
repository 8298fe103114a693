import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { coordinationCatalogue } from "./catalogue";
import { coordinationDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { InspectionTarget, JointInspection } from "./joint-inspection.entity";
import { jointInspectionReference } from "./joint-inspection.reference";
import { InspectionTargetResolver, JointInspectionResolver } from "./joint-inspection.resolver";
import { Initial1763800000000 } from "./migrations/1763800000000-initial";
import { RectificationBulletins1763900000000 } from "./migrations/1763900000000-rectification-bulletins";
import { TypicalCaseBulletin } from "./typical-case.entity";
import { TypicalCaseBulletinResolver } from "./typical-case.resolver";
import { SharingApplications1763950000000 } from "./migrations/1763950000000-sharing-applications";
import { SharingApplication } from "./sharing-application.entity";
import { SharingApplicationResolver } from "./sharing-application.resolver";
import { CorrectionRequest } from "./correction-request.entity";
import { CorrectionRequestResolver } from "./correction-request.resolver";
import { CorrectionRequests1764000000000 } from "./migrations/1764000000000-correction-requests";

/** 联席会议办公室 (the joint-prevention office): joint inspections across departments and typical-case bulletins. */
export const coordination: SubgraphDefinition<City> = {
  name: "coordination",
  resolvers: [
    MeetingReportResolver,
    JointInspectionResolver,
    InspectionTargetResolver,
    EnterpriseResolver,
    SharingApplicationResolver,
    TypicalCaseBulletinResolver,
    CorrectionRequestResolver,
  ],
  catalogue: coordinationCatalogue,
  references: { ...keyOnlyReference("MeetingReport"), ...keyOnlyReference("Enterprise"), ...jointInspectionReference },
  entities: [JointInspection, InspectionTarget, SharingApplication, TypicalCaseBulletin],
  migrations: [Initial1763800000000, RectificationBulletins1763900000000, SharingApplications1763950000000],
  demo: coordinationDemo,
};

// 纠错 (corrections between departments), added as its own lines while joint inspections change the lists above.
coordination.entities.push(CorrectionRequest);
coordination.migrations.push(CorrectionRequests1764000000000);
