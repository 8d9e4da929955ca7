/** At most `limit` investigations per channel in any `windowMs`: `take` says whether one more may start now. */
export type ChannelRateLimiter = { take(channel: string, now: number): boolean };

/** A sliding-window limiter (times come in as arguments: the caller owns the clock). */
export function createChannelRateLimiter(limit: number, windowMs: number): ChannelRateLimiter {
  const starts = new Map<string, number[]>();
  return {
    take(channel, now) {
      const recent = (starts.get(channel) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        starts.set(channel, recent);
        return false;
      }
      recent.push(now);
      starts.set(channel, recent);
      return true;
    },
  };
}
