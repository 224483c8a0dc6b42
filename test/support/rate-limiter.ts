/*
 * Cloudflare's API rate limit, for the loopback API (cloudflare-api.ts), optionally sped up.
 *
 * Documented (https://developers.cloudflare.com/fundamentals/api/reference/limits/):
 * - 1,200 requests per five minutes per user / API token;
 * - "If you exceed this limit, all API calls for the next five minutes will be blocked, receiving
 *   a HTTP 429 response" (body: error 971 "Please wait and consider throttling your request speed");
 * - the 429 carries `Retry-After`, seconds until capacity, rounded up.
 * Documented in the changelog "Introducing new headers for rate limiting" (2025-09-03): every
 * answer carries `Ratelimit: "default";r=<remaining>;t=<seconds until the window resets>` and
 * `Ratelimit-Policy: "default";q=<quota>;w=<window seconds>`.
 *
 * Not documented, chosen here:
 * - a fixed window per token that starts at the token's first request (and, after a window ends or
 *   a block lifts, at its next request); the 1,201st request of a window starts the block;
 * - requests answered 429 do not count against any window (the docs are silent);
 * - the limit is keyed by the Authorization header as sent, checked before authentication;
 * - while blocked, `Ratelimit` answers r=0 and t = seconds until the block lifts (a new window then);
 * - `scale` divides the window and the block, not the quota: scale 100 is 1,200 requests per 3 s,
 *   blocked 3 s. The headers give the scaled seconds (what a client must really wait), rounded up.
 *   A scale is faithful only while a client still spends its 1,200 requests within one scaled
 *   window; a window that ends under quota mid-run means the scale is too high (see `windows`).
 */

export interface RateLimit {
  /** Requests a token may make in a window. Default 1,200. */
  readonly requests?: number;
  /** Window (and block) length in Cloudflare's seconds. Default 300. */
  readonly windowSeconds?: number;
  /** Divides the window and the block, so tests and benches need not wait minutes. Default 1. */
  readonly scale?: number;
  /** Milliseconds clock; default `Date.now` (tests pass their own). */
  readonly now?: () => number;
}

/** One window of one token: when it started, how many requests it counted, and the block it ended in. */
export interface RateLimitWindow {
  readonly token: string;
  readonly start: number;
  count: number;
  /** When set, the quota was exceeded at `from` and every request was refused until `until` (ms). */
  block?: { readonly from: number; readonly until: number };
}

/** What the limiter decided for one request. */
export interface RateLimitAnswer {
  readonly allowed: boolean;
  /** `Ratelimit`, `Ratelimit-Policy`, and `Retry-After` when refused. */
  readonly headers: Record<string, string>;
}

export class RateLimiter {
  readonly quota: number;
  /** The window and the block, in real milliseconds (scaled). */
  readonly windowMs: number;
  /** Every window in order of start, for a bench to measure blocks and check the scale. */
  readonly windows: RateLimitWindow[] = [];
  /** Requests answered 429. */
  refused = 0;
  /** When false every request is allowed and nothing is counted (e.g. while a bench seeds). */
  enabled = true;
  private readonly current = new Map<string, RateLimitWindow>();
  private readonly now: () => number;
  private readonly policy: string;

  constructor(limit: RateLimit = {}) {
    this.quota = limit.requests ?? 1200;
    const scale = limit.scale ?? 1;
    if (!(scale > 0) || !(this.quota >= 1)) throw new Error('rateLimit: requests and scale must be positive');
    this.windowMs = ((limit.windowSeconds ?? 300) * 1000) / scale;
    this.now = limit.now ?? Date.now;
    this.policy = `"default";q=${this.quota};w=${seconds(this.windowMs)}`;
  }

  /** Count one request of `token` (the Authorization header) and say whether it may be answered. */
  take(token: string): RateLimitAnswer {
    if (!this.enabled) return { allowed: true, headers: this.headers(this.quota, this.windowMs) };
    const now = this.now();
    let window = this.current.get(token);
    if (window === undefined || now >= (window.block?.until ?? window.start + this.windowMs)) {
      window = { token, start: now, count: 0 };
      this.current.set(token, window);
      this.windows.push(window);
    }
    if (window.block === undefined && window.count < this.quota) {
      window.count++;
      return { allowed: true, headers: this.headers(this.quota - window.count, window.start + this.windowMs - now) };
    }
    window.block ??= { from: now, until: now + this.windowMs };
    this.refused++;
    const wait = window.block.until - now;
    return { allowed: false, headers: { ...this.headers(0, wait), 'retry-after': String(seconds(wait)) } };
  }

  /** Forget every window, as if the tokens had been idle for longer than a window. */
  reset(): void {
    this.current.clear();
  }

  private headers(remaining: number, untilResetMs: number): Record<string, string> {
    return { ratelimit: `"default";r=${remaining};t=${seconds(untilResetMs)}`, 'ratelimit-policy': this.policy };
  }
}

/** Whole seconds, rounded up (at least 1 while any time is left). */
function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
