import { createPrometheusClient } from './create-prometheus-client.ts';
import type { PrometheusSettings } from './prometheus-settings.ts';

/**
 * /readyz's check of Prometheus: the query API answers `1` within 2 s (or the configured timeout,
 * if shorter). Uses the query API rather than `/-/ready`, which Mimir and VictoriaMetrics place
 * elsewhere. The detail names the URL and what went wrong, never a credential.
 */
export async function probePrometheus(
  settings: Pick<PrometheusSettings, 'url' | 'authorization' | 'timeoutMs'>,
): Promise<{ readonly name: string; readonly ok: boolean; readonly detail?: string }> {
  const call = createPrometheusClient({ ...settings, timeoutMs: Math.min(settings.timeoutMs, 2000) });
  const r = await call('/api/v1/query', [['query', '1']], AbortSignal.timeout(5000));
  return r.state === 'failed'
    ? { name: 'prometheus', ok: false, detail: `${r.code}: ${r.detail}` }
    : { name: 'prometheus', ok: true, detail: settings.url };
}
