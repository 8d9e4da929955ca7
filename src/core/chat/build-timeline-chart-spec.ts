import type { Alert } from '../model/alert.ts';
import type { MovedSeries } from '../model/moved-series.ts';
import type { ServiceSeries } from '../model/service-series.ts';
import type { TriageReport } from '../model/triage-report.ts';
import { mergeRatioBuckets } from './merge-ratio-buckets.ts';
import type {
  ChartLatencyPanel,
  ChartMarker,
  ChartMetricPanel,
  ChartServicePanel,
  TimelineChartSpec,
} from './timeline-chart-spec.ts';

export type TimelineChartOptions = {
  /** Panels: the top hypotheses' services, at most this many (default 3). */
  readonly maxServices?: number;
  /** Steps drawn at most (default 90): series buckets are summed into steps. */
  readonly maxPoints?: number;
  readonly maxChanges?: number;
  /** A ratio bucket holds at least this many requests (default 20). */
  readonly minRequests?: number;
};

/**
 * The timeline chart of a triage, zoomed on the incident: from a little baseline before the onset
 * (a third of the incident's length, 2 to 10 minutes; back to an implicated change up to 30
 * minutes earlier) to the end of the incident window. One panel per top-3 hypothesis' service,
 * the slow service's latency, and tagged markers for the alert start, the onset and the changes
 * in range; and the metric behind the leading hypothesis' metric evidence, when there is one (alone,
 * when the triage had metrics only). Undefined when there is nothing to draw.
 */
