/**
 * What pino removes from every log line: credentials wherever they appear in a logged object
 * (one level deep and under `headers`/`config`), and the signature headers of webhooks.
 */
export const REDACT_PATHS: readonly string[] = [
  'token',
  'secret',
  'password',
  'apiKey',
  'hmacSecret',
  'authorization',
  '*.token',
  '*.secret',
  '*.password',
  '*.apiKey',
  '*.hmacSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.checkpointKey',
  '*.metricsToken',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-hub-signature-256"]',
  'headers["x-pagerduty-signature"]',
  'headers["x-grafana-alerting-signature"]',
  'headers["x-causeway-signature"]',
  'config.*.*.token',
  'config.*.*.secret',
  'config.*.*.hmacSecret',
];
