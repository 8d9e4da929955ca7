import type { Config } from '../../core/config/config-schema.ts';
import type { PrometheusSettings } from './prometheus-settings.ts';
import { serviceLabelSelectors } from './service-label-selectors.ts';

/**
 * The connector's settings from the `prometheus` section, or undefined when no `prometheus.url` is
 * set. Credentials in the URL (`https://user:pass@host`) become a Basic header (fetch refuses URLs
 * with credentials); `bearerToken` wins over them.
 */
export function prometheusSettingsFromConfig(
  c: Config['prometheus'],
  serviceLabels: readonly string[],
  url: string | undefined = c.url,
): PrometheusSettings | undefined {
  if (!url) return undefined;
  const u = new URL(url);
  const basic =
    u.username || u.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`
      : undefined;
  u.username = '';
  u.password = '';
  const authorization = c.bearerToken ? `Bearer ${c.bearerToken}` : basic;
  return {
    url: u.toString().replace(/\/+$/, ''),
    ...(authorization ? { authorization } : {}),
    timeoutMs: c.timeoutSeconds * 1000,
    seriesBudget: c.seriesBudget,
    pointsBudget: c.pointsBudget,
    match: c.match ?? serviceLabelSelectors(serviceLabels),
    queries: c.queries,
    serviceLabels,
  };
}
