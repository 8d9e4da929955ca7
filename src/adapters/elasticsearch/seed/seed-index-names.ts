import type { TraceFields } from '../trace-fields.ts';

export type SeedIndexNames = { readonly logs: string; readonly traces: string; readonly changes: string };

/**
 * The indices `causeway seed` writes, matched by the default patterns (`logs-*`, `traces-*`,
 * `causeway-changes`) or, with a prefix P, by `Plogs-*`, `Ptraces-*`, `Pcauseway-changes`.
 */
export function seedIndexNames(prefix: string, schema: TraceFields['schema']): SeedIndexNames {
  return {
    logs: `${prefix}logs-causeway-default`,
    traces: `${prefix}traces-${schema === 'otel' ? 'otel' : 'apm'}-default`,
    changes: `${prefix}causeway-changes`,
  };
}
