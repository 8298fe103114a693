import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";

export interface SharingApplication {
  id: string;
  applicant: string;
  owner: string;
  resource: string;
  purpose: string;
  unmasked: boolean;
  justification: string;
  requestedDays: number;
  appliedAt: string;
  answerDueOn: string;
  status: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  expiresAt: string | null;
  inForce: boolean;
  overdue: boolean;
}

const applicationFields = `id applicant owner resource purpose unmasked justification requestedDays appliedAt answerDueOn status decidedAt decidedBy reason expiresAt inForce overdue`;

export const ApplicationsQuery: TypedDocumentNode<
  { sharingApplications: { nodes: SharingApplication[] } },
  { status?: string; overdue?: boolean }
> = parse(`
  query SharingApplications($status: ApplicationStatus, $overdue: Boolean) {
    sharingApplications(first: 200, status: $status, overdue: $overdue) { nodes { ${applicationFields} } }
  }
`);

export interface ApplyInput {
  resource: string;
  purpose: string;
  justification: string;
  days: number;
  unmasked: boolean;
}

export const ApplyMutation: TypedDocumentNode<{ applyForResource: SharingApplication }, { input: ApplyInput }> = parse(`
  mutation ApplyForResource($input: ApplyForResourceInput!) { applyForResource(input: $input) { ${applicationFields} } }
`);

type Decision = TypedDocumentNode<Record<string, SharingApplication>, { input: { id: string; reason?: string } }>;

export const ApproveMutation: Decision = parse(`
  mutation ApproveApplication($input: DecisionInput!) { approveApplication(input: $input) { ${applicationFields} } }
`);
export const RefuseMutation: Decision = parse(`
  mutation RefuseApplication($input: DecisionInput!) { refuseApplication(input: $input) { ${applicationFields} } }
`);
export const RevokeMutation: Decision = parse(`
  mutation RevokeGrant($input: DecisionInput!) { revokeGrant(input: $input) { ${applicationFields} } }
`);
