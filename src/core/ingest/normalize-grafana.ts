import type { FieldError } from '../formats/field-error.ts';
import { parseAlertmanagerPayload } from '../formats/parse-alertmanager-payload.ts';
import type { Result } from '../result/result.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

/**
 * A Grafana Alerting webhook body (`"version": "1"`, Alertmanager-shaped plus `orgId`, `title`,
 * `state`, per-alert `dashboardURL`/`panelURL`/`values`) → alerts. Grafana's fingerprint is kept,
 * prefixed `grafana-`; the dashboard and panel links become annotations.
 */
export function normalizeGrafana(
  doc: unknown,
  serviceLabels: readonly string[],
): Result<NormalizedDelivery, FieldError> {
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object (a Grafana Alerting webhook body)');
  if (doc.version !== '1')
    return J.fail('version', `${JSON.stringify(doc.version)} is not supported; Grafana Alerting sends "version": "1"`);
  const p = parseAlertmanagerPayload({ ...doc, version: undefined }, serviceLabels);
  if (!p.ok) return p;
  const raw = doc.alerts as unknown[];
  const alerts = p.value.alerts.map((a, i) => {
    const r = J.isObject(raw[i]) ? (raw[i] as Record<string, unknown>) : {};
    const links = {
      ...(J.text(r.dashboardURL) ? { dashboardURL: J.text(r.dashboardURL) as string } : {}),
      ...(J.text(r.panelURL) ? { panelURL: J.text(r.panelURL) as string } : {}),
      ...(J.text(r.valueString) ? { valueString: J.text(r.valueString) as string } : {}),
    };
    return {
      ...a,
      fingerprint: `grafana-${a.fingerprint}`,
      annotations: { ...a.annotations, ...links },
      source: 'grafana',
    };
  });
  return { ok: true, value: { kind: 'alerts', alerts } };
}
