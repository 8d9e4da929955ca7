import { randomUUID } from 'node:crypto';
import { createEsChangeSource } from '../../adapters/elasticsearch/create-es-change-source.ts';
import { createEsClient } from '../../adapters/elasticsearch/create-es-client.ts';
import { createEsLogSource } from '../../adapters/elasticsearch/create-es-log-source.ts';
import { createEsQuery } from '../../adapters/elasticsearch/create-es-query.ts';
import { createEsTraceSource } from '../../adapters/elasticsearch/create-es-trace-source.ts';
import { type EsOverrides, esSettingsFromConfig } from '../../adapters/elasticsearch/es-settings-from-config.ts';
import { fetchTraceMarks } from '../../adapters/elasticsearch/fetch-trace-marks.ts';
import { openBundle } from '../../adapters/files/open-bundle.ts';
import type { Config } from '../../core/config/config-schema.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { IncidentCase } from '../../core/incident-case.ts';
import type { Result } from '../../core/result/result.ts';
import { seedBundle } from './seed-bundle.ts';

/**
 * For `causeway eval --es`: seeds a bundle into fresh indices under a unique prefix and opens it
 * with the Elasticsearch connectors; `close()` deletes the indices again.
 */
export async function seedAndOpen(
  config: Readonly<Config>,
  dir: string,
  overrides: EsOverrides,
): Promise<Result<IncidentCase & { close(): Promise<void> }, CausewayError>> {
  const prefix = `causeway-eval-${randomUUID().slice(0, 8)}-`;
  const settings = esSettingsFromConfig(config.elasticsearch, { ...overrides, prefix });
  if (!settings)
    return { ok: false, error: { code: 'USAGE', message: '--es URL is required (or set elasticsearch.url)' } };
  const bundle = await openBundle(dir, config.triage.serviceLabels, config.sources.maxLineBytes);
  if (!bundle.ok) return bundle;
  const client = createEsClient({
    url: settings.url,
    apiKey: config.elasticsearch.apiKey,
    requestTimeoutMs: settings.requestTimeoutMs,
  });
  const seeded = await seedBundle(client, dir, {
    url: settings.url,
    prefix,
    schema: settings.traceFields.schema,
    replace: true,
    maxLineBytes: config.sources.maxLineBytes,
  });
  if (!seeded.ok) {
    await client.close();
    return seeded;
  }
  const es = createEsQuery(client, settings.requestTimeoutMs);
  const { names } = seeded.value;
  return {
    ok: true,
    value: {
      ...bundle.value,
      logs: createEsLogSource(es, settings),
      traces: createEsTraceSource(es, settings, (ids, range, signal) =>
        fetchTraceMarks(es, settings, ids, range, signal),
      ),
      changes: createEsChangeSource(es, settings),
      close: async () => {
        await client.indices
          .delete({ index: [names.logs, names.traces, names.changes], ignore_unavailable: true })
          .catch(() => undefined);
        await client.close();
      },
    },
  };
}
