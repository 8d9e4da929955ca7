import { describe, expect, it } from 'vitest';
import { compareRollout } from '../../../src/core/metrics/compare-rollout.ts';
import type { MetricSeries } from '../../../src/core/metrics/metric-series.ts';
import { rolloutCohorts } from '../../../src/core/metrics/rollout-cohorts.ts';
import { rankHypotheses } from '../../../src/core/triage/rank-hypotheses.ts';
import { change, features, ONSET } from '../../support/features.ts';

const MIN = 60_000;
const START = ONSET - 4 * MIN;

/** A pod's series every 30 s from `from` (minutes from the onset) to 5 min after the onset. */
function pod(
  name: string,
  pod: string,
  from: number,
  value: (minute: number) => number,
  labels: Record<string, string> = {},
): MetricSeries {
  const times: number[] = [];
  const values: number[] = [];
  for (let m = from; m <= 5; m += 0.5) {
    times.push(ONSET + m * MIN);
    values.push(value(m));
  }
  const service = pod.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, '');
  return { name, labels: { pod, ...labels }, service, times, values };
}

/** A counter growing by `perMinute` per minute. */
const counter = (perMinute: number) => (m: number) => Math.round((m + 60) * perMinute);

// Two rollouts at once: checkout's new pods fail, payments' new pods are fine.
const series: MetricSeries[] = [
  pod('http_server_errors_total', 'checkout-6c8d9f7b4-aaaaa', -30, counter(0.1)),
  pod('http_server_errors_total', 'checkout-6c8d9f7b4-bbbbb', -30, counter(0.1)),
  pod('http_server_errors_total', 'checkout-7d9f8c6b5-ccccc', -3.5, counter(30)),
  pod('http_server_errors_total', 'checkout-7d9f8c6b5-ddddd', -3, counter(26)),
  pod('http_server_errors_total', 'payments-5b7c9d2f1-eeeee', -30, counter(0.2)),
  pod('http_server_errors_total', 'payments-8e1f2a3b4-fffff', -3.5, counter(0.2)),
  pod('http_server_request_duration_seconds_p90', 'payments-5b7c9d2f1-eeeee', -30, () => 0.12),
  pod('http_server_request_duration_seconds_p90', 'payments-8e1f2a3b4-fffff', -3.5, () => 0.125),
];

describe('rollout canary analysis', () => {
  it('tells new pods from old by the pod template hash, else by version label', () => {
    const c = change({ id: 'd-checkout', service: 'checkout', startedAt: START, finishedAt: undefined });
    const byHash = rolloutCohorts(c, series);
    expect(byHash?.by).toBe('pod template hash');
    expect([...(byHash?.newPods ?? [])].sort()).toEqual(['checkout-7d9f8c6b5-ccccc', 'checkout-7d9f8c6b5-ddddd']);
    const labelled = [
      pod('errors_total', 'checkout-6c8d9f7b4-aaaaa', -30, counter(1), { version: '1.4.0' }),
      pod('errors_total', 'checkout-6c8d9f7b4-bbbbb', -3, counter(1), { version: '1.5.0' }),
    ];
    const v = rolloutCohorts({ ...c, version: '1.5.0' }, labelled);
    expect(v?.by).toBe('version label');
    expect([...(v?.newPods ?? [])]).toEqual(['checkout-6c8d9f7b4-bbbbb']);
  });

  it('new pods failing where the old ones do not is worse; alike pods are not', () => {
    const window = { from: START, to: ONSET + 5 * MIN };
    const checkout = compareRollout(change({ id: 'd1', service: 'checkout', startedAt: START }), series, window);
    expect(checkout[0]).toMatchObject({ signal: 'errors' });
    expect(checkout[0]?.effect).toBeGreaterThan(3);
    const payments = compareRollout(change({ id: 'd2', service: 'payments', startedAt: START }), series, window);
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.every((x) => x.effect < 1)).toBe(true);
  });

  it('of two rollouts at once, the one whose new pods fail is ranked first, as a deploy', () => {
    const f = {
      ...features({ services: { frontend: {}, checkout: {}, payments: {} } }),
      changes: [
        change({ id: 'd-checkout', service: 'checkout', startedAt: START, finishedAt: undefined, version: 'v2' }),
        change({ id: 'd-payments', service: 'payments', startedAt: START + 30_000, finishedAt: undefined }),
      ],
      metrics: series,
    };
    const ranked = rankHypotheses(f, []);
    expect(ranked[0]).toMatchObject({ service: 'checkout', kind: 'deploy', changeId: 'd-checkout' });
    expect(ranked[0]?.reasons.map((r) => r.text).join(' ')).toMatch(
      /the new pods of checkout \(v2\) show errors [\d.]+\/s vs [\d.]+\/s on the old pods .*over the same/,
    );
    const payments = ranked.find((h) => h.service === 'payments');
    expect(payments?.evidence.some((e) => e.stance === 'refutes' && /look like the old ones/.test(e.summary))).toBe(
      true,
    );
  });
});
