import { utcTime } from './utc-time.ts';

/** "expires in 27 min (at 18:45:00 UTC)", "expires in under a minute …", "expired at …". */
export function runbookCountdown(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return `expired at ${utcTime(expiresAt)}`;
  const min = Math.floor(left / 60_000);
  return `expires in ${min < 1 ? 'under a minute' : `${min} min`} (at ${utcTime(expiresAt)})`;
}
