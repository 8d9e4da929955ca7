import { serviceFromPodName } from '../formats/service-from-pod-name.ts';
import { SERIES_SERVICE_LABELS } from './series-service-labels.ts';

/**
 * The service a metric series belongs to: the first of `service`, `service_name`, `app`,
 * `app_kubernetes_io_name`, `job`, `container`, else the workload part of `pod`
 * (`checkout-7d9f8c6b5-x2x4q` → `checkout`); undefined for a node's or a cluster's series.
 * `extra` labels (configured) are tried first.
 */
export function serviceOfSeries(
  labels: Readonly<Record<string, string>>,
  extra: readonly string[] = [],
): string | undefined {
  for (const key of [...extra, ...SERIES_SERVICE_LABELS]) {
    const v = labels[key];
    if (v && v !== 'POD') return v;
  }
  const pod = labels.pod ?? labels.pod_name;
  return pod ? serviceFromPodName(pod) : undefined;
}
