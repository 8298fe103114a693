import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";

export interface MeetingReport {
  regionCode: string;
  period: string;
  regionName: string;
  jointWork: { inspectionsPlanned: number; inspectionsClosed: number; enterprisesInspected: number; rectificationsOrdered: number };
  accidentStatistics: {
    accidents: number;
    deaths: number;
    seriousInjuries: number;
    byGrade: { grade: string; accidents: number; deaths: number }[];
    byMonth: { month: string; accidents: number; deaths: number }[];
  } | null;
  occupationalDiseaseStatistics: { newCases: number; byCategory: { categoryName: string; cases: number }[] } | null;
  injuryStatistics: { applications: number; recognised: number; severelyDisabled: number } | null;
  transportStatistics: {
    licensedOperators: number;
    licencesExpiring: number;
    vehicles: number;
    certificatesExpiring: number;
    byVehicleClass: { vehicleClass: string; vehicles: number; certificatesExpiring: number }[];
  } | null;
  constructionSafetyStatistics: {
    projectsPermitted: number;
    inspections: number;
    projectsInspected: number;
    hazardsFound: number;
    rectificationsOrdered: number;
    stopWorkOrders: number;
    workersEntered: number;
  } | null;
  unionSupervisionStatistics: {
    checks: number;
    enterprisesChecked: number;
    hazardsFound: number;
    checksAwaitingRectification: number;
    complaintsReceived: number;
    complaintsTransferred: number;
    complaintsResolved: number;
    complaintsByCategory: { category: string; complaints: number }[];
  } | null;
}

export const MeetingReportQuery: TypedDocumentNode<{ meetingReport: MeetingReport }, { regionCode: string; period: string }> = parse(`
  query MeetingReport($regionCode: String!, $period: String!) {
    meetingReport(regionCode: $regionCode, period: $period) {
      regionCode period regionName
      jointWork { inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered }
      accidentStatistics { accidents deaths seriousInjuries byGrade { grade accidents deaths } byMonth { month accidents deaths } }
      occupationalDiseaseStatistics { newCases byCategory { categoryName cases } }
      injuryStatistics { applications recognised severelyDisabled }
      transportStatistics { licensedOperators licencesExpiring vehicles certificatesExpiring byVehicleClass { vehicleClass vehicles certificatesExpiring } }
      constructionSafetyStatistics { projectsPermitted inspections projectsInspected hazardsFound rectificationsOrdered stopWorkOrders workersEntered }
      unionSupervisionStatistics {
        checks enterprisesChecked hazardsFound checksAwaitingRectification complaintsReceived complaintsTransferred complaintsResolved
        complaintsByCategory { category complaints }
      }
    }
  }
`);
