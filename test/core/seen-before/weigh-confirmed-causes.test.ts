import { describe, expect, it } from 'vitest';
import type { Hypothesis } from '../../../src/core/model/hypothesis.ts';
import type { TriageReport } from '../../../src/core/model/triage-report.ts';
import type { PastCause } from '../../../src/core/seen-before/past-cause.ts';
import { reweighReport } from '../../../src/core/seen-before/reweigh-report.ts';
import type { SeenBeforeMatch } from '../../../src/core/seen-before/seen-before-match.ts';
import {
  CONFIRMED_CAUSE_SHARE,
  OTHER_KIND,
  weighConfirmedCauses,
} from '../../../src/core/seen-before/weigh-confirmed-causes.ts';
import { calibrate } from '../../../src/core/triage/calibrate.ts';

const NOV_12 = Date.UTC(2026, 10, 12, 9, 30);

function hyp(id: string, service: string, kind: Hypothesis['kind'], score: number): Hypothesis {
  return {
    id,
    service,
    kind,
    score,
    evidence: [],
    reasons: [
      { rule: 'origin-errors', points: score, text: `${service} fails its own requests` },
      { rule: 'kind', points: 0, text: `kind ${kind}` },
    ],
  };
}

function match(incidentId: string, similarity: number, rootCause?: PastCause): SeenBeforeMatch {
  return {
    incidentId,
    similarity,
    title: `alert of ${incidentId}`,
    resolvedAt: NOV_12,
    cause: rootCause ? `${rootCause.service} (${rootCause.kind})` : undefined,
    confirmed: rootCause?.confirmedBy === 'feedback' || rootCause?.confirmedBy === 'runbook',
    fixedBy: undefined,
    ...(rootCause ? { rootCause } : {}),
    shared: [],
  };
}

const confirmed = (service: string, kind: Hypothesis['kind']): PastCause => ({
  service,
  kind,
  confirmedBy: 'feedback',
});

const ranking = () => [
  hyp('h1', 'cart', 'latency', 50),
  hyp('h2', 'checkout', 'deploy', 45),
  hyp('h3', 'db', 'latency', 20),
];

describe('weighConfirmedCauses: a similar past incident’s confirmed cause as one more reason', () => {
  it('lifts a current hypothesis on the confirmed service by share × similarity × the leader’s score, with a reason naming the incident', () => {
    const out = weighConfirmedCauses(ranking(), [match('INC-20261112-aa', 0.8, confirmed('checkout', 'deploy'))]);
    const points = Math.round(CONFIRMED_CAUSE_SHARE * 0.8 * 50 * 100) / 100;
    expect(out.map((h) => [h.id, h.service, h.score])).toEqual([
      ['h2', 'checkout', 45 + points],
      ['h1', 'cart', 50],
      ['h3', 'db', 20],
    ]);
    const lifted = out[0] as Hypothesis;
    expect(lifted.reasons.map((r) => r.rule)).toEqual(['origin-errors', 'seen-before', 'kind']);
    expect(lifted.reasons[1]).toEqual({
      rule: 'seen-before',
      points,
      text: 'seen before: confirmed as the cause of incident INC-20261112-aa on 2026-11-12 (checkout, deploy), similarity 0.80',
    });
  });

  it('never adds a hypothesis: a confirmed cause on a service not among them changes nothing', () => {
    const hs = ranking();
    expect(weighConfirmedCauses(hs, [match('INC-1', 1, confirmed('payments', 'deploy'))])).toEqual(hs);
  });

  it('counts only causes people confirmed (👍): not a runbook fix, not an unconfirmed leader, not a match without a stored cause', () => {
    const hs = ranking();
    const others = [
      match('INC-1', 1, { service: 'checkout', kind: 'deploy', confirmedBy: 'runbook' }),
      match('INC-2', 1, { service: 'checkout', kind: 'deploy', confirmedBy: 'unconfirmed' }),
      match('INC-3', 1),
    ];
    expect(weighConfirmedCauses(hs, others)).toEqual(hs);
  });

  it('is bounded: a hypothesis trailing the leader by more than the share cannot overtake it, whatever the similarity', () => {
    const out = weighConfirmedCauses(ranking(), [match('INC-1', 1, confirmed('db', 'latency'))]);
    expect(out.map((h) => h.service)).toEqual(['cart', 'checkout', 'db']);
    expect(out[2]?.score).toBe(20 + CONFIRMED_CAUSE_SHARE * 50);
  });

  it('counts another fault kind on the same service for less, and one match per hypothesis (its best)', () => {
    const out = weighConfirmedCauses(ranking(), [
      match('INC-1', 0.6, confirmed('checkout', 'config')),
      match('INC-2', 0.5, confirmed('checkout', 'deploy')),
      match('INC-3', 0.4, confirmed('checkout', 'deploy')),
    ]);
    const checkout = out.find((h) => h.service === 'checkout') as Hypothesis;
    const best = Math.max(0.6 * OTHER_KIND, 0.5);
    expect(checkout.score).toBe(Math.round((45 + CONFIRMED_CAUSE_SHARE * best * 50) * 100) / 100);
    expect(checkout.reasons.filter((r) => r.rule === 'seen-before')).toHaveLength(1);
    expect(checkout.reasons[1]?.text).toContain('INC-2');
  });

  it('leaves a hypothesis without a positive score alone, and ties sort by service as the ranking does', () => {
    const hs = [hyp('h1', 'cart', 'latency', 40), hyp('h2', 'zeta', 'latency', 30), hyp('h3', 'db', 'latency', 0)];
    const out = weighConfirmedCauses(hs, [
      match('INC-1', 1, confirmed('zeta', 'latency')),
      match('INC-2', 1, confirmed('db', 'latency')),
    ]);
    expect(out.map((h) => [h.service, h.score])).toEqual([
      ['cart', 40],
      ['zeta', 40],
      ['db', 0],
    ]);
  });

  it('leaves its input unchanged', () => {
    const hs = ranking();
    const copy = structuredClone(hs);
    const ms = [match('INC-1', 0.9, confirmed('checkout', 'deploy'))];
    expect(weighConfirmedCauses(hs, ms)).not.toEqual(hs);
    expect(hs).toEqual(copy);
  });
});

