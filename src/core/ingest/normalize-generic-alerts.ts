import type { FieldError } from '../formats/field-error.ts';
import type { Alert } from '../model/alert.ts';
import type { Result } from '../result/result.ts';
import { buildAlert } from './build-alert.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

/**
 * Causeway's own alert format for anything else: `{"alerts": [{name, status, service?, labels?,
 * annotations?, startsAt, endsAt?, fingerprint?, url?}]}` (or one such object). `startsAt` is RFC 3339
 * or epoch ms; without `fingerprint` one is derived from the name and labels.
 */
export function normalizeGenericAlerts(
  doc: unknown,
  serviceLabels: readonly string[],
): Result<NormalizedDelivery, FieldError> {
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object: {"alerts": [...]} or one alert');
  const list = doc.alerts === undefined ? [doc] : doc.alerts;
  const base = doc.alerts === undefined ? '' : 'alerts';
  if (!Array.isArray(list) || list.length === 0) return J.fail('alerts', 'expected a non-empty array of alerts');
  const alerts: Alert[] = [];
  for (let i = 0; i < list.length; i++) {
    const a: unknown = list[i];
    const p = base ? `${base}[${i}]` : '';
    const f = (name: string) => (p ? `${p}.${name}` : name);
    if (!J.isObject(a)) return J.fail(p || '(document)', 'expected an object');
    const name = J.text(a.name) ?? J.text(J.stringMap(a.labels).alertname);
    if (!name) return J.fail(f('name'), 'missing (the alert name, e.g. "HighErrorRate")');
    const status = a.status ?? 'firing';
    if (status !== 'firing' && status !== 'resolved') return J.fail(f('status'), 'must be "firing" or "resolved"');
    if (a.labels !== undefined && !J.isObject(a.labels)) return J.fail(f('labels'), 'not an object of strings');
    if (a.annotations !== undefined && !J.isObject(a.annotations))
      return J.fail(f('annotations'), 'not an object of strings');
    const startsAt = J.time(a.startsAt, 'rfc3339-or-epoch', f('startsAt'));
    if (!startsAt.ok) return startsAt;
    let endsAt: number | undefined;
    if (a.endsAt !== undefined && a.endsAt !== null) {
      const t = J.time(a.endsAt, 'rfc3339-or-epoch', f('endsAt'));
      if (!t.ok) return t;
      endsAt = t.value;
    }
    const service = J.text(a.service);
    const labels = { alertname: name, ...J.stringMap(a.labels), ...(service ? { service } : {}) };
    alerts.push(
      buildAlert(
        {
          name,
          status,
          labels,
          annotations: J.stringMap(a.annotations),
          startsAt: startsAt.value,
          endsAt,
          generatorUrl: J.text(a.url),
          source: 'generic',
          identity: J.text(a.fingerprint),
        },
        service ? ['service', ...serviceLabels] : serviceLabels,
      ),
    );
  }
  return { ok: true, value: { kind: 'alerts', alerts } };
}
