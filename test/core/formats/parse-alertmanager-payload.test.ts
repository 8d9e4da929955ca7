import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerPayload } from '../../../src/core/formats/parse-alertmanager-payload.ts';

const sample = JSON.parse(readFileSync(new URL('../../fixtures/alertmanager-webhook.json', import.meta.url), 'utf8'));

describe('parseAlertmanagerPayload', () => {
  it('reads a real Alertmanager 0.25 webhook body', () => {
    const r = parseAlertmanagerPayload(sample);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value.alerts[0];
    expect(a?.status).toBe('firing');
    expect(a?.service).toBe('checkout');
    expect(a?.name).toBe('HighErrorRate');
    expect(a?.endsAt).toBeUndefined(); // 0001-01-01 means "not ended"
    expect(a?.fingerprint).toMatch(/^[0-9a-f]+$/);
  });

  it('finds the service in the configured label order', () => {
    const doc = {
      ...sample,
      alerts: [{ ...sample.alerts[0], labels: { alertname: 'X', app: 'billing', job: 'node' } }],
      commonLabels: {},
    };
    const r = parseAlertmanagerPayload(doc);
    expect(r.ok && r.value.alerts[0]?.service).toBe('billing');
    const r2 = parseAlertmanagerPayload(doc, ['job', 'app']);
    expect(r2.ok && r2.value.alerts[0]?.service).toBe('node');
  });

  it('names what is wrong', () => {
    expect(parseAlertmanagerPayload({ ...sample, version: '3' })).toMatchObject({
      ok: false,
      error: { field: 'version' },
    });
    expect(parseAlertmanagerPayload({ ...sample, alerts: [] })).toMatchObject({
      ok: false,
      error: { field: 'alerts' },
    });
    expect(
      parseAlertmanagerPayload({ ...sample, alerts: [{ ...sample.alerts[0], startsAt: 'yesterday' }] }),
    ).toMatchObject({
      ok: false,
      error: { field: 'alerts[0].startsAt' },
    });
  });
});