export function buildTimelineChartSpec(
  report: TriageReport,
  opts: TimelineChartOptions = {},
): TimelineChartSpec | undefined {
  const s = report.series;
  const moved = report.moved?.[0];
  if (!s || s.buckets === 0) return moved ? metricOnlySpec(report, moved) : undefined;
  const maxPoints = opts.maxPoints ?? 90;
  const minRequests = opts.minRequests ?? 20;
  const alert = report.alerts.find((a) => a.status === 'firing');
  const maxServices = opts.maxServices ?? 3;
  const top = [...new Set(report.hypotheses.map((h) => h.service))].filter((n) => s.services.has(n));
  const names = top.slice(0, maxServices);
  // The alerted service too (what the person was paged about), when the ranking put it lower.
  if (alert?.service && s.services.has(alert.service) && !names.includes(alert.service)) names.push(alert.service);
  if (names.length === 0) return moved ? metricOnlySpec(report, moved) : undefined;

  const { onset, incident } = report.windows;
  const end = s.start + s.buckets * s.bucketMs;
  const incidentEnd = Math.min(end, Math.max(incident.to, onset + s.bucketMs));
  const lead = Math.min(10 * 60_000, Math.max(2 * 60_000, (incidentEnd - onset) / 3));
  const implicated = new Set(report.hypotheses.slice(0, 3).flatMap((h) => (h.changeId ? [h.changeId] : [])));
  const implicatedAt = (report.changes ?? [])
    .filter((c) => implicated.has(c.id) && c.startedAt < onset && c.startedAt >= onset - 30 * 60_000)
    .map((c) => c.startedAt - 60_000);
  const wantFrom = Math.min(onset - lead, ...implicatedAt);
  // Not before the first data of the drawn services (an empty left half says nothing).
  const dataFirst = firstData(names.map((n) => s.services.get(n) as ServiceSeries));
  const first = Math.max(0, Math.floor((wantFrom - s.start) / s.bucketMs), dataFirst - 1);
  const last = Math.min(s.buckets, Math.ceil((incidentEnd + s.bucketMs - s.start) / s.bucketMs));
  const k = Math.max(1, Math.ceil((last - first) / maxPoints));
  const stepMs = k * s.bucketMs;
  const starts: number[] = [];
  for (let b = first; b < last; b += k) starts.push(b);
  const at = (b: number) => s.start + b * s.bucketMs;
  const sum = (arr: readonly number[], b: number) => {
    let t = 0;
    for (let i = b; i < Math.min(b + k, last); i++) t += arr[i] ?? 0;
    return t;
  };
  const from = at(first);
  const to = at(Math.min(last, (starts.at(-1) ?? first) + k));

  const panels: ChartServicePanel[] = names.map((name, i) => {
    const x = s.services.get(name) as ServiceSeries;
    const traced = x.requests.some((v) => v > 0);
    const steps = starts.map((b) => ({
      from: at(b),
      to: at(Math.min(b + k, last)),
      requests: sum(x.requests, b),
      errors: sum(x.requestErrors, b),
    }));
    return {
      service: name,
      rank: i + 1,
      traced,
      ratio: traced ? mergeRatioBuckets(steps, minRequests, onset) : [],
      requests: traced ? steps.map((p) => ({ at: p.from, count: p.requests })) : [],
      errorLogs: starts.map((b) => ({ at: at(b), count: sum(x.errorLogs, b) })).filter((c) => c.count > 0),
    };
  });

  const latency = latencyPanel(
    report,
    [...names, ...(alert?.service ? [alert.service] : [])],
    starts,
    k,
    last,
    minRequests,
  );
  const markers = alertAndOnsetMarkers(alert, onset, from, to);
  const changes = (report.changes ?? [])
    .filter((c) => (c.finishedAt ?? c.startedAt) >= from && c.startedAt <= to)
    .sort((a, b) => Number(implicated.has(b.id)) - Number(implicated.has(a.id)) || a.startedAt - b.startedAt)
    .slice(0, opts.maxChanges ?? 5)
    // Numbered in the order their lines stand, left to right.
    .map((c) => ({ c, line: Math.min(to, Math.max(from, c.finishedAt ?? c.startedAt)) }))
    .sort((a, b) => a.line - b.line);
  changes.forEach(({ c, line }, i) => {
    const what = `${c.type} ${c.service}${c.version ? ` ${c.version}` : ''}`;
    const when =
      c.finishedAt !== undefined && hhmm(c.finishedAt) !== hhmm(c.startedAt)
        ? `${hhmm(c.startedAt)}–${hhmm(c.finishedAt)}`
        : hhmm(c.startedAt);
    const label = `${what.length > 60 ? `${what.slice(0, 59)}…` : what} (${when})`;
    markers.push({
      at: line,
      kind: 'change',
      tag: String(i + 1),
      label: `${label}${implicated.has(c.id) ? ' — implicated' : ''}`,
    });
  });
  const title = `${alert?.name ?? 'Triage'}${alert?.service ? ` on ${alert.service}` : ''}: error ratio and latency of the top services`;
  return {
    title,
    from,
    to,
    stepMs,
    minRequests,
    baseline: report.windows.baseline,
    incident,
    onset,
    panels,
    latency,
    ...metricPanelIn(moved, from, to),
    markers,
  };
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** The alert's start (when in [from, to]) and the onset, as markers. */
function alertAndOnsetMarkers(alert: Alert | undefined, onset: number, from: number, to: number): ChartMarker[] {
  const markers: ChartMarker[] = [];
  if (alert && alert.startsAt >= from && alert.startsAt <= to)
    markers.push({
      at: alert.startsAt,
      kind: 'alert',
      tag: 'A',
      label: `alert ${alert.name} (${hhmm(alert.startsAt)})`,
    });
  markers.push({ at: onset, kind: 'onset', tag: 'onset', label: `onset (${hhmm(onset)})` });
  return markers;
}

/** The metric panel of `moved` over [from, to], when it has samples there. */
function metricPanelIn(moved: MovedSeries | undefined, from: number, to: number): { metric?: ChartMetricPanel } {
  if (!moved) return {};
  const points = moved.points.filter((p) => p.at >= from && p.at <= to);
  if (points.length === 0) return {};
  return {
    metric: {
      service: moved.service,
      metric: moved.metric,
      perSecond: moved.perSecond,
      baselineMedian: Number.isFinite(moved.baselineMedian) ? moved.baselineMedian : null,
      points,
    },
  };
}

/**
 * A chart of the metric that moved alone (a triage from metrics only: no spans or log lines to
 * draw): from a little before the onset (a third of the incident, 10 to 60 minutes: metric steps
 * are coarse) to the end of the incident window, the alert and the onset marked.
 */
function metricOnlySpec(report: TriageReport, moved: MovedSeries): TimelineChartSpec | undefined {
  const { onset, incident, baseline } = report.windows;
  const end = Math.max(incident.to, report.asOf, onset + 60_000);
  const from = onset - Math.min(60 * 60_000, Math.max(10 * 60_000, (end - onset) / 3));
  const to = Math.max(end, ...moved.points.filter((p) => p.at >= onset).map((p) => p.at));
  const panel = metricPanelIn(moved, from, to);
  if (!panel.metric) return undefined;
  const times = panel.metric.points.map((p) => p.at);
  const steps = times.slice(1).map((t, i) => t - (times[i] as number));
  const alert = report.alerts.find((a) => a.status === 'firing');
  const markers = alertAndOnsetMarkers(alert, onset, from, to);
  return {
    title: `${alert?.name ?? 'Triage'}${alert?.service ? ` on ${alert.service}` : ''}: the metric that moved`,
    from,
    to,
    stepMs: steps.length > 0 ? (steps.sort((a, b) => a - b)[steps.length >> 1] as number) : 60_000,
    minRequests: 0,
    baseline,
    incident,
    onset,
    panels: [],
    latency: undefined,
    ...panel,
    markers,
  };
}

/**
 * The latency panel: of the candidates with requests, the one whose mean latency rose most from
 * the baseline to the incident window (the slow service); its p90 per step when the series carry
 * it, else its mean.
 */
function latencyPanel(
  report: TriageReport,
  candidates: readonly string[],
  starts: readonly number[],
  k: number,
  last: number,
  minRequests: number,
): ChartLatencyPanel | undefined {
  const s = report.series;
  if (!s) return undefined;
  const bucketOf = (t: number) => Math.floor((t - s.start) / s.bucketMs);
  const mean = (x: ServiceSeries, w: { from: number; to: number }) => {
    let n = 0;
    let sum = 0;
    for (let b = Math.max(0, bucketOf(w.from)); b < Math.min(s.buckets, bucketOf(w.to)); b++) {
      n += x.requests[b] ?? 0;
      sum += x.latencySum[b] ?? 0;
    }
    return n > 0 ? { n, ms: sum / n } : undefined;
  };
  // Services with enough requests in the incident window to draw a line rank first.
  let best: { x: ServiceSeries; enough: boolean; rise: number } | undefined;
  for (const name of new Set(candidates)) {
    const x = s.services.get(name);
    if (!x?.requests.some((v) => v > 0)) continue;
    const inc = mean(x, report.windows.incident);
    const base = mean(x, report.windows.baseline)?.ms ?? 0;
    const rise = inc === undefined ? Number.NEGATIVE_INFINITY : inc.ms - base;
    const enough = (inc?.n ?? 0) >= minRequests;
    if (!best || (enough && !best.enough) || (enough === best.enough && rise > best.rise)) best = { x, enough, rise };
  }
  if (!best) return undefined;
  const x = best.x;
  const p90 = x.latencyP90;
  const points = starts.map((b) => {
    let n = 0;
    let sum = 0;
    let hi: number | null = null;
    for (let i = b; i < Math.min(b + k, last); i++) {
      n += x.requests[i] ?? 0;
      sum += x.latencySum[i] ?? 0;
      const q = p90?.[i];
      // Summed steps show the highest bucket p90 in them (a p90 does not add up).
      if (q !== undefined && q !== null && (hi === null || q > hi)) hi = q;
    }
    const ms = p90 ? hi : n > 0 ? sum / n : null;
    return { at: s.start + b * s.bucketMs, ms: ms === null ? null : Math.round(ms * 10) / 10 };
  });
  return { service: x.service, stat: p90 ? 'p90' : 'mean', points };
}

/** The first bucket where any of the services has requests or log lines (0 when none has). */
function firstData(services: readonly ServiceSeries[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const x of services) {
    const i = x.requests.findIndex((v, b) => v > 0 || (x.logs[b] ?? 0) > 0);
    const j = x.logs.findIndex((v) => v > 0);
    for (const b of [i, j]) if (b >= 0 && b < first) first = b;
  }
  return Number.isFinite(first) ? first : 0;
}
