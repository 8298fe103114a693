import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";

export interface Target {
  id: string;
  findings: string | null;
  rectificationDueOn: string | null;
  rectifiedOn: string | null;
  enterprise: { creditCode: string; name: string } | null;
}

export interface Inspection {
  id: string;
  title: string;
  leadAgency: string;
  agencies: string[];
  plannedOn: string;
  status: string;
  targets: Target[];
}

export const InspectionsQuery: TypedDocumentNode<
  {
    jointInspections: { nodes: Inspection[] };
    overdueRectifications: { nodes: (Target & { inspection: { id: string; title: string } })[] };
    typicalCaseBulletins: {
      nodes: {
        id: string;
        title: string;
        publishedOn: string;
        summary: string;
        lessons: string;
        accident: { id: string; grade: string } | null;
      }[];
    };
  },
  { status?: string }
> = parse(`
  query JointWork($status: InspectionStatus) {
    jointInspections(first: 50, status: $status) {
      nodes { id title leadAgency agencies plannedOn status targets { id findings rectificationDueOn rectifiedOn enterprise { creditCode name } } }
    }
    overdueRectifications(first: 50) {
      nodes { id findings rectificationDueOn rectifiedOn enterprise { creditCode name } inspection { id title } }
    }
    typicalCaseBulletins(first: 20) { nodes { id title publishedOn summary lessons accident { id grade } } }
  }
`);
