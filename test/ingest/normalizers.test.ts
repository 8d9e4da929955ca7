import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeAlertmanager } from '../../src/core/ingest/normalize-alertmanager.ts';
import { normalizeDatadog } from '../../src/core/ingest/normalize-datadog.ts';
import { normalizeGenericChanges } from '../../src/core/ingest/normalize-generic-changes.ts';
import { normalizeGithubDeployment } from '../../src/core/ingest/normalize-github-deployment.ts';
import { normalizePagerduty } from '../../src/core/ingest/normalize-pagerduty.ts';

const LABELS = ['service', 'app'];

describe('normalisers', () => {
  it('Alertmanager: the real webhook body keeps its fingerprint and service', () => {
    const doc = JSON.parse(readFileSync(new URL('../fixtures/alertmanager-webhook.json', import.meta.url), 'utf8'));
    const r = normalizeAlertmanager(doc, LABELS);
    expect(r).toMatchObject({
      ok: true,
      value: { kind: 'alerts', alerts: [{ fingerprint: '69c2e62f0b0aec37', service: 'checkout' }] },
    });
  });

  it('fingerprints are stable across a trigger and its recovery (Datadog)', () => {
    const base = { alert_id: '42', scope: 'service:api', date: '1795500000000', tags: 'service:api,env:prod' };
    const t = normalizeDatadog({ ...base, transition: 'Triggered' }, LABELS);
    const rec = normalizeDatadog({ ...base, transition: 'Recovered', date: '1795500600000' }, LABELS);
    if (!t.ok || !rec.ok || t.value.kind !== 'alerts' || rec.value.kind !== 'alerts')
      throw new Error('expected alerts');
    expect(t.value.alerts[0]?.fingerprint).toBe(rec.value.alerts[0]?.fingerprint);
    expect(rec.value.alerts[0]).toMatchObject({ status: 'resolved', service: 'api', labels: { env: 'prod' } });
  });

  it('PagerDuty: non-alert events are ignored, missing fields are named', () => {
    expect(normalizePagerduty({ event: { event_type: 'incident.acknowledged' } }, LABELS)).toMatchObject({
      ok: true,
      value: { kind: 'ignored' },
    });
    expect(normalizePagerduty({ nope: 1 }, LABELS)).toMatchObject({ ok: false, error: { field: 'event' } });
  });

  it('GitHub: other events are ignored; generic changes name the index of a bad record', () => {
    expect(normalizeGithubDeployment({}, 'push')).toMatchObject({ ok: true, value: { kind: 'ignored' } });
    expect(
      normalizeGenericChanges([
        { id: 'a', type: 'deploy', service: 's', startedAt: '2026-11-24T00:00:00Z' },
        { id: 'b' },
      ]),
    ).toMatchObject({ ok: false, error: { field: '[1].type' } });
  });
});

describe('normalisers: times', () => {
  const am = (alert: Record<string, unknown>) => ({
    version: '4',
    status: 'firing',
    alerts: [{ labels: { alertname: 'X' }, startsAt: '2026-11-24T10:00:00Z', ...alert }],
  });

  it("Alertmanager: Go's zero time means not ended; any other end time is checked like the start", () => {
    expect(normalizeAlertmanager(am({ endsAt: '0001-01-01T00:00:00Z' }), LABELS)).toMatchObject({
      ok: true,
      value: { alerts: [{ endsAt: undefined }] },
    });
    expect(normalizeAlertmanager(am({ endsAt: '2026-11-31T10:00:00Z' }), LABELS)).toMatchObject({
      ok: false,
      error: { field: 'alerts[0].endsAt', message: expect.stringMatching(/November 2026 has 30 days/) },
    });
  });

  it('Datadog: the date out of range is named, with how the template sets it', () => {
    expect(normalizeDatadog({ alert_id: '1', transition: 'Triggered', date: 1e300 }, LABELS)).toEqual({
      ok: false,
      error: { field: 'date', message: '1e+300 is outside the years 1970–9999 (the template sets it to "$DATE")' },
    });
  });

  it('GitHub: an impossible status time is refused, not dropped', () => {
    const doc = {
      deployment_status: { state: 'success', updated_at: '2026-02-29T10:00:00Z' },
      deployment: { id: 1, created_at: '2026-02-28T10:00:00Z' },
      repository: { name: 'checkout' },
    };
    expect(normalizeGithubDeployment(doc, 'deployment_status')).toMatchObject({
      ok: false,
      error: { field: 'deployment_status.updated_at' },
    });
  });
});
