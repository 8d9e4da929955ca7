import { resolve } from 'node:path';
import type { Config } from '../../../core/config/config-schema.ts';
import type { TriageSources } from '../../../core/sources/triage-sources.ts';
import { createEsTriageSources } from '../../elasticsearch/create-es-triage-sources.ts';
import { esSettingsFromConfig } from '../../elasticsearch/es-settings-from-config.ts';
import { createBundleTriageSources } from '../../files/create-bundle-triage-sources.ts';

/**
 * Where chat triages read from: `sources.bundleDir` (recorded bundles: demo, tests) when set, else
 * Elasticsearch when `elasticsearch.url` is set, else nothing (each triage then says so).
 */
export function triageSourcesFromConfig(config: Readonly<Config>, cwd: string): TriageSources {
  if (config.sources.bundleDir)
    return createBundleTriageSources(
      resolve(cwd, config.sources.bundleDir),
      config.triage.serviceLabels,
      config.sources.maxLineBytes,
    );
  const es = esSettingsFromConfig(config.elasticsearch);
  if (es) return createEsTriageSources(es, config.elasticsearch.apiKey);
  return {
    name: 'none',
    open: async () => ({
      ok: false,
      error: {
        code: 'SOURCES_NOT_CONFIGURED',
        message: 'No data source is configured: set elasticsearch.url, or sources.bundleDir for a recorded incident.',
      },
    }),
  };
}
