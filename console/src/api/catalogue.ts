import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";

export interface CatalogueEntry {
  resource: string;
  owners: string[];
  level: string;
  basis: string | null;
  mask: string | null;
  readable: boolean;
  grantedPurposes: string[];
}

export const CatalogueQuery: TypedDocumentNode<{ sharingCatalogue: CatalogueEntry[] }, Record<string, never>> = parse(`
  query Catalogue { sharingCatalogue { resource owners level basis mask readable grantedPurposes } }
`);
