import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../../core/config/config-schema.ts';
import type { ReadyCheck } from './http-server-deps.ts';

/** Where alerts can come in: the enabled webhook alert sources and the watched Slack channels. */
export type AlertIntake = { readonly webhooks: readonly string[]; readonly slackChannels: readonly string[] };

const NO_SOURCE =
  'no triage source configured: set sources.bundleDir (CAUSEWAY_SOURCES_BUNDLE_DIR) or elasticsearch.url (CAUSEWAY_ELASTICSEARCH_URL), and prometheus.url (CAUSEWAY_PROMETHEUS_URL) for metrics';
const NO_INTAKE =
  'no alert intake configured: no webhook alert source has its secret (webhooks.<source>.*, e.g. CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN) and slack.alertChannels is empty (or slack.botToken unset)';

/**
 * /readyz: the store answers; the configured triage source is there (bundle folder) or answers
 * (Elasticsearch; Prometheus through `probes`, which the composition root passes for sources it
 * configured); and what is not configured is named. A missing source or a missing alert intake
 * alone leaves the replica ready (its check says what is missing, `ok: true`); both missing is not
 * ready, since such a replica can do nothing.
 */
export async function readyChecks(
  config: Readonly<Config>,
  cwd: string,
  intake: AlertIntake,
  list: (f: { limit: number }) => Promise<unknown>,
  probes: readonly (() => Promise<ReadyCheck>)[] = [],
): Promise<ReadyCheck[]> {
  const within = <T>(ms: number, p: Promise<T>) =>
    Promise.race([
      p,
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms).unref()),
    ]);
  const checks: ReadyCheck[] = [];
  try {
    await within(2000, list({ limit: 1 }));
    checks.push({ name: 'storage', ok: true });
  } catch (e) {
    checks.push({ name: 'storage', ok: false, detail: (e as Error).message });
  }
  const hasIntake = intake.webhooks.length > 0 || intake.slackChannels.length > 0;
  const hasSource = Boolean(config.sources.bundleDir || config.elasticsearch.url || config.prometheus.url);
  if (config.sources.bundleDir) {
    const dir = resolve(cwd, config.sources.bundleDir);
    const ok = await access(dir).then(
      () => true,
      () => false,
    );
    checks.push({ name: 'sources', ok, ...(ok ? {} : { detail: `bundle folder ${dir} is missing` }) });
  } else if (config.elasticsearch.url) {
    try {
      const res = await fetch(config.elasticsearch.url, {
        headers: config.elasticsearch.apiKey ? { authorization: `ApiKey ${config.elasticsearch.apiKey}` } : {},
        signal: AbortSignal.timeout(2000),
      });
      await res.arrayBuffer();
      checks.push({ name: 'elasticsearch', ok: res.ok, ...(res.ok ? {} : { detail: `answered ${res.status}` }) });
    } catch (e) {
      checks.push({ name: 'elasticsearch', ok: false, detail: (e as Error).message });
    }
  } else if (!hasSource) {
    checks.push({ name: 'sources', ok: hasIntake, detail: NO_SOURCE });
  }
  checks.push(...(await Promise.all(probes.map((p) => p()))));
  const where = [
    ...(intake.webhooks.length ? [`webhooks: ${intake.webhooks.join(', ')}`] : []),
    ...(intake.slackChannels.length ? [`slack channels: ${intake.slackChannels.join(', ')}`] : []),
  ];
  checks.push(
    hasIntake
      ? { name: 'alert-intake', ok: true, detail: where.join('; ') }
      : { name: 'alert-intake', ok: hasSource, detail: NO_INTAKE },
  );
  return checks;
}
