import { SERIES_SERVICE_LABELS } from '../../core/metrics/series-service-labels.ts';

/**
 * The default series to read: one selector per label that can name a service (configured labels
 * first, then the bundle format's: service, service_name, app, …, pod), e.g. `{service!=""}`.
 */
export function serviceLabelSelectors(serviceLabels: readonly string[]): string[] {
  const labels = [...new Set([...serviceLabels, ...SERIES_SERVICE_LABELS, 'pod', 'pod_name'])];
  return labels.filter((l) => /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(l)).map((l) => `{${l}!=""}`);
}
