import type { TriageReport } from '../model/triage-report.ts';
import type { ChartServiceSeries, TimelineChartSpec } from './timeline-chart-spec.ts';

/**
 * The timeline chart of a triage: error rate and latency of the implicated services (the top
 * hypotheses' and the alerted one, at most `maxServices`) from the last 20 minutes of the baseline
 * before the onset to a little after the incident window, at most `maxPoints` points (buckets are summed, then divided), with
 * the alert start, the onset and the changes in range marked. Undefined when the report carries no
 * series or none of the services has data.
 */
export function buildTimelineChartSpec(
  report: TriageReport,
  opts: {
    readonly maxServices?: number;
    readonly maxPoints?: number;
    readonly maxChanges?: number;
    /** How much of the baseline before the onset is drawn (default 20 minutes). */
    readonly beforeOnsetMs?: number;
  } = {},
): TimelineChartSpec | undefined {
  const s = report.series;
  if (!s || s.buckets === 0) return undefined;
  const maxServices = opts.maxServices ?? 4;
  const maxPoints = opts.maxPoints ?? 120;
  const alert = report.alerts.find((a) => a.status === 'firing');
  const wanted = [...report.hypotheses.slice(0, 3).map((h) => h.service), ...(alert?.service ? [alert.service] : [])];
  const names = [...new Set(wanted)].filter((n) => s.services.has(n)).slice(0, maxServices);
  if (names.length === 0) return undefined;

  const from = Math.max(
    s.start,
    report.windows.baseline.from,
    report.windows.onset - (opts.beforeOnsetMs ?? 20 * 60_000),
  );
  const end = s.start + s.buckets * s.bucketMs;
  const to = Math.min(end, Math.max(report.windows.incident.to, report.asOf) + 5 * 60_000);
  const first = Math.floor((from - s.start) / s.bucketMs);
  const last = Math.ceil((to - s.start) / s.bucketMs);
  const k = Math.max(1, Math.ceil((last - first) / maxPoints));
  const times: number[] = [];
  for (let b = first; b < last; b += k) times.push(s.start + b * s.bucketMs);

  const services: ChartServiceSeries[] = names.map((name) => {
    const x = s.services.get(name);
    const sum = (arr: readonly number[] | undefined, b: number) => {
      let t = 0;
      for (let i = b; i < Math.min(b + k, last); i++) t += arr?.[i] ?? 0;
      return t;
    };
    const traced = (x?.requests ?? []).some((v) => v > 0);
    const errorRate: (number | null)[] = [];
    const latencyMs: (number | null)[] = [];
    for (let b = first; b < last; b += k) {
      const req = sum(x?.requests, b);
      if (traced) {
        errorRate.push(req > 0 ? round((sum(x?.requestErrors, b) / req) * 100) : null);
      } else {
        const logs = sum(x?.logs, b);
        errorRate.push(logs > 0 ? round((sum(x?.errorLogs, b) / logs) * 100) : null);
      }
      latencyMs.push(req > 0 ? round(sum(x?.latencySum, b) / req) : null);
    }
    return { service: name, errorBasis: traced ? 'requests' : 'logs', errorRate, latencyMs };
  });

  const markers: TimelineChartSpec['markers'][number][] = [];
  if (alert) markers.push({ at: alert.startsAt, label: `alert ${alert.name}`, kind: 'alert' });
  markers.push({ at: report.windows.onset, label: 'onset', kind: 'onset' });
  const implicated = new Set(report.hypotheses.slice(0, 3).flatMap((h) => (h.changeId ? [h.changeId] : [])));
  const changes = (report.changes ?? [])
    .filter((c) => c.startedAt >= from && c.startedAt <= to)
    .sort((a, b) => Number(implicated.has(b.id)) - Number(implicated.has(a.id)) || a.startedAt - b.startedAt)
    .slice(0, opts.maxChanges ?? 5);
  for (const c of changes)
    markers.push({
      at: c.finishedAt ?? c.startedAt,
      label: `${c.type} ${c.service}${c.version ? ` ${c.version}` : ''}`,
      kind: 'change',
    });
  const title = `${alert?.name ?? 'Triage'}${alert?.service ? ` on ${alert.service}` : ''}: error rate and latency`;
  return {
    title,
    times,
    stepMs: k * s.bucketMs,
    baseline: report.windows.baseline,
    incident: report.windows.incident,
    services,
    markers: markers.sort((a, b) => a.at - b.at),
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
