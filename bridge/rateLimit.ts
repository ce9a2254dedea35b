/**
 * The command rate limit: a token bucket (a burst of `burst` commands, then one every
 * `60 000 / perMinute` ms). A page gone wrong, or a script that stole the token, cannot
 * flood the engine with stop/start cycles.
 */

export interface RateLimiter {
  /** Takes one command slot; false when over the limit (the command must be refused). */
  take(now?: number): boolean;
  /** Ms until a slot is free (0 when one is). */
  retryAfterMs(now?: number): number;
}

/**
 * @param perMinute steady rate, commands per minute (> 0)
 * @param burst commands allowed at once (>= 1)
 */
export function createRateLimiter(perMinute: number, burst: number): RateLimiter {
  const refillMs = 60_000 / perMinute;
  let tokens = burst;
  let last = Date.now();
  const refill = (now: number) => {
    tokens = Math.min(burst, tokens + (now - last) / refillMs);
    last = now;
  };
  return {
    take(now = Date.now()) {
      refill(now);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    retryAfterMs(now = Date.now()) {
      refill(now);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * refillMs);
    },
  };
}
