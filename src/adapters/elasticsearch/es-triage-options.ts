import type { Result } from '../../core/result/result.ts';
import type { EsOverrides } from './es-settings-from-config.ts';

/** The options `causeway triage` and `causeway eval` take for Elasticsearch. */
export const ES_TRIAGE_OPTIONS = {
  alert: { type: 'string' },
  es: { type: 'string' },
  prefix: { type: 'string' },
  'trace-schema': { type: 'string' },
} as const;

/** The parsed values of ES_TRIAGE_OPTIONS as connector overrides, or what is wrong with them. */
export function esOverrides(v: Readonly<Record<string, unknown>>): Result<EsOverrides, string> {
  const schema = v['trace-schema'];
  if (schema !== undefined && schema !== 'elastic-apm' && schema !== 'otel')
    return { ok: false, error: `--trace-schema must be elastic-apm or otel, not ${JSON.stringify(schema)}` };
  return {
    ok: true,
    value: {
      ...(typeof v.es === 'string' ? { url: v.es } : {}),
      ...(typeof v.prefix === 'string' ? { prefix: v.prefix } : {}),
      ...(schema ? { traceSchema: schema } : {}),
    },
  };
}
