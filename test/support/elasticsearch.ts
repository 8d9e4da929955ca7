import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { createEsClient } from '../../src/adapters/elasticsearch/create-es-client.ts';
import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { investigate } from '../../src/app/investigate.ts';
import { investigateOptionsFromConfig } from '../../src/app/investigate-options-from-config.ts';
import type { Config } from '../../src/core/config/config-schema.ts';
import { triageReportJson } from '../../src/core/formats/triage-report-json.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import { openEsCase } from '../../src/runtime/elasticsearch/open-es-case.ts';
import { seedBundle } from '../../src/runtime/elasticsearch/seed-bundle.ts';

/** The server the global setup provided, or a failure naming why there is none. */
export function esUrl(): string {
  const url = inject('esUrl');
  if (!url) throw new Error(`no Elasticsearch for the tests: ${inject('esError')}`);
  return url;
}

/** A unique, lower-case index prefix for one test's indices. */
export function testPrefix(name: string): string {
  return `cwtest-${name}-${randomUUID().slice(0, 8)}-`;
}

/** Deletes every index under a prefix. */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  await fetch(`${url}/${prefix}*?expand_wildcards=all`, { method: 'DELETE' });
}

/** The configuration with YAML overrides (e.g. low read caps). */
export function testConfig(yaml = ''): Readonly<Config> {
  const r = loadConfig({ env: {}, file: { path: 'test.yaml', text: yaml } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Seeds a bundle folder under a prefix (real bulk helper, real indices). */
export async function seed(url: string, dir: string, prefix: string, schema: 'elastic-apm' | 'otel'): Promise<void> {
  const client = createEsClient({ url, requestTimeoutMs: 60_000 });
  try {
    const r = await seedBundle(client, dir, { url, prefix, schema, replace: true });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  } finally {
    await client.close();
  }
}

/** The triage of a bundle from its files. */
export async function triageFiles(dir: string, config = testConfig()): Promise<TriageReport> {
  const b = await openBundle(dir, config.triage.serviceLabels);
  if (!b.ok) throw new Error(b.error.message);
  const v = b.value;
  return investigate({ ...v, options: investigateOptionsFromConfig(config) }, v.alerts, v.asOf);
}

/** The triage of a seeded bundle from Elasticsearch, and what travelled. */
export async function triageEs(
  url: string,
  dir: string,
  prefix: string,
  schema: 'elastic-apm' | 'otel',
  config = testConfig(),
): Promise<{ report: TriageReport; transfer: { requests: number; docs: number } }> {
  const c = await openEsCase(config, join(dir, 'alert.json'), { url, prefix, traceSchema: schema });
  if (!c.ok) throw new Error(c.error.message);
  const v = c.value;
  try {
    const report = await investigate({ ...v, options: investigateOptionsFromConfig(config) }, v.alerts, v.asOf);
    return { report, transfer: { ...v.transfer } };
  } finally {
    await v.close();
  }
}

/**
 * The report's JSON without the Kibana links only the Elasticsearch path adds (links from the data
 * stay), and without the metrics source's status: a bundle always has one (its metrics.ndjson may
 * be absent), the Elasticsearch path none (metrics come from Prometheus there).
 */
export function comparable(r: TriageReport): unknown {
  const j = triageReportJson(r) as {
    hypotheses: { evidence: { source: string; link?: string }[] }[];
    sources?: { metrics?: unknown };
  };
  for (const h of j.hypotheses) {
    for (const e of h.evidence)
      if ((e.source === 'logs' || e.source === 'traces') && e.link?.includes('/app/')) delete e.link;
  }
  if (j.sources) delete j.sources.metrics;
  return j;
}
