import type { Evidence } from '../../core/model/evidence.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { prometheusGraphLink } from './prometheus-graph-link.ts';
import type { PrometheusSettings } from './prometheus-settings.ts';

/**
 * Gives each metric finding a link to Prometheus' graph of its series over the baseline and
 * incident windows: the series' selector (`name{labels}`), or a configured query's PromQL when the
 * finding names one of `prometheus.queries`.
 */
export function linkMetricEvidence(report: TriageReport, s: Pick<PrometheusSettings, 'url' | 'queries'>): TriageReport {
  const range = { from: report.windows.baseline.from, to: report.windows.incident.to };
  const link = (e: Evidence): string | undefined => {
    if (e.link || e.source !== 'metrics' || typeof e.data.metric !== 'string') return e.link;
    const query = s.queries.find((q) => q.name === e.data.metric);
    if (query) return prometheusGraphLink(s.url, query.promql, range);
    return prometheusGraphLink(s.url, { name: e.data.metric, labels: parseLabels(e.data.labels) }, range);
  };
  return {
    ...report,
    hypotheses: report.hypotheses.map((h) => ({
      ...h,
      evidence: h.evidence.map((e) => {
        const url = link(e);
        return url ? { ...e, link: url } : e;
      }),
    })),
  };
}

/** `k=v,k2=v2` as the metric-shift rule writes labels (a value may hold commas, not `,name=`). */
function parseLabels(v: unknown): Record<string, string> {
  if (typeof v !== 'string' || v === '') return {};
  const out: Record<string, string> = {};
  for (const part of v.split(/,(?=[a-zA-Z_][a-zA-Z0-9_]*=)/)) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}
