import { NationalPlan1764500000000 } from "./migrations/1764500000000-national-plan";
import { correctionReferenceTypes } from "../../kernel/corrections";
import { ReportIndexes1764300000001 } from "./migrations/1764300000001-report-indexes";
import { IndustryAnalysisResolver } from "./industry-analysis.resolver";
import { EmployerRegion1764300000000 } from "./migrations/1764300000000-employer-region";
import { keyOnlyReference, type SubgraphDefinition } from "../../kernel/subgraph";
import type { City } from "../../synthetic/city";
import { meetingReportQuery } from "../../kernel/meeting-report";
import { MeetingReport } from "./meeting-report.entity";
import { MeetingReportResolver } from "./meeting-report.resolver";
import { coordinationCatalogue } from "./catalogue";
import { coordinationDemo } from "./demo";
import { EnterpriseResolver } from "./enterprise.resolver";
import { grantVersionRoute } from "./grant-version.route";
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
import { DepartmentFinding } from "./department-finding.entity";
import { DepartmentFindingResolver } from "./department-finding.resolver";
import { JointWork1764100000000 } from "./migrations/1764100000000-joint-work";
import { Rectification } from "./rectification.entity";
import { MeetingReportEscalationResolver, RectificationResolver } from "./rectification.resolver";
import { Expert, ExpertAssignment, ExpertDraw } from "./expert.entity";
import { ExpertAssignmentResolver, ExpertDrawResolver, ExpertResolver } from "./expert.resolver";
import { Experts1764100000001 } from "./migrations/1764100000001-experts";
import { ActionItem, JointMeeting } from "./joint-meeting.entity";
import { ActionItemResolver, JointMeetingResolver } from "./joint-meeting.resolver";
import { JointMeetings1764100000002 } from "./migrations/1764100000002-joint-meetings";
import { CorrectionRequest } from "./correction-request.entity";
import { CorrectionRequestResolver } from "./correction-request.resolver";
import { CorrectionRequests1764000000000 } from "./migrations/1764000000000-correction-requests";
import { PlanTarget, PreventionPlan } from "./prevention-plan.entity";
import { planTargetReference } from "./prevention-plan.reference";
import { PlanTargetResolver, PreventionPlanResolver } from "./prevention-plan.resolver";
import { PreventionPlans1764200000000 } from "./migrations/1764200000000-prevention-plans";

/** 联席会议办公室 (the joint-prevention office): joint inspections across departments, typical-case bulletins, prevention plans and their targets. */
export const coordination: SubgraphDefinition<City> = {
  name: "coordination",
  resolvers: [
    IndustryAnalysisResolver,
    meetingReportQuery(MeetingReport),
    MeetingReportResolver,
    JointInspectionResolver,
    InspectionTargetResolver,
    EnterpriseResolver,
    SharingApplicationResolver,
    TypicalCaseBulletinResolver,
    DepartmentFindingResolver,
    RectificationResolver,
    MeetingReportEscalationResolver,
    ExpertResolver,
    ExpertDrawResolver,
    ExpertAssignmentResolver,
    JointMeetingResolver,
    ActionItemResolver,
    CorrectionRequestResolver,
    PreventionPlanResolver,
    PlanTargetResolver,
  ],
  // Reached only through CorrectionRequest.appliedChange's interface: each owner's correction type.
  extendedOnly: correctionReferenceTypes,
  catalogue: coordinationCatalogue,
  routes: grantVersionRoute,
  references: {
    ...keyOnlyReference("MeetingReport"),
    ...keyOnlyReference("IndustryAnalysis"),
    ...keyOnlyReference("Enterprise"),
    ...jointInspectionReference,
    ...planTargetReference,
  },
  entities: [
    JointInspection,
    InspectionTarget,
    SharingApplication,
    TypicalCaseBulletin,
    DepartmentFinding,
    Rectification,
    Expert,
    ExpertDraw,
    ExpertAssignment,
    JointMeeting,
    ActionItem,
    CorrectionRequest,
    PreventionPlan,
    PlanTarget,
  ],
  migrations: [
    Initial1763800000000,
    RectificationBulletins1763900000000,
    SharingApplications1763950000000,
    CorrectionRequests1764000000000,
    JointWork1764100000000,
    Experts1764100000001,
    JointMeetings1764100000002,
    PreventionPlans1764200000000,
    EmployerRegion1764300000000,
    ReportIndexes1764300000001,
    NationalPlan1764500000000,
  ],
  demo: coordinationDemo,
};
