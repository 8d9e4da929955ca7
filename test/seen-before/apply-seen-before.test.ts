import { afterEach, describe, expect, it } from 'vitest';
import { applySeenBefore } from '../../src/app/seen-before/apply-seen-before.ts';
import { rememberIncident } from '../../src/app/seen-before/remember-incident.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { Evidence } from '../../src/core/model/evidence.ts';
import type { Hypothesis } from '../../src/core/model/hypothesis.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { calibrate } from '../../src/core/triage/calibrate.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';

const NOV_12 = Date.UTC(2026, 10, 12, 9, 0, 0);
const DEC_06 = Date.UTC(2026, 11, 6, 4, 0, 0);

const alert: Alert = {
  fingerprint: 'fp-checkout',
  name: 'HighErrorRate',
  status: 'firing',
  service: 'checkout',
  labels: { alertname: 'HighErrorRate', service: 'checkout' },
  annotations: { summary: '5xx above 5%' },
  startsAt: NOV_12 - 60_000,
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'alertmanager',
};

function pattern(id: string, service: string, template: string): Evidence {
  return {
    id,
    source: 'logs',
    kind: 'new-pattern',
    service,
    summary: `new log pattern: "${template}"`,
    stance: 'supports',
    data: { level: 'error', count: 120 },
  };
}

function hyp(id: string, service: string, kind: Hypothesis['kind'], score: number, evidence: Evidence[]): Hypothesis {
  return {
    id,
    service,
    kind,
    score,
    evidence,
    reasons: [
      { rule: 'log-patterns', points: score, text: `new error lines in ${service}` },
      { rule: 'kind', points: 0, text: `kind ${kind}` },
    ],
  };
}

/** The same symptoms every time: cart slow and checkout failing, close together; cart leads. */
function report(asOf: number): TriageReport {
  return {
    asOf,
    alerts: [alert],
    windows: {
      baseline: { from: asOf - 3_600_000, to: asOf - 600_000 },
      incident: { from: asOf - 600_000, to: asOf },
      onset: asOf - 300_000,
      onsetReason: 'error rate of checkout rose',
    },
    sources: { logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } },
    hypotheses: calibrate([
      hyp('h1', 'cart', 'latency', 50, [pattern('e1', 'cart', 'TimeoutError calling <*>')]),
      hyp('h2', 'checkout', 'deploy', 45, [pattern('e2', 'checkout', 'Internal Server Error: <*>')]),
      hyp('h3', 'db', 'latency', 12, []),
    ]),
    confidence: 'low',
    summary: 'Weak lead: a slowdown in cart.',
  };
}

/** A past incident with that report, resolved on Nov 12, with 👍 on `confirm` (a hypothesis id) if given. */
async function pastIncident(storage: Storage, id: string, confirm?: string): Promise<void> {
  await storage.incidents.openOrJoin({ newId: id, alert: { ...alert, fingerprint: `fp-${id}` }, at: NOV_12 });
  await storage.incidents.saveTriage(id, { at: NOV_12 + 1000, report: report(NOV_12) });
  if (confirm)
    await storage.feedback.record({
      incidentId: id,
      hypothesisId: confirm,
      user: 'slack:UALICE',
      verdict: 'confirmed',
      note: undefined,
      at: NOV_12 + 2000,
    });
  await storage.incidents.resolve(id, NOV_12 + 3_600_000);
  expect(await rememberIncident({ storage, checkpointKey: undefined }, id)).toBe(true);
}

describe.each(BACKENDS)('applySeenBefore on stored incidents: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('a similar past incident whose cause people confirmed lifts that service, with a reason naming it; recalibrated and summarized', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    await pastIncident(storage, 'INC-20261112-past', 'h2');
    const now = report(DEC_06);
    const { report: weighed, matches } = await applySeenBefore(storage, now, 'INC-20261206-now');
    expect(matches.map((m) => [m.incidentId, m.similarity])).toEqual([['INC-20261112-past', 1]]);
    expect(matches[0]?.rootCause).toEqual({ service: 'checkout', kind: 'deploy', confirmedBy: 'feedback' });
    expect(weighed.hypotheses.map((h) => [h.id, h.service])).toEqual([
      ['h2', 'checkout'],
      ['h1', 'cart'],
      ['h3', 'db'],
    ]);
    const top = weighed.hypotheses[0] as Hypothesis;
    expect(top.score).toBe(45 + 0.25 * 50);
    expect(top.reasons.find((r) => r.rule === 'seen-before')?.text).toBe(
      'seen before: confirmed as the cause of incident INC-20261112-past on 2026-11-12 (checkout, deploy), similarity 1.00',
    );
    expect(top.probability).toBeGreaterThan(now.hypotheses[0]?.probability ?? 1);
    expect(weighed.summary).toContain('a deploy in checkout');
    // Everything else is the triage's own.
    expect({ ...weighed, hypotheses: [], confidence: 'x', summary: '' }).toEqual({
      ...now,
      hypotheses: [],
      confidence: 'x',
      summary: '',
    });
  });

  it('a past incident nobody confirmed is shown but does not move the ranking', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    await pastIncident(storage, 'INC-20261112-past');
    const now = report(DEC_06);
    const { report: weighed, matches } = await applySeenBefore(storage, now, 'INC-20261206-now');
    expect(matches.map((m) => [m.incidentId, m.rootCause?.confirmedBy])).toEqual([
      ['INC-20261112-past', 'unconfirmed'],
    ]);
    expect(weighed).toBe(now);
  });

  it('a confirmed cause on a service that is not among the current hypotheses adds nothing', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    await pastIncident(storage, 'INC-20261112-past', 'h2');
    const now = report(DEC_06);
    const elsewhere = {
      ...now,
      hypotheses: now.hypotheses.map((h) => (h.service === 'checkout' ? { ...h, service: 'checkout-v2' } : h)),
    };
    const { report: weighed, matches } = await applySeenBefore(storage, elsewhere, 'INC-20261206-now');
    expect(matches).toHaveLength(1);
    expect(weighed).toBe(elsewhere);
  });

  it('an incident kept before causes were stored as data (no rootCause in its summary) is shown and not fed', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    await pastIncident(storage, 'INC-20261112-past', 'h2');
    const raw = await db.raw();
    await raw.run('UPDATE seen_before_incidents SET summary = $1 WHERE incident_id = $2', [
      JSON.stringify({ title: 'HighErrorRate', service: 'checkout', cause: 'checkout (deploy)', confirmed: true }),
      'INC-20261112-past',
    ]);
    const now = report(DEC_06);
    const { report: weighed, matches } = await applySeenBefore(storage, now, 'INC-20261206-now');
    expect(matches.map((m) => [m.incidentId, m.cause, m.confirmed, m.rootCause])).toEqual([
      ['INC-20261112-past', 'checkout (deploy)', true, undefined],
    ]);
    expect(weighed).toBe(now);
  });

  it('the incident itself is never its own "seen before"', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    await pastIncident(storage, 'INC-20261112-past', 'h2');
    const { report: weighed, matches } = await applySeenBefore(storage, report(DEC_06), 'INC-20261112-past');
    expect(matches).toEqual([]);
    expect(weighed.hypotheses[0]?.service).toBe('cart');
  });
});
