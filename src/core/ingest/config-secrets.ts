import type { Config } from '../config/config-schema.ts';

/** Every secret value in the configuration (tokens, keys, HMAC secrets): redacted from logs and the audit log. */
export function configSecrets(config: Readonly<Config>): string[] {
  const w = config.webhooks;
  return [
    config.audit.checkpointKey,
    config.elasticsearch.apiKey,
    config.llm.apiKey,
    config.slack.botToken,
    config.slack.appToken,
    config.slack.signingSecret,
    config.server.metricsToken,
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
  ].filter((s): s is string => typeof s === 'string' && s !== '');
}
