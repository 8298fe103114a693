import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { describeRequest, type RouteHandler } from "../../kernel/http";
import { grantVersionPath } from "../../kernel/subgraph";
import { ApplicationStatus, SharingApplication } from "./sharing-application.entity";

/**
 * `GET /grants/version`: a digest of every approved grant (what it opens, to whom, until when).
 * An approval or a revocation changes it; an expiry does not need to, since the gateway checks
 * each grant's expiry by its own clock. The gateway polls this, cheaply, and reads the grants
 * themselves (the `activeGrants` query, signed) only when it changes. It says nothing but
 * whether something changed.
 */
export function grantVersionRoute(db: DataSource): Record<string, RouteHandler> {
  return {
    [grantVersionPath]: async (request) => {
      // The gateway's twice-a-second poll is background work: logged at debug, not in the terminal.
      describeRequest(request, { background: true });
      const approved = await db.getRepository(SharingApplication).find({
        select: { id: true, applicant: true, owner: true, resource: true, purpose: true, unmasked: true, expiresAt: true },
        where: { status: ApplicationStatus.APPROVED },
        order: { id: "ASC" },
      });
      const digest = createHash("sha256");
      for (const grant of approved) {
        digest.update(
          JSON.stringify([
            grant.id,
            grant.applicant,
            grant.owner,
            grant.resource,
            grant.purpose,
            grant.unmasked,
            grant.expiresAt?.getTime(),
          ]),
        );
      }
      return { status: 200, contentType: "application/json", body: JSON.stringify({ version: digest.digest("base64url") }) };
    },
  };
}
