import type { Alert } from '../model/alert.ts';
import type { Result } from '../result/result.ts';
import type { FieldError } from './field-error.ts';
import { labelsFingerprint } from './labels-fingerprint.ts';
import { parseTimestamp } from './parse-timestamp.ts';

const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;

export const DEFAULT_SERVICE_LABELS = ['service', 'service_name', 'app', 'job', 'kubernetes_deployment'] as const;

/** What an Alertmanager webhook body (payload version 4) says, normalised. */
export type AlertmanagerPayload = {
  readonly status: 'firing' | 'resolved';
  readonly receiver: string;
  readonly groupKey: string;
  readonly externalUrl: string | undefined;
  readonly alerts: readonly Alert[];
};

/**
 * Reads an Alertmanager webhook body. `serviceLabels` is the order in which labels are tried to
 * name the affected service. Errors name the JSON path of the field.
 */
export function parseAlertmanagerPayload(
  doc: unknown,
  serviceLabels: readonly string[] = DEFAULT_SERVICE_LABELS,
): Result<AlertmanagerPayload, FieldError> {
  if (!isObject(doc)) return fail('(document)', 'expected a JSON object (an Alertmanager webhook body)');
  if (doc.version !== undefined && doc.version !== '4') {
    return fail('version', `${JSON.stringify(doc.version)} is not supported; Alertmanager payload version "4" is`);
  }
  const status = doc.status;
  if (status !== 'firing' && status !== 'resolved') return fail('status', 'must be "firing" or "resolved"');
  if (!Array.isArray(doc.alerts) || doc.alerts.length === 0) return fail('alerts', 'missing or empty');
  const common = stringMap(doc.commonLabels);
  const alerts: Alert[] = [];
  for (let i = 0; i < doc.alerts.length; i++) {
    const a: unknown = doc.alerts[i];
    const path = `alerts[${i}]`;
    if (!isObject(a)) return fail(path, 'expected an object');
    const aStatus = a.status ?? status;
    if (aStatus !== 'firing' && aStatus !== 'resolved') return fail(`${path}.status`, 'must be "firing" or "resolved"');
    if (!isObject(a.labels)) return fail(`${path}.labels`, 'missing or not an object');
    const labels = { ...common, ...stringMap(a.labels) };
    const started = parseTimestamp(a.startsAt, 'rfc3339');
    if (!started.ok) return fail(`${path}.startsAt`, started.error);
    const startsAt = started.value;
    let endsAt: number | undefined;
    // Alertmanager (and Grafana) send Go's zero time, 0001-01-01T00:00:00Z, for "not ended".
    if (a.endsAt !== undefined && a.endsAt !== null && a.endsAt !== '' && !GO_ZERO_TIME.test(String(a.endsAt))) {
      const ended = parseTimestamp(a.endsAt, 'rfc3339');
      if (!ended.ok) return fail(`${path}.endsAt`, ended.error);
      endsAt = ended.value;
    }
    const service = serviceLabels.map((l) => labels[l]).find((v) => v !== undefined && v !== '');
    alerts.push({
      fingerprint:
        typeof a.fingerprint === 'string' && a.fingerprint !== '' ? a.fingerprint : labelsFingerprint(labels),
      name: labels.alertname ?? '(unnamed alert)',
      status: aStatus,
      service,
      labels,
      annotations: { ...stringMap(doc.commonAnnotations), ...stringMap(a.annotations) },
      startsAt,
      endsAt,
      generatorUrl: typeof a.generatorURL === 'string' && a.generatorURL !== '' ? a.generatorURL : undefined,
      source: 'alertmanager',
    });
  }
  return {
    ok: true,
    value: {
      status,
      receiver: typeof doc.receiver === 'string' ? doc.receiver : '',
      groupKey: typeof doc.groupKey === 'string' ? doc.groupKey : '',
      externalUrl: typeof doc.externalURL === 'string' ? doc.externalURL : undefined,
      alerts,
    },
  };
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function fail(field: string, message: string): { ok: false; error: FieldError } {
  return { ok: false, error: { field, message } };
}
