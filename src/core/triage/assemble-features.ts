import type { ChangeEvent } from '../model/change-event.ts';
import type { LogWindowed } from '../telemetry/create-log-accumulator.ts';
import type { EdgeFeatures, ServiceFeatures, TriageFeatures } from '../telemetry/triage-features.ts';
import type { TriageWindows } from '../telemetry/triage-windows.ts';
import type { TraceWindowed } from '../traces/create-trace-accumulator.ts';
import type { EdgeWindowStats } from '../traces/edge-window-stats.ts';
import { emptyWindowStats } from '../traces/empty-window-stats.ts';
import type { ServiceWindowStats } from '../traces/service-window-stats.ts';

/**
 * Joins what traces and logs say per service (and the changes) into the ranking's input;
 * dependencies named by an address of a known service (`alias`) are merged into it.
 */
export function assembleFeatures(
  windows: TriageWindows,
  traces: TraceWindowed | undefined,
  logs: LogWindowed | undefined,
  changes: readonly ChangeEvent[],
  sources: TriageFeatures['sources'],
  alias: ReadonlyMap<string, string> = new Map(),
): TriageFeatures {
  const canonical = (n: string) => alias.get(n) ?? n;
  const names = new Set<string>([
    ...[...(traces?.services.keys() ?? [])].map(canonical),
    ...(logs?.services.keys() ?? []),
  ]);
  const services = new Map<string, ServiceFeatures>();
  for (const service of [...names].sort()) {
    const aliases = [...alias].filter(([, to]) => to === service).map(([from]) => from);
    const t = mergeTrace([traces?.services.get(service), ...aliases.map((a) => traces?.services.get(a))]);
    const l = logs?.services.get(service);
    const baseline = { ...(t?.baseline ?? emptyWindowStats()), ...(l?.baseline ?? {}) };
    const incident = { ...(t?.incident ?? emptyWindowStats()), ...(l?.incident ?? {}) };
    services.set(service, {
      service,
      // Logs of its own mean it is a service, whatever the traces saw of it.
      role: t?.role === 'dependency' && !l && aliases.length === 0 ? 'dependency' : 'service',
      traced: t?.role === 'service',
      baseline,
      incident,
      exampleTraceIds: t?.examples ?? [],
      errorTexts: t?.errorTexts ?? [],
    });
  }
  const merged = new Map<string, EdgeFeatures>();
  for (const e of traces?.edges.values() ?? []) {
    const from = canonical(e.from);
    const to = canonical(e.to);
    const key = `${from}\u0000${to}`;
    const cur = merged.get(key);
    merged.set(
      key,
      cur
        ? { from, to, baseline: addEdge(cur.baseline, e.baseline), incident: addEdge(cur.incident, e.incident) }
        : { ...e, from, to },
    );
  }
  const edges = [...merged.values()].sort((a, b) =>
    a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1,
  );
  const operations = traces?.operations?.map((o) => ({ ...o, service: canonical(o.service) }));
  const renamed = (m: ReadonlyMap<string, number>) => {
    const out = new Map<string, number>();
    for (const [k, v] of m) out.set(k && canonical(k), (out.get(k && canonical(k)) ?? 0) + v);
    return out;
  };
  const requestEnds = traces?.requestEnds?.map((r) => ({
    service: canonical(r.service),
    baseline: renamed(r.baseline),
    incident: renamed(r.incident),
  }));
  return {
    windows,
    services,
    edges,
    patterns: logs?.patterns ?? [],
    changes,
    sources,
    ...(operations ? { operations } : {}),
    ...(requestEnds ? { requestEnds } : {}),
  };
}

type TraceService = NonNullable<ReturnType<TraceWindowed['services']['get']>>;

/** One service's trace stats from itself and its address aliases: counts add up; the first one's distributions stay. */
function mergeTrace(parts: readonly (TraceService | undefined)[]): TraceService | undefined {
  const present = parts.filter((p): p is TraceService => p !== undefined);
  const [first, ...rest] = present;
  if (!first) return undefined;
  if (rest.length === 0) return first;
  const add = (a: ServiceWindowStats, b: ServiceWindowStats): ServiceWindowStats => ({
    ...a,
    requests: a.requests + b.requests,
    requestErrors: a.requestErrors + b.requestErrors,
    originErrors: a.originErrors + b.originErrors,
    originErrorsFromLogs: a.originErrorsFromLogs + b.originErrorsFromLogs,
    traces: a.traces + b.traces,
    failingTraces: a.failingTraces + b.failingTraces,
    selfTime: a.selfTime.n >= b.selfTime.n ? a.selfTime : b.selfTime,
    latency: a.latency.n >= b.latency.n ? a.latency : b.latency,
    selfTimeOverBaselineP90: a.selfTime.n >= b.selfTime.n ? a.selfTimeOverBaselineP90 : b.selfTimeOverBaselineP90,
    selfTimeOverBaselineP99: a.selfTime.n >= b.selfTime.n ? a.selfTimeOverBaselineP99 : b.selfTimeOverBaselineP99,
    selfTimeFromGaps: a.selfTimeFromGaps + b.selfTimeFromGaps,
  });
  return rest.reduce<TraceService>(
    (acc, p) => ({
      role: acc.role === 'service' || p.role === 'service' ? 'service' : 'dependency',
      baseline: add(acc.baseline, p.baseline),
      incident: add(acc.incident, p.incident),
      examples: [...acc.examples, ...p.examples].slice(0, 5),
      errorTexts: [...new Set([...acc.errorTexts, ...p.errorTexts])].slice(0, 5),
    }),
    first,
  );
}

function addEdge(a: EdgeWindowStats, b: EdgeWindowStats): EdgeWindowStats {
  return { calls: a.calls + b.calls, errors: a.errors + b.errors, totalMs: a.totalMs + b.totalMs };
}
