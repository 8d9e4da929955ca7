import type { LogLevel } from '../model/records.ts';
import type { Lang } from '../model/topology-model.ts';

type Msg = { readonly level: LogLevel; readonly text: (lang: Lang, n: number) => string };

/** Long-running background complaints real services keep writing, unrelated to any incident. */
export const CHRONIC_MESSAGES: readonly Msg[] = [
  {
    level: 'warn',
    text: (l) =>
      l === 'node'
        ? 'Failed to flush metrics: connect ECONNREFUSED 127.0.0.1:8125'
        : 'Failed to send metrics to statsd:8125: connection refused',
  },
  {
    level: 'warn',
    text: (l, n) =>
      l === 'java'
        ? `HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=${40 + (n % 50)}s${n % 1000}ms).`
        : 'clock drift detected between scheduler ticks',
  },
  { level: 'warn', text: () => 'JWKS refresh failed, using cached keys: timeout after 2000ms' },
  { level: 'warn', text: (_l, n) => `Deprecated API version v1 called by client app/${3 + (n % 4)}.${n % 30}.0` },
  {
    level: 'warn',
    text: (_l, n) =>
      `Slow query detected (${1200 + (n % 3000)} ms): SELECT * FROM audit_log WHERE created_at > $1 ORDER BY created_at`,
  },
  {
    level: 'error',
    text: (_l, n) =>
      `Failed to send email to user${n % 99999}@example.com: 550 5.1.1 <user${n % 99999}@example.com>: Recipient address rejected: User unknown`,
  },
  {
    level: 'error',
    text: (_l, n) => `Webhook delivery to https://hooks.customer${n % 40}.example/callback failed: 410 Gone`,
  },
  {
    level: 'info',
    text: (_l, n) => `Payment declined: card_declined (insufficient_funds) for order ${100000 + (n % 900000)}`,
  },
  { level: 'warn', text: () => "Could not acquire distributed lock 'nightly-report' (held by another instance)" },
  { level: 'warn', text: (_l, n) => `x509 certificate for smtp.internal expires in ${2 + (n % 9)} days` },
  {
    level: 'warn',
    text: (l) =>
      l === 'python'
        ? "InsecureRequestWarning: Unverified HTTPS request is being made to host 'legacy-erp.internal'. Adding certificate verification is strongly advised."
        : 'TLS verification disabled for legacy-erp.internal',
  },
  {
    level: 'error',
    text: (l) =>
      l === 'node'
        ? 'Unhandled promise rejection: Error: ETIMEDOUT telemetry.vendor.io:443'
        : 'telemetry export failed: context deadline exceeded',
  },
  {
    level: 'warn',
    text: (_l, n) => `Request validation failed: missing field 'locale' (client ${['ios', 'android', 'web'][n % 3]})`,
  },
  {
    level: 'warn',
    text: () => "Retrying Kafka offset commit: The coordinator is loading and hence can't process requests.",
  },
  {
    level: 'error',
    text: (l) =>
      l === 'java'
        ? 'Exception in thread "pool-3-thread-1" java.lang.IllegalStateException: Cache refresh already in progress'
        : 'cache refresh failed: refresh already in progress',
  },
  { level: 'warn', text: (_l, n) => `Thumbnail not found for asset ${n % 100000}, serving placeholder` },
  {
    level: 'warn',
    text: (l) =>
      l === 'java'
        ? "HHH90000025: PostgreSQLDialect does not need to be specified explicitly using 'hibernate.dialect' (remove the property setting and it will be selected by default)"
        : 'config key db.dialect is deprecated',
  },
  {
    level: 'error',
    text: (_l, n) =>
      `Failed to refresh exchange rates from provider: 429 Too Many Requests (retry after ${30 + (n % 60)}s)`,
  },
];
