/**
 * Throttles failed sign-ins per (username, ip) and per ip, in memory, with exponential lock-out.
 * The persistent per-user lock (User.lockedUntil) backs it across restarts.
 */
export interface ThrottleOptions { maxFailures: number; windowMs: number; lockMs: number }

export class LoginThrottle {
  private failures = new Map<string, { count: number; first: number; lockedUntil: number }>();
  constructor(private readonly opts: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 5 * 60_000 }) {}

  /** Milliseconds until the key may try again; 0 when allowed. */
  retryAfter(key: string, now: number): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    if (f.lockedUntil > now) return f.lockedUntil - now;
    if (now - f.first > this.opts.windowMs) this.failures.delete(key);
    return 0;
  }

  fail(key: string, now: number): void {
    const f = this.failures.get(key);
    if (!f || now - f.first > this.opts.windowMs) {
      this.failures.set(key, { count: 1, first: now, lockedUntil: 0 });
      return;
    }
    f.count++;
    if (f.count >= this.opts.maxFailures) {
      const over = f.count - this.opts.maxFailures;
      f.lockedUntil = now + this.opts.lockMs * 2 ** Math.min(over, 6);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
