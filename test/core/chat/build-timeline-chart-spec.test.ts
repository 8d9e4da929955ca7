import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTimelineChartSpec } from '../../../src/core/chat/build-timeline-chart-spec.ts';
import type { TimelineChartSpec } from '../../../src/core/chat/timeline-chart-spec.ts';
import type { TriageReport } from '../../../src/core/model/triage-report.ts';
import { triageBundle } from '../../support/triage-bundle.ts';

const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;
// A real-data bundle when this machine has one (read only).
const REAL = '/work/main/.cache/real/nezha-ob/nezha-ob-03-frontend-exception';
const DIRS = [`${EXAMPLES}webshop-deploy`, `${EXAMPLES}fleet-dependency-down`, ...(existsSync(REAL) ? [REAL] : [])];

const cases: { dir: string; report: TriageReport; spec: TimelineChartSpec }[] = [];
beforeAll(async () => {
  for (const dir of DIRS) {
    const report = await triageBundle(dir);
    const spec = buildTimelineChartSpec(report);
    if (!spec) throw new Error(`no chart for ${dir}`);
    cases.push({ dir, report, spec });
  }
}, 60_000);

/** What the series hold for one service over [from, to). */
function sums(report: TriageReport, service: string, from: number, to: number) {
  const s = report.series;
  const x = s?.services.get(service);
  if (!s || !x) throw new Error(`no series for ${service}`);
  const out = { requests: 0, errors: 0, errorLogs: 0 };
  for (let b = 0; b < s.buckets; b++) {
    const t = s.start + b * s.bucketMs;
    if (t < from || t >= to) continue;
    out.requests += x.requests[b] ?? 0;
    out.errors += x.requestErrors[b] ?? 0;
    out.errorLogs += x.errorLogs[b] ?? 0;
  }
  return out;
}

describe('buildTimelineChartSpec on the example bundles (and a real one when present)', () => {
  it('one panel per top-3 hypothesis service (then the alerted one), each holding all the data its service has in view', () => {
    for (const { report, spec } of cases) {
      const top = [...new Set(report.hypotheses.map((h) => h.service))].slice(0, 3);
      expect(spec.panels.slice(0, top.length).map((p) => p.service)).toEqual(top);
      const alerted = report.alerts[0]?.service;
      if (alerted && !top.includes(alerted)) expect(spec.panels.at(-1)?.service).toBe(alerted);
      for (const p of spec.panels) {
        const want = sums(report, p.service, spec.from, spec.to);
        expect(p.traced).toBe((report.series?.services.get(p.service)?.requests ?? []).some((v) => v > 0));
        expect(p.requests.reduce((t, c) => t + c.count, 0)).toBe(p.traced ? want.requests : 0);
        expect(p.ratio.reduce((t, b) => t + b.requests, 0)).toBe(p.traced ? want.requests : 0);
        expect(p.ratio.reduce((t, b) => t + b.errors, 0)).toBe(p.traced ? want.errors : 0);
        expect(p.errorLogs.reduce((t, c) => t + c.count, 0)).toBe(want.errorLogs);
        // A service with data in view draws something.
        if (want.requests + want.errorLogs > 0) expect(p.requests.length + p.errorLogs.length).toBeGreaterThan(0);
      }
    }
  });

  it('every ratio point holds at least the minimum requests, buckets are contiguous and none straddles the onset', () => {
    for (const { spec } of cases) {
      expect(spec.minRequests).toBe(20);
      for (const p of spec.panels) {
        for (const b of p.ratio) {
          if (b.ratio !== null) {
            expect(b.requests).toBeGreaterThanOrEqual(spec.minRequests);
            expect(b.ratio).toBeCloseTo(b.errors / b.requests, 10);
          }
          expect(b.from < spec.onset && b.to > spec.onset).toBe(false);
        }
        for (let i = 1; i < p.ratio.length; i++) expect(p.ratio[i]?.from).toBe(p.ratio[i - 1]?.to);
      }
    }
  });

  it('is zoomed on the incident: a little baseline before the onset and the incident window, not the whole series', () => {
    for (const { report, spec } of cases) {
      const s = report.series;
      if (!s) throw new Error('no series');
      expect(spec.from).toBeLessThan(spec.onset);
      expect(spec.to).toBeGreaterThanOrEqual(Math.min(s.start + s.buckets * s.bucketMs, report.windows.incident.to));
      const incidentMs = report.windows.incident.to - spec.onset;
      // The lead before the onset is at most 10 minutes, or the implicated change's time.
      const implicated = (report.changes ?? []).filter((c) =>
        report.hypotheses.slice(0, 3).some((h) => h.changeId === c.id),
      );
      const earliest = Math.min(spec.onset - 10 * 60_000, ...implicated.map((c) => c.startedAt - 60_000));
      expect(spec.from).toBeGreaterThanOrEqual(earliest - s.bucketMs);
      expect(spec.to - spec.from).toBeLessThanOrEqual(incidentMs + (spec.onset - earliest) + 2 * spec.stepMs);
      expect(spec.markers.some((m) => m.kind === 'onset' && m.at === spec.onset)).toBe(true);
    }
    // The webshop series span an hour; the chart shows a fraction of it.
    const web = cases[0];
    if (!web?.report.series) throw new Error('no webshop case');
    expect(web.spec.to - web.spec.from).toBeLessThan((web.report.series.buckets * web.report.series.bucketMs) / 3);
  });

  it('change markers carry short numbers, left to right, and say what they are in the legend label', () => {
    const web = cases[0];
    if (!web) throw new Error('no webshop case');
    const changes = web.spec.markers.filter((m) => m.kind === 'change');
    expect(changes.length).toBeGreaterThan(1);
    expect(changes.map((m) => m.tag)).toEqual(changes.map((_, i) => String(i + 1)));
    for (let i = 1; i < changes.length; i++)
      expect(changes[i]?.at).toBeGreaterThanOrEqual(changes[i - 1]?.at as number);
    for (const m of changes) {
      expect(m.tag.length).toBeLessThanOrEqual(2);
      expect(m.label).toMatch(/^(deploy|config|infra|feature_flag|\w+) \S+.* \(\d\d:\d\d(–\d\d:\d\d)?\)/);
    }
    expect(changes.some((m) => m.label.endsWith('— implicated'))).toBe(true);
  });

  it("the latency panel shows the slow service's p90 (file traces carry it) with points in view", () => {
    for (const { spec, report } of cases) {
      const lat = spec.latency;
      if (!lat) throw new Error('no latency panel');
      expect(lat.stat).toBe('p90');
      expect(report.series?.services.get(lat.service)?.latencyP90).toBeDefined();
      expect(lat.points.filter((p) => p.ms !== null).length).toBeGreaterThan(0);
    }
  });
});

