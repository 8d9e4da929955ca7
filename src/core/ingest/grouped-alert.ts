import type { Alert } from '../model/alert.ts';

/** The annotation that keeps an alert's own fingerprint when it is stored under its group's key. */
export const OWN_FINGERPRINT = 'causeway.fingerprint';

/** The alert as stored in an incident: claimed under the group key, its own fingerprint kept. */
export function groupedAlert(alert: Alert, key: string): Alert {
  if (key === alert.fingerprint) return alert;
  return { ...alert, fingerprint: key, annotations: { ...alert.annotations, [OWN_FINGERPRINT]: alert.fingerprint } };
}

/** The alert's own fingerprint, whether stored grouped or not. */
export function ownFingerprint(alert: Alert): string {
  return alert.annotations[OWN_FINGERPRINT] ?? alert.fingerprint;
}
