import type { Alert } from '../../core/model/alert.ts';

/** At most this many distinct alerts are handed to the triage (a storm incident has thousands). */
const MAX_ALERTS = 50;

/** One alert per fingerprint (the latest delivery), firing first. */
export function distinctAlerts(stored: readonly Alert[]): Alert[] {
  const byFp = new Map<string, Alert>();
  for (const a of stored) byFp.set(a.fingerprint, a);
  const all = [...byFp.values()];
  return [...all.filter((a) => a.status === 'firing'), ...all.filter((a) => a.status !== 'firing')].slice(
    0,
    MAX_ALERTS,
  );
}
