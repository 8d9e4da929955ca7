import type { LogEvent } from '../model/records.ts';

/**
 * Per service and message kind, keeps at most `ratePerSec` lines per second with a burst
 * of a minute (what log rate limiting in an app or shipper does during an error storm);
 * the error pattern stays visible, the volume stays bounded.
 */
export function throttleLogs(events: readonly LogEvent[], ratePerSec: number): LogEvent[] {
  const burst = ratePerSec * 60;
  const buckets = new Map<string, { tokens: number; last: number }>();
  const out: LogEvent[] = [];
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    const key = `${e.service}|${e.event}|${e.level}`;
    let b = buckets.get(key);
    if (!b) {
      b = { tokens: burst, last: e.t };
      buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((e.t - b.last) / 1000) * ratePerSec);
    b.last = e.t;
    if (b.tokens < 1) continue;
    b.tokens -= 1;
    out.push(e);
  }
  return out;
}
