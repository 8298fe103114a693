/** Breaker settings for each subgraph. */
export interface BreakerOptions {
  /** Consecutive failures (refused, timed out) that open the circuit. */
  failures: number;
  /** How long an open circuit refuses at once before one trial call is let through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * A circuit breaker for one subgraph: after `failures` consecutive failures its calls are refused
 * at once for `cooldownMs`, so a hung department no longer costs every query a timeout; then one
 * trial call is let through (half-open), and its outcome closes or reopens the circuit.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt?: number;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === undefined) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** Whether a call may go out now; in half-open, only the one trial may. */
  admit(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.consecutiveFailures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failed(): void {
    this.consecutiveFailures++;
    if (this.trialInFlight || this.consecutiveFailures >= this.options.failures) this.openedAt = this.now();
    this.trialInFlight = false;
  }
}
