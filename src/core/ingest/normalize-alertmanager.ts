import type { FieldError } from '../formats/field-error.ts';
import { parseAlertmanagerPayload } from '../formats/parse-alertmanager-payload.ts';
import type { Result } from '../result/result.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

/**
 * A Prometheus Alertmanager webhook body (payload version "4") → alerts. The fingerprint is
 * Alertmanager's own (stable across deliveries and replicas of Alertmanager).
 */
export function normalizeAlertmanager(
  doc: unknown,
  serviceLabels: readonly string[],
): Result<NormalizedDelivery, FieldError> {
  if (
    doc !== null &&
    typeof doc === 'object' &&
    !Array.isArray(doc) &&
    (doc as { version?: unknown }).version === undefined
  )
    return {
      ok: false,
      error: { field: 'version', message: 'missing; an Alertmanager webhook body has "version": "4"' },
    };
  const p = parseAlertmanagerPayload(doc, serviceLabels);
  if (!p.ok) return p;
  return { ok: true, value: { kind: 'alerts', alerts: p.value.alerts } };
}
