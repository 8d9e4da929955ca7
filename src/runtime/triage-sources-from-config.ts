import { resolve } from 'node:path';
import { createEsTriageSources } from '../adapters/elasticsearch/create-es-triage-sources.ts';
import { esSettingsFromConfig } from '../adapters/elasticsearch/es-settings-from-config.ts';
import { createBundleTriageSources } from '../adapters/files/create-bundle-triage-sources.ts';
import { prometheusSettingsFromConfig } from '../adapters/prometheus/prometheus-settings-from-config.ts';
import { withPrometheusMetrics } from '../adapters/prometheus/with-prometheus-metrics.ts';
import type { Config } from '../core/config/config-schema.ts';
import type { TriageSources } from '../core/sources/triage-sources.ts';

/**
 * Where chat triages read from: `sources.bundleDir` (recorded bundles: demo, tests) when set, else
 * Elasticsearch when `elasticsearch.url` is set, else nothing (each triage then says so). When
 * `prometheus.url` is set, metrics come from Prometheus (with either, or alone).
 */
export function triageSourcesFromConfig(config: Readonly<Config>, cwd: string): TriageSources {
  const base = baseSources(config, cwd);
  const prometheus = prometheusSettingsFromConfig(config.prometheus, config.triage.serviceLabels);
  if (prometheus) return withPrometheusMetrics(base, prometheus);
  return (
    base ?? {
      name: 'none',
      open: async () => ({
        ok: false,
        error: {
          code: 'SOURCES_NOT_CONFIGURED',
          message: 'No data source is configured: set elasticsearch.url, or sources.bundleDir for a recorded incident.',
        },
      }),
    }
  );
}

function baseSources(config: Readonly<Config>, cwd: string): TriageSources | undefined {
  if (config.sources.bundleDir)
    return createBundleTriageSources(
      resolve(cwd, config.sources.bundleDir),
      config.triage.serviceLabels,
      config.sources.maxLineBytes,
    );
  const es = esSettingsFromConfig(config.elasticsearch);
  return es ? createEsTriageSources(es, config.elasticsearch.apiKey) : undefined;
}