describe('the metric that moved, drawn', () => {
  const T = Date.UTC(2026, 6, 13, 18, 0);
  /** A bundle with metrics only: db's error counter and api's latency step up at T, api alerts at T + 5 min. */
  function metricsOnlyBundle(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cw-chart-metric-'));
    const alert = {
      receiver: 'causeway',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighLatency', service: 'api' },
          annotations: {},
          startsAt: new Date(T + 5 * 60_000).toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: '',
          fingerprint: 'f1',
        },
      ],
      version: '4',
    };
    writeFileSync(join(dir, 'alert.json'), JSON.stringify(alert));
    const lines: string[] = [];
    const at = (k: number) => (T + k * 60_000) / 1000;
    // db's 5xx counter: 0.1/s before T, 5/s after (per-minute samples).
    let total = 1000;
    const errors: [number, string][] = [];
    for (let k = -40; k <= 5; k++) {
      total += (k > 0 ? 5 : 0.1) * 60;
      errors.push([at(k), String(total)]);
    }
    lines.push(
      JSON.stringify({ metric: { __name__: 'http_requests_total', service: 'db', code: '500' }, values: errors }),
    );
    const latency: [number, string][] = [];
    for (let k = -40; k <= 5; k++) latency.push([at(k), String(k > 0 ? 0.6 : 0.1 + (k % 3) * 0.002)]);
    lines.push(JSON.stringify({ metric: { __name__: 'request_latency_seconds', service: 'api' }, values: latency }));
    writeFileSync(join(dir, 'metrics.ndjson'), `${lines.join('\n')}\n`);
    return dir;
  }

  it('a triage from metrics only draws the leading hypothesis’ moved series alone: a counter as its per-second rate', async () => {
    const report = await triageBundle(metricsOnlyBundle());
    const top = report.hypotheses[0];
    expect(top?.evidence.some((e) => e.source === 'metrics')).toBe(true);
    const spec = buildTimelineChartSpec(report);
    expect(spec?.panels).toEqual([]);
    expect(spec?.latency).toBeUndefined();
    const m = spec?.metric;
    expect(m?.service).toBe(top?.service);
    expect(m?.metric.startsWith(String(top?.evidence.find((e) => e.source === 'metrics')?.data.metric))).toBe(true);
    for (const p of m?.points ?? []) expect(p.at >= (spec?.from ?? 0) && p.at <= (spec?.to ?? 0)).toBe(true);
    expect(m?.points.some((p) => p.at < report.windows.onset)).toBe(true);
    expect(m?.points.some((p) => p.at > report.windows.onset)).toBe(true);
    // db's error counter leads: drawn as rates, not the raw count (0.1/s before, 5/s after).
    expect(m?.metric).toBe('http_requests_total{code=500,service=db}');
    expect(m?.perSecond).toBe(true);
    expect(Math.max(...(m?.points ?? []).map((p) => p.value))).toBeCloseTo(5, 5);
    expect(Math.min(...(m?.points ?? []).map((p) => p.value))).toBeCloseTo(0.1, 5);
    expect(spec?.markers.map((x) => x.kind)).toContain('onset');
  });

  it('beside spans and logs, the metric panel holds only the samples in the chart’s range', async () => {
    const report = await triageBundle(`${EXAMPLES}webshop-deploy`);
    expect(buildTimelineChartSpec(report)?.metric).toBeUndefined();
    const moved = {
      service: report.hypotheses[0]?.service ?? 'x',
      metric: 'cpu_usage_ratio{service=x}',
      summary: '',
      perSecond: false,
      baselineMedian: 0.2,
      points: [-3600_000, -60_000, 0, 60_000].map((d, i) => ({ at: report.windows.onset + d, value: i })),
    };
    const spec = buildTimelineChartSpec({ ...report, moved: [moved] });
    expect(spec?.panels.length).toBeGreaterThan(0);
    expect(spec?.metric?.points.map((p) => p.value)).toEqual(
      moved.points.filter((p) => p.at >= (spec?.from ?? 0) && p.at <= (spec?.to ?? 0)).map((p) => p.value),
    );
    expect(spec?.metric?.points.length).toBeLessThan(moved.points.length);
  });
});
