import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { DataSource } from "typeorm";
import { describeRequest, serverClosing, type RouteHandler } from "../../kernel/http";
import { grantVersionPath, grantVersionKnownParameter } from "../../kernel/subgraph";
import { ApplicationStatus, SharingApplication } from "./sharing-application.entity";

/** How long a version check that already knows the current version is held, waiting for a change. */
export const defaultGrantHoldMs = 5_000;

/** Per database: wakes held version checks when this office approves, refuses or revokes a grant. */
const grantChanges = new WeakMap<DataSource, EventTarget>();

function changesOf(db: DataSource): EventTarget {
  let changes = grantChanges.get(db);
  if (!changes) grantChanges.set(db, (changes = new EventTarget()));
  return changes;
}

/** Called once a decision is committed: held version checks answer with the new version at once. */
export function announceGrantChange(db: DataSource): void {
  grantChanges.get(db)?.dispatchEvent(new Event("change"));
}

/** Settles on the first of: a grant change, the hold running out, the server closing, the caller leaving. */
function nextChange(db: DataSource, request: IncomingMessage, holdMs: number): { settled: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const settled = new Promise<void>((resolve) => {
    const changes = changesOf(db);
    const closing = serverClosing(request);
    const done = () => {
      clearTimeout(timer);
      changes.removeEventListener("change", done);
      closing.removeEventListener("abort", done);
      request.socket.off("close", done);
      resolve();
    };
    const timer = setTimeout(done, holdMs);
    changes.addEventListener("change", done);
    closing.addEventListener("abort", done);
    request.socket.once("close", done);
    if (closing.aborted) done();
    cancel = done;
  });
  return { settled, cancel };
}

/** A digest of every approved grant (what it opens, to whom, until when). */
async function grantVersion(db: DataSource): Promise<string> {
  const approved = await db.getRepository(SharingApplication).find({
    select: { id: true, applicant: true, owner: true, resource: true, purpose: true, unmasked: true, expiresAt: true },
    where: { status: ApplicationStatus.APPROVED },
    order: { id: "ASC" },
  });
  const digest = createHash("sha256");
  for (const grant of approved) {
    digest.update(
      JSON.stringify([grant.id, grant.applicant, grant.owner, grant.resource, grant.purpose, grant.unmasked, grant.expiresAt?.getTime()]),
    );
  }
  return digest.digest("base64url");
}

/**
 * `GET /grants/version[?known=<version>]`: the version of the grants in force. An approval or a
 * revocation changes it; an expiry does not need to, since the gateway checks each grant's expiry
 * by its own clock. A check that names the current version is held (a long poll) until this
 * office decides on a grant or `holdMs` passes, so the gateway learns of a decision at once and an
 * idle hub exchanges one short request every few seconds. It says nothing but whether something changed.
 */
export function grantVersionRoute(db: DataSource, holdMs = defaultGrantHoldMs): Record<string, RouteHandler> {
  return {
    [grantVersionPath]: async (request) => {
      // The gateway's standing poll is background work: logged at debug, not in the terminal.
      describeRequest(request, { background: true });
      const known = new URL(request.url ?? "/", "http://localhost").searchParams.get(grantVersionKnownParameter);
      // Listening before reading: a decision committed while the version is read still wakes this check.
      const change = nextChange(db, request, holdMs);
      let version = await grantVersion(db);
      if (known === version) {
        await change.settled;
        version = await grantVersion(db);
      }
      change.cancel();
      return { status: 200, contentType: "application/json", body: JSON.stringify({ version }) };
    },
  };
}
