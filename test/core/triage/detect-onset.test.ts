import { describe, expect, it } from 'vitest';
import type { SeriesSet } from '../../../src/core/model/series-set.ts';
import { emptySeries } from '../../../src/core/telemetry/empty-series.ts';
import { detectOnset } from '../../../src/core/triage/detect-onset.ts';

const BUCKET = 10_000;
const START = Date.UTC(2026, 10, 20, 14, 0, 0);

/** A deterministic "noisy" series: base level with a wobble, stepping up at bucket `step`. */
function series(n: number, step: number | undefined, base: number, after: number) {
  return Array.from({ length: n }, (_, i) => (step !== undefined && i >= step ? after : base) + ((i * 7919) % 5) - 2);
}

function set(
  services: Record<string, { requests?: number[]; errors?: number[]; logs?: number[] }>,
  n: number,
): SeriesSet {
  const map = new Map();
  for (const [name, v] of Object.entries(services)) {
    const s = emptySeries(name, n);
    v.requests?.forEach((x, i) => {
      s.requests[i] = Math.max(0, x);
      s.latencySum[i] = Math.max(0, x) * 20;
    });
    v.errors?.forEach((x, i) => {
      s.requestErrors[i] = Math.max(0, x);
    });
    v.logs?.forEach((x, i) => {
      s.logs[i] = Math.max(0, x);
    });
    map.set(name, s);
  }
  return { start: START, bucketMs: BUCKET, buckets: n, services: map };
}

describe('detectOnset', () => {
  it('finds the bucket where errors step up, within one bucket', () => {
    const n = 240;
    const s = set({ api: { requests: series(n, undefined, 50, 50), errors: series(n, 200, 3, 25) } }, n);
    const asOf = START + 215 * BUCKET;
    const w = detectOnset(s, asOf, asOf + 60_000, 'api');
    expect(Math.abs(w.onset - (START + 200 * BUCKET))).toBeLessThanOrEqual(BUCKET);
    expect(w.incident).toEqual({ from: w.onset, to: asOf + 60_000 });
    expect(w.baseline.to).toBeLessThanOrEqual(w.onset);
    expect(w.baseline.from).toBe(START);
    expect(w.onsetReason).toMatch(/change point/);
  });

  it('follows the consensus of several services, not one noisy spike', () => {
    const n = 240;
    const spiky = series(n, undefined, 5, 5);
    spiky[100] = 60; // a one-bucket burst long before the incident
    const s = set(
      {
        a: { requests: series(n, undefined, 40, 40), errors: series(n, 180, 2, 30) },
        b: { requests: series(n, undefined, 40, 40), errors: series(n, 181, 2, 20) },
        batch: { logs: spiky },
      },
      n,
    );
    const asOf = START + 200 * BUCKET;
    const w = detectOnset(s, asOf, asOf + 60_000, 'a');
    expect(Math.abs(w.onset - (START + 180 * BUCKET))).toBeLessThanOrEqual(2 * BUCKET);
  });

  it('falls back to a fixed window before the alert when nothing shifts', () => {
    const n = 240;
    const s = set({ api: { requests: series(n, undefined, 50, 50), errors: series(n, undefined, 3, 3) } }, n);
    const asOf = START + 200 * BUCKET;
    const w = detectOnset(s, asOf, asOf + 60_000, 'api');
    expect(w.onset).toBe(asOf - 5 * 60_000);
    expect(w.onsetReason).toMatch(/no series shifted/);
  });

  it('keeps a baseline when the data before the alert is shorter than the fallback window', () => {
    // Data starts 4 min before the alert (buckets 0-23 empty, then 24 of data): nothing shifts.
    const n = 60;
    const quiet = (base: number) => series(n, undefined, base, base).map((v, i) => (i < 12 ? 0 : v));
    const s = set({ api: { requests: quiet(50), errors: quiet(3) } }, n);
    const asOf = START + 36 * BUCKET;
    const w = detectOnset(s, asOf, asOf + 60_000, 'api');
    expect(w.onsetReason).toMatch(/no series shifted/);
    // A minute of baseline (then the one-bucket guard) before the incident window, not an empty one.
    expect(w.baseline).toEqual({ from: START + 12 * BUCKET, to: START + 18 * BUCKET });
    expect(w.onset).toBe(START + 19 * BUCKET);
    // With only a minute of data, half of it.
    const short = set({ api: { requests: quiet(50).map((v, i) => (i < 30 ? 0 : v)) } }, n);
    expect(detectOnset(short, asOf, asOf + 60_000, 'api').baseline).toEqual({
      from: START + 30 * BUCKET,
      to: START + 33 * BUCKET,
    });
  });

  it('never places the onset after the alert time, even if data keeps changing later', () => {
    const n = 240;
    const s = set({ api: { requests: series(n, undefined, 50, 50), errors: series(n, 230, 3, 40) } }, n);
    const asOf = START + 200 * BUCKET;
    const w = detectOnset(s, asOf, asOf + 60_000, 'api');
    expect(w.onset).toBeLessThanOrEqual(asOf);
  });
});
