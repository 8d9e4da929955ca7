import type { Config } from '../../core/config/config-schema.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';
import { alertmanagerSource } from './alertmanager-source.ts';
import { datadogSource } from './datadog-source.ts';
import { genericAlertSource } from './generic-alert-source.ts';
import { grafanaSource } from './grafana-source.ts';
import { kibanaSource } from './kibana-source.ts';
import { pagerdutySource } from './pagerduty-source.ts';

/** The alert webhook sources that have a secret configured (a source without one is refused, never open). */
export function alertSourcesFromConfig(config: Readonly<Config>): WebhookSource[] {
  const w = config.webhooks;
  const labels = config.triage.serviceLabels;
  const windowMs = w.replayWindowSeconds * 1000;
  const out: WebhookSource[] = [];
  if (w.alertmanager.token) out.push(alertmanagerSource(w.alertmanager.token, labels));
  if (w.grafana.hmacSecret)
    out.push(
      grafanaSource(
        {
          kind: 'hmac',
          secret: w.grafana.hmacSecret,
          signatureHeader: w.grafana.signatureHeader,
          timestampHeader: w.grafana.timestampHeader,
        },
        windowMs,
        labels,
      ),
    );
  else if (w.grafana.token) out.push(grafanaSource({ kind: 'bearer', token: w.grafana.token }, windowMs, labels));
  if (w.pagerduty.secret) out.push(pagerdutySource(w.pagerduty.secret, windowMs, labels));
  if (w.datadog.token) out.push(datadogSource(w.datadog.token, labels));
  if (w.kibana.token) out.push(kibanaSource(w.kibana.token, labels));
  if (w.generic.hmacSecret || w.generic.token)
    out.push(genericAlertSource({ hmacSecret: w.generic.hmacSecret, token: w.generic.token }, windowMs, labels));
  return out;
}
