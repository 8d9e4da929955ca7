import type { Alert } from '../model/alert.ts';

/** Whether every alert of an incident (by fingerprint, latest delivery wins) has resolved. */
export function isIncidentCleared(alerts: readonly Alert[]): boolean {
  const latest = new Map<string, Alert['status']>();
  for (const a of alerts) latest.set(a.fingerprint, a.status);
  if (latest.size === 0) return false;
  for (const s of latest.values()) if (s !== 'resolved') return false;
  return true;
}
