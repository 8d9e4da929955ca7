import { basename } from 'node:path';
import { createEsChangeSource } from '../../adapters/elasticsearch/create-es-change-source.ts';
import { createEsClient } from '../../adapters/elasticsearch/create-es-client.ts';
import { createEsLogSource } from '../../adapters/elasticsearch/create-es-log-source.ts';
import { createEsQuery, type EsTransfer } from '../../adapters/elasticsearch/create-es-query.ts';
import { createEsTraceSource } from '../../adapters/elasticsearch/create-es-trace-source.ts';
import type { EsSettings } from '../../adapters/elasticsearch/es-settings.ts';
import { type EsOverrides, esSettingsFromConfig } from '../../adapters/elasticsearch/es-settings-from-config.ts';
import { fetchTraceMarks } from '../../adapters/elasticsearch/fetch-trace-marks.ts';
import { readAlertFile } from '../../adapters/files/read-alert-file.ts';
import type { Config } from '../../core/config/config-schema.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { IncidentCase } from '../../core/incident-case.ts';
import type { Result } from '../../core/result/result.ts';

export type EsCase = IncidentCase & {
  readonly settings: EsSettings;
  /** Requests made and documents received by the three connectors. */
  readonly transfer: EsTransfer;
  close(): Promise<void>;
};

/** An incident to triage from Elasticsearch: the alert from a file, logs, traces and changes from the indices. */
export async function openEsCase(
  config: Readonly<Config>,
  alertPath: string,
  overrides: EsOverrides,
): Promise<Result<EsCase, CausewayError>> {
  const settings = esSettingsFromConfig(config.elasticsearch, overrides);
  if (!settings)
    return { ok: false, error: { code: 'USAGE', message: '--es URL is required (or set elasticsearch.url)' } };
  const alert = await readAlertFile(alertPath, config.triage.serviceLabels, config.sources.maxLineBytes);
  if (!alert.ok) return alert;
  const firing = alert.value.alerts.filter((a) => a.status === 'firing');
  if (firing.length === 0)
    return { ok: false, error: { code: 'NO_FIRING_ALERT', message: `${alertPath}: no alert has status "firing"` } };
  const client = createEsClient({
    url: settings.url,
    apiKey: config.elasticsearch.apiKey,
    requestTimeoutMs: settings.requestTimeoutMs,
  });
  const es = createEsQuery(client, settings.requestTimeoutMs);
  return {
    ok: true,
    value: {
      id: basename(alertPath),
      alerts: alert.value.alerts,
      asOf: Math.min(...firing.map((a) => a.startsAt)),
      logs: createEsLogSource(es, settings),
      traces: createEsTraceSource(es, settings, (ids, range, signal) =>
        fetchTraceMarks(es, settings, ids, range, signal),
      ),
      changes: createEsChangeSource(es, settings),
      settings,
      transfer: es.transfer,
      close: () => client.close(),
    },
  };
}
