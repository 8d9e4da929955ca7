import { describe, expect, it } from 'vitest';
import type { SeriesSet } from '../../../src/core/model/series-set.ts';
import { dataCoverage } from '../../../src/core/telemetry/data-coverage.ts';
import { emptySeries } from '../../../src/core/telemetry/empty-series.ts';
import { detectOnset } from '../../../src/core/triage/detect-onset.ts';
import { rankHypotheses } from '../../../src/core/triage/rank-hypotheses.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../src/core/triage/rank-options.ts';
import { logSignals } from '../../../src/core/triage/rules/log-signals.ts';
import { serviceDownRule } from '../../../src/core/triage/rules/service-down-rule.ts';
import { trafficRule } from '../../../src/core/triage/rules/traffic-rule.ts';
import { AS_OF, features, ONSET, T0 } from '../../support/features.ts';

const BUCKET = 10_000;
const START = Date.UTC(2026, 10, 20, 14, 0, 0);

/** One service's request series: `perBucket` requests in every bucket, 0 where `hole(b)`. */
function traced(n: number, perBucket: (b: number) => number, hole: (b: number) => boolean = () => false): SeriesSet {
  const s = emptySeries('api', n);
  for (let b = 0; b < n; b++) {
    const v = hole(b) ? 0 : perBucket(b);
    s.requests[b] = v;
    s.latencySum[b] = v * 20;
  }
  return { start: START, bucketMs: BUCKET, buckets: n, services: new Map([['api', s]]) };
}

describe('data coverage', () => {
  it('a continuous recording with a missing minute: the minute is a hole, its seams half covered', () => {
    const c = dataCoverage(
      traced(
        60,
        () => 40,
        (b) => b >= 20 && b < 26,
      ),
    );
    expect([...c.traces.slice(17, 29)]).toEqual([1, 1, 0.5, 0, 0, 0, 0, 0, 0, 0.5, 1, 1]);
    expect(c.logs.every((v) => v === 0)).toBe(true);
  });

  it('nothing is covered after the last record (the data horizon)', () => {
    const c = dataCoverage(
      traced(
        60,
        () => 40,
        (b) => b >= 50,
      ),
    );
    expect(c.traces[48]).toBe(1);
    expect(c.traces[49]).toBe(0.5);
    expect([...c.traces.slice(50)].every((v) => v === 0)).toBe(true);
  });

  it('a sampled source (many short empty stretches) is read as covered throughout', () => {
    // Tail-sampled traces: a bucket in three holds a few traces.
    const c = dataCoverage(traced(60, (b) => (b % 3 === 0 ? 5 : 0)));
    expect([...c.traces.slice(0, 57)].every((v) => v === 1)).toBe(true);
    expect(c.traces[57]).toBe(0.5);
  });
});

describe('honest windows', () => {
  it('the incident window ends at the data horizon when the newest data has not arrived (ingest lag)', () => {
    const n = 240;
    const asOf = START + 215 * BUCKET;
    // Steady load, errors step up at bucket 200; the last 45 s before the alert are missing.
    const lagFrom = 211;
    const s = traced(
      n,
      () => 50,
      (b) => b >= lagFrom,
    );
    const api = s.services.get('api');
    for (let b = 200; b < lagFrom; b++) if (api) api.requestErrors[b] = 20;
    const w = detectOnset(s, asOf, asOf + 60_000, 'api');
    expect(w.incident.to).toBe(START + lagFrom * BUCKET);
    expect(Math.abs(w.onset - (START + 200 * BUCKET))).toBeLessThanOrEqual(BUCKET);
    // The incident window holds traces for its length less the half-covered last bucket.
    expect(w.coverage?.incident.traces).toBe(w.incident.to - w.incident.from - BUCKET / 2);
  });

  it('a hole in the baseline is neither an onset nor counted in the baseline rate', () => {
    const n = 240;
    const asOf = START + 215 * BUCKET;
    // A collector restart: three minutes missing in the baseline, nothing else changes.
    const s = traced(
      n,
      (b) => 40 + ((b * 7919) % 5),
      (b) => b >= 150 && b < 168,
    );
    const w = detectOnset(s, asOf, asOf + 60_000, 'api');
    expect(w.onsetReason).toMatch(/no series shifted/);
    const baselineMs = w.baseline.to - w.baseline.from;
    expect(w.coverage?.baseline.traces).toBeLessThan(baselineMs - 17 * BUCKET);
  });

  it('a service whose data ends early with everyone else\'s is not "went silent", and a diluted baseline is not a surge', () => {
    const f = features({
      services: {
        // 30 min of baseline windows hold 5 min of data (600/min); the incident holds 3 min of 6.
        web: { b: { requests: 3000 }, i: { requests: 1800 } },
        api: { b: { requests: 3000, logs: 3000 }, i: { requests: 1800, logs: 1800 } },
      },
    });
    const bLen = f.windows.baseline.to - f.windows.baseline.from;
    const iLen = f.windows.incident.to - f.windows.incident.from;
    expect(bLen).toBeGreaterThan(20 * 60_000);
    // Without coverage the old reading: load tripled everywhere.
    const diluted = trafficRule(f, DEFAULT_RANK_OPTIONS, logSignals(f));
    expect(diluted.map((x) => x.service).sort()).toEqual(['api', 'web']);
    expect(diluted[0]?.text).toMatch(/rose ×2\.98/);
    const honestFeatures = {
      ...f,
      windows: {
        ...f.windows,
        coverage: {
          baseline: { traces: 5 * 60_000, logs: 5 * 60_000 },
          incident: { traces: 3 * 60_000, logs: 3 * 60_000 },
        },
      },
    };
    expect(trafficRule(honestFeatures, DEFAULT_RANK_OPTIONS, logSignals(honestFeatures))).toEqual([]);
    expect(serviceDownRule(honestFeatures, DEFAULT_RANK_OPTIONS)).toEqual([]);
    const honest = rankHypotheses(honestFeatures, []);
    expect(iLen).toBe(AS_OF + 60_000 - ONSET);
    expect(T0).toBeLessThan(ONSET);
    expect(honest.filter((h) => h.reasons.some((r) => r.rule === 'traffic' || r.rule === 'service-down'))).toEqual([]);
  });
});

describe('load without harm', () => {
  it('more requests with no sign of overload is said but scores nothing (a burst, a new request mix)', () => {
    const f = features({ services: { web: { b: { requests: 3000 }, i: { requests: 3000 } } } });
    const found = trafficRule(f, DEFAULT_RANK_OPTIONS, logSignals(f));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ service: 'web', points: 0 });
    expect(found[0]?.text).toMatch(/no sign that it is overloaded/);
    expect(rankHypotheses(f, []).find((h) => h.kind === 'traffic_surge')).toBeUndefined();
  });
});
