import type { SignalProbe } from '../../core/runbooks/signal-probe.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import { createSourcesSignalProbe } from './create-sources-signal-probe.ts';

/**
 * `check` signals from the configured triage sources (Elasticsearch in production): opens them for
 * each reading, reads over the last window at `now` (or at a recording's own time, for a bundle)
 * and closes them. A source that cannot be opened is a failed reading, never a throw.
 */
export function createTriageSourcesSignalProbe(sources: TriageSources, now: () => number): SignalProbe {
  return {
    name: sources.name,
    async read(q, signal) {
      const opened = await sources.open([]);
      if (!opened.ok) return { state: 'failed', code: opened.error.code, detail: opened.error.message };
      const o = opened.value;
      try {
        const at = o.asOf ?? now();
        return await createSourcesSignalProbe({ logs: o.logs, traces: o.traces, now: () => at }).read(q, signal);
      } finally {
        await o.close();
      }
    },
  };
}
