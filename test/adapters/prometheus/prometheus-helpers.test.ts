import { describe, expect, it } from 'vitest';
import { fitStep } from '../../../src/adapters/prometheus/fit-step.ts';
import { prometheusGraphLink } from '../../../src/adapters/prometheus/prometheus-graph-link.ts';
import { prometheusSettingsFromConfig } from '../../../src/adapters/prometheus/prometheus-settings-from-config.ts';
import { seriesToOpenMetrics } from '../../../src/adapters/prometheus/series-to-openmetrics.ts';
import { configSchema } from '../../../src/core/config/config-schema.ts';

describe('seriesToOpenMetrics', () => {
  it('one unknown-typed family per name, samples in seconds, NaN/±Inf spelled out, escaped labels, # EOF last', () => {
    const { text, samples, skipped } = seriesToOpenMetrics([
      { name: 'b_total', labels: { path: 'a"b\\c\nd' }, service: undefined, times: [1000, 61_500], values: [1, 2] },
      { name: 'a', labels: {}, service: undefined, times: [0], values: [Number.NaN] },
      { name: 'b_total', labels: { path: 'x' }, service: undefined, times: [1000], values: [Infinity] },
      { name: '', labels: {}, service: undefined, times: [1000], values: [1] },
      { name: 'c', labels: { 'bad-label': 'x' }, service: undefined, times: [1000], values: [-Infinity] },
    ]);
    expect(skipped).toBe(2);
    expect(samples).toBe(4);
    expect(text).toBe(
      [
        '# TYPE a unknown',
        'a NaN 0',
        '# TYPE b_total unknown',
        'b_total{path="a\\"b\\\\c\\nd"} 1 1',
        'b_total{path="a\\"b\\\\c\\nd"} 2 61.5',
        'b_total{path="x"} +Inf 1',
        '# EOF',
        '',
      ].join('\n'),
    );
  });
});

describe('fitStep', () => {
  it('about 300 points, at least 15 s, never over 11,000 points', () => {
    expect(fitStep(30 * 60_000)).toBe(15);
    expect(fitStep(91 * 60_000)).toBe(19);
    expect(fitStep(24 * 3_600_000)).toBe(288);
    expect((365 * 86_400) / fitStep(365 * 86_400_000)).toBeLessThanOrEqual(11_000);
  });
});

describe('prometheusGraphLink', () => {
  it("links Prometheus' graph page to the series over the range (UTC end, minutes)", () => {
    const link = prometheusGraphLink(
      'http://prom:9090/',
      { name: 'up', labels: { job: 'api "x"' } },
      { from: Date.UTC(2026, 10, 20, 13, 0), to: Date.UTC(2026, 10, 20, 14, 31, 0, 500) },
    );
    const u = new URL(link);
    expect(`${u.origin}${u.pathname}`).toBe('http://prom:9090/graph');
    expect(u.searchParams.get('g0.expr')).toBe('up{job="api \\"x\\""}');
    expect(u.searchParams.get('g0.range_input')).toBe('92m');
    expect(u.searchParams.get('g0.end_input')).toBe('2026-11-20 14:31:01');
    expect(u.searchParams.get('g0.tab')).toBe('0');
  });
});

describe('prometheusSettingsFromConfig', () => {
  const section = (o: Record<string, unknown>) => configSchema.parse({ prometheus: o }).prometheus;
  it('is undefined without a URL; credentials in the URL become a Basic header and leave the URL', () => {
    expect(prometheusSettingsFromConfig(section({}), ['svc'])).toBeUndefined();
    const s = prometheusSettingsFromConfig(section({ url: 'https://reader:p%40ss@prom.example:9090/prom/' }), ['svc']);
    expect(s?.url).toBe('https://prom.example:9090/prom');
    expect(s?.authorization).toBe(`Basic ${Buffer.from('reader:p@ss').toString('base64')}`);
    expect(s?.match[0]).toBe('{svc!=""}');
    expect(s?.match).toContain('{pod!=""}');
    expect(s?.timeoutMs).toBe(10_000);
    expect(s?.seriesBudget).toBe(2000);
  });
  it('a bearer token wins over URL credentials; configured selectors replace the default', () => {
    const s = prometheusSettingsFromConfig(
      section({ url: 'http://u:p@prom:9090', bearerToken: 'tok', match: ['{namespace="shop"}'] }),
      [],
    );
    expect(s?.authorization).toBe('Bearer tok');
    expect(s?.match).toEqual(['{namespace="shop"}']);
  });
  it('a bad query name or an empty PromQL is a config problem naming the field', () => {
    const r = configSchema.safeParse({ prometheus: { queries: [{ name: 'bad name', promql: '' }] } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'prometheus.queries.0.name',
      'prometheus.queries.0.promql',
    ]);
  });
});
