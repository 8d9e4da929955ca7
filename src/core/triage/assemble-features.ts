import type { ChangeEvent } from '../model/change-event.ts';
import type { LogWindowed } from '../telemetry/create-log-accumulator.ts';
import { emptyWindowStats } from '../telemetry/empty-window-stats.ts';
import type { ServiceFeatures, TriageFeatures } from '../telemetry/triage-features.ts';
import type { TriageWindows } from '../telemetry/triage-windows.ts';
import type { TraceWindowed } from '../traces/create-trace-accumulator.ts';

/** Joins what traces and logs say per service (and the changes) into the ranking's input. */
export function assembleFeatures(
  windows: TriageWindows,
  traces: TraceWindowed | undefined,
  logs: LogWindowed | undefined,
  changes: readonly ChangeEvent[],
  sources: TriageFeatures['sources'],
): TriageFeatures {
  const names = new Set<string>([...(traces?.services.keys() ?? []), ...(logs?.services.keys() ?? [])]);
  const services = new Map<string, ServiceFeatures>();
  for (const service of [...names].sort()) {
    const t = traces?.services.get(service);
    const l = logs?.services.get(service);
    const baseline = { ...(t?.baseline ?? emptyWindowStats()), ...(l?.baseline ?? {}) };
    const incident = { ...(t?.incident ?? emptyWindowStats()), ...(l?.incident ?? {}) };
    services.set(service, {
      service,
      // Logs of its own mean it is a service, whatever the traces saw of it.
      role: t?.role === 'dependency' && !l ? 'dependency' : 'service',
      baseline,
      incident,
      exampleTraceIds: t?.examples ?? [],
      errorTexts: t?.errorTexts ?? [],
    });
  }
  const edges = [...(traces?.edges.values() ?? [])].sort((a, b) =>
    a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1,
  );
  return { windows, services, edges, patterns: logs?.patterns ?? [], changes, sources };
}
