import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";

export interface EnterpriseSummary {
  creditCode: string;
  name: string;
  industryCode: string;
  regionCode: string;
  riskClass: number | null;
  insuredHeadcount: number;
}

export interface EnterpriseSearchVariables {
  first: number;
  after?: string;
  nameContains?: string;
  regionCode?: string;
  industryCode?: string;
  riskClass?: number;
}

export const EnterpriseSearchQuery: TypedDocumentNode<
  { enterprises: { nodes: EnterpriseSummary[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } },
  EnterpriseSearchVariables
> = parse(`
  query EnterpriseSearch($first: Int!, $after: String, $nameContains: String, $regionCode: String, $industryCode: String, $riskClass: Int) {
    enterprises(first: $first, after: $after, nameContains: $nameContains, regionCode: $regionCode, industryCode: $industryCode, riskClass: $riskClass) {
      nodes { creditCode name industryCode regionCode riskClass insuredHeadcount }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

export const EnterpriseByCodeQuery: TypedDocumentNode<{ enterprise: EnterpriseSummary | null }, { creditCode: string }> = parse(`
  query EnterpriseByCode($creditCode: String!) {
    enterprise(creditCode: $creditCode) { creditCode name industryCode regionCode riskClass insuredHeadcount }
  }
`);

export interface EnterpriseRecord extends EnterpriseSummary {
  registeredOn: string;
  creditCodeNeedsReview: boolean;
  contributionRateBasisPoints: number | null;
  injuryRecognitions: {
    id: string;
    injuredOn: string;
    applicant: string;
    status: string;
    decidedOn: string | null;
    disabilityGrade?: number | null;
  }[];
  accidents:
    | {
        id: string;
        occurredAt: string;
        categoryName: string;
        grade: string;
        deaths: number;
        seriousInjuries: number;
        reportedLate: boolean;
      }[]
    | null;
  occupationalDiseaseCases:
    | { id: string; categoryName: string; diseaseName: string; diagnosedOn: string; institution: string | null; reportedLate: boolean }[]
    | null;
  vehicles: { plateNumber: string; vehicleClass: string; transportCertificateNo: string; certificateValidUntil: string }[] | null;
  constructionProjects:
    { permitNo: string; name: string; status: string; permitIssuedOn: string; workerCount: number; contractValueYuan?: number }[] | null;
  supervisionChecks: { id: string; checkedOn: string; hazardsFound: number; rectificationDueOn: string | null; status: string }[] | null;
  jointInspections:
    | {
        id: string;
        findings: string | null;
        rectificationDueOn: string | null;
        rectifiedOn: string | null;
        inspection: { id: string; title: string; status: string; plannedOn: string };
      }[]
    | null;
}

/** Fields on this page that are not shared with everyone: asked for only when the catalogue says the caller may read them. */
export const restrictedEnterpriseFields = {
  withDisabilityGrade: ["InjuryRecognition.disabilityGrade"],
  withContractValue: ["ConstructionProject.contractValueYuan"],
};

export const EnterpriseRecordQuery: TypedDocumentNode<
  { enterprise: EnterpriseRecord | null },
  { creditCode: string } & Record<keyof typeof restrictedEnterpriseFields, boolean>
> = parse(`
  query EnterpriseRecord($creditCode: String!, $withDisabilityGrade: Boolean!, $withContractValue: Boolean!) {
    enterprise(creditCode: $creditCode) {
      creditCode name industryCode regionCode riskClass insuredHeadcount registeredOn creditCodeNeedsReview contributionRateBasisPoints
      injuryRecognitions { id injuredOn applicant status decidedOn disabilityGrade @include(if: $withDisabilityGrade) }
      accidents { id occurredAt categoryName grade deaths seriousInjuries reportedLate }
      occupationalDiseaseCases { id categoryName diseaseName diagnosedOn institution reportedLate }
      vehicles { plateNumber vehicleClass transportCertificateNo certificateValidUntil }
      constructionProjects { permitNo name status permitIssuedOn workerCount contractValueYuan @include(if: $withContractValue) }
      supervisionChecks { id checkedOn hazardsFound rectificationDueOn status }
      jointInspections { id findings rectificationDueOn rectifiedOn inspection { id title status plannedOn } }
    }
  }
`);