describe('reweighReport', () => {
  const report = (hypotheses: Hypothesis[]): TriageReport => ({
    asOf: NOV_12,
    alerts: [],
    windows: {
      baseline: { from: 0, to: 1 },
      incident: { from: 1, to: 2 },
      onset: 1,
      onsetReason: 'test',
    },
    sources: { logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } },
    hypotheses,
    confidence: 'low',
    summary: 'before',
  });

  it('recalibrates the re-ordered hypotheses and rebuilds the confidence and the summary from them', () => {
    const before = report(calibrate(ranking()));
    const after = reweighReport(before, [match('INC-1', 0.8, confirmed('checkout', 'deploy'))]);
    expect(after.hypotheses[0]?.service).toBe('checkout');
    expect(after.hypotheses[0]?.probability).toBeGreaterThan(before.hypotheses[1]?.probability ?? 1);
    expect(after.hypotheses.reduce((s, h) => s + (h.probability ?? 0), 0)).toBeLessThanOrEqual(1);
    expect(after.summary).toContain('a deploy in checkout');
    expect(after.summary).toContain('checkout fails its own requests');
    expect(after.confidence).not.toBe('low');
  });

  it("the chart's moved metric series follow the new order: the lifted hypothesis' series is drawn", () => {
    const series = (service: string) => ({
      service,
      metric: `errors_total{service=${service}}`,
      summary: '',
      perSecond: true,
      baselineMedian: 0,
      points: [{ at: 1, value: 1 }],
    });
    const before = { ...report(calibrate(ranking())), moved: [series('cart'), series('checkout')] };
    expect(before.hypotheses[0]?.service).toBe('cart');
    const after = reweighReport(before, [match('INC-1', 0.8, confirmed('checkout', 'deploy'))]);
    expect(after.moved?.map((m) => m.service)).toEqual(['checkout', 'cart']);
  });

  it('returns the same report when no match adds anything', () => {
    const before = report(calibrate(ranking()));
    expect(reweighReport(before, [])).toBe(before);
    expect(reweighReport(before, [match('INC-1', 1, confirmed('payments', 'deploy'))])).toBe(before);
  });
});
