import { parseAlertMessage } from '../../core/chat/alerts/parse-alert-message.ts';
import { prometheusFingerprint } from '../../core/chat/alerts/prometheus-fingerprint.ts';
import type { Alert } from '../../core/model/alert.ts';

/**
 * The alert behind `/causeway triage <target>`: pasted alert text when it parses as one, else a
 * firing "ManualTriage" alert on the named service (one word), or about the free text. Its
 * fingerprint is the target's, so asking twice re-triages the same open incident.
 */
export function manualAlert(target: string, now: number, serviceLabels: readonly string[]): Alert {
  const pasted = parseAlertMessage({ ts: String(now / 1000), text: target }, { serviceLabels, receivedAt: now });
  const firing = pasted?.alerts.find((a) => a.status === 'firing');
  if (firing) return firing;
  const service = /^[A-Za-z0-9][\w.:/-]*$/.test(target) ? target : undefined;
  const labels: Record<string, string> = { alertname: 'ManualTriage', ...(service ? { service } : {}) };
  return {
    fingerprint: prometheusFingerprint({ causeway_manual: target.toLowerCase() }),
    name: service ? 'Manual triage' : target.slice(0, 120),
    status: 'firing',
    service,
    labels,
    annotations: { summary: target },
    startsAt: now,
    endsAt: undefined,
    generatorUrl: undefined,
    source: 'slack:command',
  };
}
