/**
 * A token bucket per department: `perSecond` requests a second on average, bursts of twice that.
 * One department's flood cannot starve the others.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    /** Milliseconds of the machine's clock; a test freezes it so that no bucket refills while it counts. */
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `key`; false when its bucket is empty. */
  take(key: string, now = this.now()): boolean {
    const capacity = this.perSecond * 2;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
