import type { LogSource, TraceSource } from '../../core/ports.ts';
import type { SignalProbe } from '../../core/runbooks/signal-probe.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Reads `check` signals from the triage's own sources (Elasticsearch in production): one bucket
 * over the last window, as the triage computes its series. Error rate, mean latency and request
 * rate come from traces (entry spans of the service); error logs per minute from logs.
 */
export function createSourcesSignalProbe(o: {
  readonly logs?: LogSource | undefined;
  readonly traces?: TraceSource | undefined;
  readonly now: () => number;
}): SignalProbe {
  return {
    name: [o.traces?.name, o.logs?.name].filter(Boolean).join(' + ') || 'none',
    async read(q, signal): Promise<SourceResult<number>> {
      const to = o.now();
      const query = { range: { from: to - q.windowMs, to }, bucketMs: q.windowMs };
      const minutes = q.windowMs / 60_000;
      if (q.signal === 'error-logs') {
        if (!o.logs) return { state: 'no-data', detail: 'no log source' };
        const r = await o.logs.series(query, signal);
        if (r.state !== 'ok') return r;
        const s = r.value.get(q.service);
        return { state: 'ok', value: s ? sum(s.errorLogs) / minutes : 0 };
      }
      if (!o.traces) return { state: 'no-data', detail: 'no trace source' };
      const r = await o.traces.series(query, new Map(), signal);
      if (r.state !== 'ok') return r;
      const s = r.value.get(q.service);
      const requests = s ? sum(s.requests) : 0;
      if (q.signal === 'request-rate') return { state: 'ok', value: requests / minutes };
      if (!s || requests === 0) return { state: 'no-data', detail: `no requests of ${q.service} in the window` };
      if (q.signal === 'error-rate') return { state: 'ok', value: sum(s.requestErrors) / requests };
      return { state: 'ok', value: sum(s.latencySum) / requests };
    },
  };
}
