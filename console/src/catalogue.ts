import { useQuery } from "@apollo/client";
import { useMemo } from "react";
import { CatalogueQuery, type CatalogueEntry } from "./api/catalogue";
import { useSession, useSignedIn } from "./session";

/** Whether the gateway lets this department read a resource for this purpose now (gateway/governance.ts decides alike). */
export function mayRead(entry: CatalogueEntry | undefined, agency: string, purpose: string | undefined): boolean {
  if (!entry) return false;
  if (entry.owners.includes(agency)) return true;
  if (entry.level === "UNCONDITIONAL") return true;
  return entry.level === "CONDITIONAL" && !!purpose && entry.grantedPurposes.includes(purpose);
}

/**
 * The sharing catalogue as it stands for the signed-in department: which fields it may read for
 * the purpose at hand. Without the catalogue (the joint-prevention office down) nothing
 * restricted is asked for.
 */
export function useCatalogue() {
  const session = useSignedIn();
  // The purpose from React state, not the module's copy: a page that rendered before the purpose
  // was chosen must recompute what it may ask for once it is.
  const purpose = useSession().work?.purpose;
  const { data, loading, error, refetch } = useQuery(CatalogueQuery);
  return useMemo(() => {
    const entries = new Map((data?.sharingCatalogue ?? []).map((entry) => [entry.resource, entry]));
    const readable = (resource: string) => mayRead(entries.get(resource), session.agency, purpose);
    /** The `@include` switches of a document's restricted fields, all off until the catalogue is known. */
    const switches = <Key extends string>(restricted: Record<Key, string[]>) =>
      Object.fromEntries(Object.entries<string[]>(restricted).map(([name, resources]) => [name, resources.every(readable)])) as Record<
        Key,
        boolean
      >;
    /** The restricted fields the caller may not read, to show as 无权查看 with how to apply. */
    const refused = (restricted: Record<string, string[]>) =>
      Object.values(restricted)
        .flat()
        .filter((resource) => !readable(resource))
        .map((resource) => entries.get(resource) ?? { resource, owners: [], level: "UNCLASSIFIED", basis: null });
    return { entries: [...entries.values()], loaded: !!data, loading, error, refetch, readable, switches, refused };
  }, [data, loading, error, refetch, session.agency, purpose]);
}
