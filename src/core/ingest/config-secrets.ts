import type { Config } from '../config/config-schema.ts';

/** The password of a URL with credentials (`postgres://user:pass@host/db`), if any. */
function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}

/**
 * The one list of secret values: every token, key, HMAC secret and password in the configuration
 * (URL passwords included), and the values of the environment variables runbook steps may read
 * (`runbooks.secretEnv`). Logs, chat messages and the audit log redact each of them.
 */
export function configSecrets(
  config: Readonly<Config>,
  env: Readonly<Record<string, string | undefined>> = {},
): string[] {
  const w = config.webhooks;
  const all = [
    config.audit.checkpointKey,
    config.elasticsearch.apiKey,
    config.llm.apiKey,
    config.prometheus.bearerToken,
    config.slack.botToken,
    config.slack.appToken,
    config.slack.signingSecret,
    config.server.metricsToken,
    config.postmortem.pageKey,
    config.autonomy.pagerduty.routingKey,
    w.alertmanager.token,
    w.grafana.token,
    w.grafana.hmacSecret,
    w.pagerduty.secret,
    w.datadog.token,
    w.kibana.token,
    w.generic.token,
    w.generic.hmacSecret,
    w.github.secret,
    w.argocd.token,
    w.changes.token,
    w.changes.hmacSecret,
    ...Object.values(config.telemetry.otlpHeaders),
    urlPassword(config.storage.url),
    urlPassword(config.elasticsearch.url),
    urlPassword(config.elasticsearch.kibanaUrl),
    urlPassword(config.prometheus.url),
    urlPassword(config.llm.baseUrl),
    urlPassword(config.telemetry.otlpEndpoint),
    urlPassword(config.slack.apiUrl),
    urlPassword(config.postmortem.pageBaseUrl),
    urlPassword(config.autonomy.pagerduty.url),
    ...config.runbooks.secretEnv.map((name) => env[name]),
  ];
  return [...new Set(all.filter((s): s is string => typeof s === 'string' && s !== ''))];
}
