import type { TriageSources } from '../../core/sources/triage-sources.ts';
import { createPrometheusClient } from './create-prometheus-client.ts';
import { createPrometheusMetricSource } from './create-prometheus-metric-source.ts';
import { linkMetricEvidence } from './link-metric-evidence.ts';
import type { PrometheusSettings } from './prometheus-settings.ts';

/**
 * Triage sources whose metrics come from Prometheus: the other sources (logs, traces, changes) as
 * `base` opens them (a bundle's own metrics.ndjson is replaced), or Prometheus alone when there is
 * no other source. Metric findings get a link to Prometheus' graph.
 */
export function withPrometheusMetrics(base: TriageSources | undefined, settings: PrometheusSettings): TriageSources {
  const metrics = () => createPrometheusMetricSource(settings, createPrometheusClient(settings));
  return {
    name: base ? `${base.name}+prometheus:${settings.url}` : `prometheus:${settings.url}`,
    async open(alerts) {
      if (!base)
        return {
          ok: true,
          value: {
            metrics: metrics(),
            origin: { kind: 'live', name: `prometheus ${settings.url}` },
            link: (r) => linkMetricEvidence(r, settings),
            close: async () => undefined,
          },
        };
      const opened = await base.open(alerts);
      if (!opened.ok) return opened;
      const baseLink = opened.value.link;
      return {
        ok: true,
        value: {
          ...opened.value,
          metrics: metrics(),
          link: (r) => linkMetricEvidence(baseLink ? baseLink(r) : r, settings),
        },
      };
    },
  };
}
