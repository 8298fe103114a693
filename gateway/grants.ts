import type { SigningKey } from "../kernel/trusted-keys";
import { covers } from "../kernel/catalogue";
import { gatewayAgency, newRequestId, operationDigest, signCall } from "../kernel/identity";
import { systemClock, type Clock } from "../kernel/clock";
import type { Logger } from "../kernel/logger";
import { grantBookRefreshes } from "../kernel/metrics";
import { callIdentityHeader } from "../kernel/subgraph";

export interface Grant {
  id: string;
  applicant: string;
  owner: string;
  resource: string;
  purpose: string;
  unmasked: boolean;
  expiresAt: Date;
}

const activeGrantsQuery = "query ActiveGrants { activeGrants { id applicant owner resource purpose unmasked expiresAt } }";

/**
 * The gateway's copy of the grants in force, refreshed from the joint-prevention office every
 * half second, so an approval or a revocation takes effect within a second. Until the first
 * refresh succeeds there are no grants: conditional data stays closed (deny by default).
 */
export class GrantBook {
  private grants: Grant[] = [];
  private timer?: NodeJS.Timeout;
  private stopped = true;
  /** When the grants were last read from the joint-prevention office, by the machine's clock; readiness reports it. */
  refreshedAt?: Date;

  constructor(
    private readonly coordinationUrl: string,
    private readonly signingKey: SigningKey,
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
    private readonly intervalMs = 500,
  ) {}

  /**
   * Reads the grants in force. A refresh that answers after a later-started one is discarded, so
   * the book never goes back to an older state; `refreshedAt` is when the applied read began.
   */
  async refresh(): Promise<void> {
    const startedAt = new Date();
    const identity = { agency: gatewayAgency, user: "grant-book", roles: [], requestId: newRequestId() };
    const { signature } = await signCall(this.signingKey, identity, operationDigest(activeGrantsQuery, undefined), "coordination");
    const response = await fetch(this.coordinationUrl, {
      method: "POST",
      headers: { "content-type": "application/json", [callIdentityHeader]: signature },
      body: JSON.stringify({ query: activeGrantsQuery }),
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as {
      data?: { activeGrants: (Omit<Grant, "expiresAt"> & { expiresAt: string })[] };
      errors?: unknown[];
    };
    if (!body.data) throw new Error(`grant book refresh failed: ${JSON.stringify(body.errors)}`);
    if (this.refreshedAt && this.refreshedAt > startedAt) return;
    this.grants = body.data.activeGrants.map((grant) => ({ ...grant, expiresAt: new Date(grant.expiresAt) }));
    this.refreshedAt = startedAt;
  }

  /** Fresh while the last refresh is within thirty intervals (15 s by default): a stale book may still honour a revoked grant. */
  isFresh(now = new Date()): boolean {
    return this.refreshedAt !== undefined && now.getTime() - this.refreshedAt.getTime() <= 30 * this.intervalMs;
  }

  /** Polls every interval after the previous poll has ended, so polls never overlap. */
  start(): void {
    const tick = async () => {
      await this.refresh().then(
        () => grantBookRefreshes.inc({ outcome: "ok" }),
        (error: Error) => {
          grantBookRefreshes.inc({ outcome: "failed" });
          this.logger.warn({ err: error.message }, "grant book not refreshed; keeping the last grants until they expire");
        },
      );
      if (!this.stopped) {
        this.timer = setTimeout(() => void tick(), this.intervalMs);
        this.timer.unref();
      }
    };
    this.stopped = false;
    void tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The grant letting `agency` read `resource` for `purpose` now, if any. */
  find(agency: string, resource: string, purpose: string | undefined, now = this.clock()): Grant | undefined {
    return this.grants.find(
      (grant) =>
        grant.applicant === agency &&
        grant.purpose === purpose &&
        grant.expiresAt.getTime() > now.getTime() &&
        covers(grant.resource, resource),
    );
  }
}
