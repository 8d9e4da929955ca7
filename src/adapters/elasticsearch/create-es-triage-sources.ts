import type { TriageSources } from '../../core/sources/triage-sources.ts';
import { createEsChangeSource } from './create-es-change-source.ts';
import { createEsClient } from './create-es-client.ts';
import { createEsLogSource } from './create-es-log-source.ts';
import { createEsQuery } from './create-es-query.ts';
import { createEsTraceSource } from './create-es-trace-source.ts';
import type { EsSettings } from './es-settings.ts';
import { fetchTraceMarks } from './fetch-trace-marks.ts';
import { linkEvidence } from './link-evidence.ts';

/**
 * Triage sources over Elasticsearch for alerts that arrive in chat (or by webhook): one client per
 * triage, the three connectors, and Kibana links on the evidence afterwards. The triage runs at
 * the alert's time.
 */
export function createEsTriageSources(settings: EsSettings, apiKey: string | undefined): TriageSources {
  return {
    name: `elasticsearch:${settings.url}`,
    async open() {
      const client = createEsClient({ url: settings.url, apiKey, requestTimeoutMs: settings.requestTimeoutMs });
      const es = createEsQuery(client, settings.requestTimeoutMs);
      return {
        ok: true,
        value: {
          logs: createEsLogSource(es, settings),
          traces: createEsTraceSource(es, settings, (ids, range, signal) =>
            fetchTraceMarks(es, settings, ids, range, signal),
          ),
          changes: createEsChangeSource(es, settings),
          origin: { kind: 'live', name: `elasticsearch ${settings.url}` },
          link: (r) => linkEvidence(r, settings),
          close: () => client.close(),
        },
      };
    },
  };
}
