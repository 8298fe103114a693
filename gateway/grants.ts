import http from "node:http";
import https from "node:https";
import type { SigningKey } from "../kernel/trusted-keys";
import { covers } from "../kernel/catalogue";
import { bodyDigest, gatewayAgency, newRequestId, signCall } from "../kernel/identity";
import { systemClock, type Clock } from "../kernel/clock";
import type { Logger } from "../kernel/logger";
import { grantBookRefreshes } from "../kernel/metrics";
import { callIdentityHeader, grantVersionKnownParameter, grantVersionPath } from "../kernel/subgraph";

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
 * The gateway's copy of the grants in force. It asks the joint-prevention office for the version
 * of its grants (a plain GET on a kept-alive connection), naming the version it holds; the office
 * holds that question until a grant is decided or a few seconds pass (a long poll), and the book
 * reads the grants themselves only when the version changed. An approval or a revocation takes
 * effect as soon as it is committed, and an idle hub exchanges one short request every few
 * seconds. Checks start at most every `intervalMs`, so an office that answers at once is not
 * asked in a busy loop. Until the first read succeeds there are no grants: conditional data stays
 * closed (deny by default).
 */
export class GrantBook {
  private grants: Grant[] = [];
  private timer?: NodeJS.Timeout;
  private stopped = true;
  /** The version the grants held were read at, once read after a version check. */
  private version?: string;
  private readonly versionUrl: URL;
  private readonly agent: http.Agent;
  /** When the grants were last read from the joint-prevention office, or found unchanged, by the machine's clock; readiness reports it. */
  refreshedAt?: Date;
  /** How many times the grants themselves were read (tests count them). */
  reads = 0;

  constructor(
    private readonly coordinationUrl: string,
    private readonly signingKey: SigningKey,
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
    private readonly intervalMs = 500,
  ) {
    this.versionUrl = new URL(grantVersionPath, coordinationUrl);
    this.agent = new (this.versionUrl.protocol === "https:" ? https : http).Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** Reads the grants again if their version changed since they were read; else only notes that they are current. */
  async poll(): Promise<void> {
    const startedAt = new Date();
    const version = await this.readVersion(this.refreshedAt ? this.version : undefined);
    if (version === this.version && this.refreshedAt) {
      if (startedAt > this.refreshedAt) this.refreshedAt = startedAt;
      return;
    }
    // Grants read after the version are at least as new as it: a change in between is seen at the next poll.
    await this.refresh(version);
  }

  private readVersion(known: string | undefined): Promise<string> {
    const client = this.versionUrl.protocol === "https:" ? https : http;
    const url = new URL(this.versionUrl);
    if (known) url.searchParams.set(grantVersionKnownParameter, known);
    return new Promise((resolve, reject) => {
      // Long enough for the office's hold (5 s) and an answer; short enough that the book is still fresh.
      const request = client.get(url, { agent: this.agent, timeout: 10_000 }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("error", reject);
        response.on("end", () => {
          const version = response.statusCode === 200 ? (JSON.parse(body) as { version?: unknown }).version : undefined;
          if (typeof version === "string") resolve(version);
          else reject(new Error(`grant version check answered ${response.statusCode}`));
        });
      });
      request.on("timeout", () => request.destroy(new Error("grant version check timed out")));
      request.on("error", reject);
    });
  }

  /**
   * Reads the grants in force. A refresh that answers after a later-started one is discarded, so
   * the book never goes back to an older state; `refreshedAt` is when the applied read began.
   * `version` is the grants' version read just before (by a poll); a read without one leaves the
   * book's version unknown, so the next poll reads the grants again whatever version it finds.
   */
  async refresh(version?: string): Promise<void> {
    const startedAt = new Date();
    const identity = { agency: gatewayAgency, user: "grant-book", roles: [], requestId: newRequestId() };
    const call = JSON.stringify({ query: activeGrantsQuery });
    const { signature } = signCall(this.signingKey, identity, bodyDigest(call), "coordination");
    const response = await fetch(this.coordinationUrl, {
      method: "POST",
      headers: { "content-type": "application/json", [callIdentityHeader]: signature },
      body: call,
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as {
      data?: { activeGrants: (Omit<Grant, "expiresAt"> & { expiresAt: string })[] };
      errors?: unknown[];
    };
    if (!body.data) throw new Error(`grant book refresh failed: ${JSON.stringify(body.errors)}`);
    this.reads++;
    if (this.refreshedAt && this.refreshedAt > startedAt) return;
    this.grants = body.data.activeGrants.map((grant) => ({ ...grant, expiresAt: new Date(grant.expiresAt) }));
    this.version = version;
    this.refreshedAt = startedAt;
  }

  /** Fresh while the last refresh is within thirty intervals (15 s by default): a stale book may still honour a revoked grant. */
  isFresh(now = new Date()): boolean {
    return this.refreshedAt !== undefined && now.getTime() - this.refreshedAt.getTime() <= 30 * this.intervalMs;
  }

  /** Polls one after another, never overlapping, each starting at least `intervalMs` after the one before. */
  start(): void {
    const tick = async () => {
      const startedAt = Date.now();
      await this.poll().then(
        () => grantBookRefreshes.inc({ outcome: "ok" }),
        (error: Error) => {
          grantBookRefreshes.inc({ outcome: "failed" });
          this.logger.warn({ err: error.message }, "grant book not refreshed; keeping the last grants until they expire");
        },
      );
      if (!this.stopped) {
        this.timer = setTimeout(() => void tick(), Math.max(0, startedAt + this.intervalMs - Date.now()));
        this.timer.unref();
      }
    };
    this.stopped = false;
    void tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.agent.destroy();
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
