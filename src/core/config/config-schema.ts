import { z } from 'zod';
import { DEFAULT_SERVICE_LABELS } from '../formats/parse-alertmanager-payload.ts';
import { DEFAULT_SEND_FIELDS } from '../llm/default-send-fields.ts';
import { SEND_FIELDS } from '../llm/send-fields.ts';
import { runbooksConfigSchema } from '../runbooks/runbooks-config-schema.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../sources/default-max-line-bytes.ts';

const seconds = (what: string) =>
  z.number({ error: `expected a number of seconds (${what})` }).nonnegative({ error: 'must be ≥ 0 seconds' });
const minutes = (what: string) =>
  z.number({ error: `expected a number of minutes (${what})` }).positive({ error: 'must be > 0 minutes' });

const count = (what: string) =>
  z
    .number({ error: `expected a number of ${what}` })
    .int({ error: `must be a whole number of ${what}` })
    .min(1, { error: 'must be at least 1' });

const fieldName = () =>
  z.string({ error: 'expected a field name (a comma-separated list where several may hold it)' }).optional();

const secret = () =>
  z
    .string({ error: 'expected a secret string' })
    .min(16, { error: 'use at least 16 characters (e.g. the output of: openssl rand -hex 32)' })
    .optional();

/**
 * The one configuration schema: every key, its type, its default. Loaded once at start from an
 * optional YAML file and environment variables (which win), validated, then frozen.
 */
export const configSchema = z.strictObject({
  triage: z
    .strictObject({
      graceSeconds: seconds('data after the alert time + this is never read').default(60),
      lookbackMinutes: minutes('how far before the alert data is read').default(90),
      bucketSeconds: z
        .number({ error: 'expected a number of seconds' })
        .int({ error: 'must be a whole number of seconds' })
        .min(1, { error: 'must be at least 1 second' })
        .max(300, { error: 'must be at most 300 seconds' })
        .default(10),
      sourceTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(30),
      changeLookbackMinutes: minutes('changes older than this before the onset are ignored').default(120),
      serviceLabels: z
        .array(z.string().min(1, { error: 'label names cannot be empty' }), { error: 'expected a list of label names' })
        .min(1, { error: 'name at least one label' })
        .default([...DEFAULT_SERVICE_LABELS]),
    })
    .prefault({}),
  storage: z
    .strictObject({
      url: z
        .string({ error: 'expected a database URL: sqlite:PATH or postgres://user:pass@host:5432/db' })
        .min(1, { error: 'expected sqlite:PATH or postgres://…' })
        .default('sqlite:var/causeway.db'),
      sqliteSynchronous: z
        .enum(['normal', 'full'], {
          error: 'expected normal (survives a crash of Causeway) or full (also survives power loss; slower)',
        })
        .default('normal'),
    })
    .prefault({}),
  audit: z
    .strictObject({
      checkpointKey: z
        .string({ error: 'expected a secret string' })
        .min(32, { error: 'use at least 32 characters (e.g. the output of: openssl rand -hex 32)' })
        .optional(),
      checkpointEvery: z
        .number({ error: 'expected a number of records' })
        .int({ error: 'must be a whole number of records' })
        .min(1, { error: 'must be at least 1' })
        .default(1),
      storeFullText: z.boolean({ error: 'expected true or false' }).default(true),
      inlinePayloadBytes: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(256, { error: 'must be at least 256 bytes' })
        .max(1_048_576, { error: 'must be at most 1048576 bytes' })
        .default(4096),
    })
    .prefault({}),
  elasticsearch: z
    .strictObject({
      url: z
        .string({ error: 'expected a URL such as http://127.0.0.1:9200' })
        .url({ error: 'expected a URL such as http://127.0.0.1:9200' })
        .optional(),
      apiKey: z.string({ error: 'expected an Elasticsearch API key (base64 id:key)' }).min(1).optional(),
      traceSchema: z
        .enum(['elastic-apm', 'otel'], {
          error:
            'expected elastic-apm (ECS fields: trace.id, span.id, event.outcome ...) or otel (trace_id, span_id, status.code ...)',
        })
        .default('elastic-apm'),
      indices: z
        .strictObject({
          logs: z.string({ error: 'expected an index pattern' }).min(1).default('logs-*'),
          traces: z.string({ error: 'expected an index pattern' }).min(1).default('traces-*'),
          changes: z.string({ error: 'expected an index pattern' }).min(1).default('causeway-changes'),
        })
        .prefault({}),
      /** Field names that differ from ECS (logs) or from the trace schema's defaults (docs/elasticsearch.md). */
      logFields: z
        .strictObject({
          timestamp: fieldName(),
          service: fieldName(),
          message: fieldName(),
          level: fieldName(),
          traceId: fieldName(),
          spanId: fieldName(),
          errorType: fieldName(),
          pod: fieldName(),
          sequence: fieldName(),
        })
        .prefault({}),
      traceFields: z
        .strictObject({
          traceId: fieldName(),
          spanId: fieldName(),
          parentId: fieldName(),
          service: fieldName(),
          name: fieldName(),
          kind: fieldName(),
          start: fieldName(),
          duration: fieldName(),
          status: fieldName(),
          httpStatus: fieldName(),
          peer: fieldName(),
          event: fieldName(),
          sequence: fieldName(),
        })
        .prefault({}),
      requestTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(10),
      /** Up to this many documents in the triage range, a source reads them all (results equal the files'). */
      fullReadMaxLogs: count('log documents').default(20_000),
      fullReadMaxSpans: count('spans').default(30_000),
      /** Above that: log lines sampled per service, window and level, and traces per window and outcome. */
      logSamplePerStratum: count('log lines').default(100),
      traceSamplePerStratum: count('traces').default(300),
      maxErrorMarks: count('error logs with a trace id').default(5000),
      /** Above this many documents in the range, volumes (not error counts) are aggregated over a random sample of about this many. */
      exactCountsMaxDocs: count('documents').default(1_000_000),
      maxServices: count('services').default(1000),
      maxChanges: count('change events').default(1000),
      kibanaUrl: z
        .string({ error: 'expected the Kibana base URL, e.g. https://kibana.example:5601' })
        .url({ error: 'expected the Kibana base URL, e.g. https://kibana.example:5601' })
        .optional(),
    })
    .prefault({}),
  prometheus: z
    .strictObject({
      /** Prometheus (or Mimir, Thanos, VictoriaMetrics: the same HTTP API); basic auth as https://user:pass@host. */
      url: z
        .url({
          protocol: /^https?$/,
          error: 'expected the Prometheus base URL with http:// or https://, e.g. http://127.0.0.1:9090',
        })
        .optional(),
      bearerToken: z.string({ error: 'expected a bearer token' }).min(1).optional(),
      timeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(10),
      /** At most this many series are read (the services' series; more are left out, and the triage says so). */
      seriesBudget: count('series').default(2000),
      /** At most this many samples in all, and 11,000 per series (Prometheus' own limit). */
      pointsBudget: count('samples').default(2_000_000),
      /** Selectors of the series to read; by default every series carrying one of triage.serviceLabels. */
      match: z
        .array(z.string().min(1, { error: 'a selector cannot be empty' }), {
          error: 'expected a list of series selectors, e.g. {namespace="shop"}',
        })
        .optional(),
      /** PromQL evaluated over the triage range (for metric names of your own), read like the series. */
      queries: z
        .array(
          z.strictObject({
            name: z
              .string({ error: 'expected a series name that says what it measures, e.g. checkout_error_ratio' })
              .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, { error: 'expected a metric-style name: letters, digits, _ and :' }),
            promql: z
              .string({ error: 'expected a PromQL expression' })
              .min(1, { error: 'expected a PromQL expression' }),
          }),
          { error: 'expected a list of {name, promql}' },
        )
        .default([]),
    })
    .prefault({}),
  llm: z
    .strictObject({
      /** The model name; without it the LLM features are off and no request is ever made (docs/llm.md). */
      model: z.string({ error: 'expected a model name, e.g. gpt-4.1-mini or llama3.1:8b' }).min(1).optional(),
      baseUrl: z
        .url({
          protocol: /^https?$/,
          error: 'expected the OpenAI-compatible base URL with http:// or https://, e.g. http://127.0.0.1:11434/v1',
        })
        .optional(),
      apiKey: z.string({ error: 'expected an API key' }).min(1).optional(),
      temperature: z
        .number({ error: 'expected a number from 0 to 2' })
        .min(0, { error: 'must be ≥ 0' })
        .max(2, { error: 'must be ≤ 2' })
        .default(0),
      timeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(30),
      maxRetries: z
        .number({ error: 'expected a number of retries' })
        .int({ error: 'must be a whole number' })
        .min(0, { error: 'must be ≥ 0' })
        .max(10, { error: 'must be ≤ 10' })
        .default(2),
      structuredOutput: z
        .enum(['auto', 'jsonSchema', 'functionCalling'], {
          error:
            'expected auto (json_schema, falling back to function calling), jsonSchema or functionCalling (for servers without json_schema)',
        })
        .default('auto'),
      streaming: z.boolean({ error: 'expected true or false' }).default(false),
      maxOutputTokens: count('tokens').default(1200),
      promptsDir: z.string({ error: 'expected a folder of prompt files' }).min(1).optional(),
      storeFullText: z.boolean({ error: 'expected true or false' }).default(true),
      narrateTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(60),
      budget: z
        .strictObject({
          maxTokensPerIncident: count('tokens').default(200_000),
          maxCostPerIncidentUsd: z
            .number({ error: 'expected an amount in US dollars' })
            .nonnegative({ error: 'must be ≥ 0' })
            .default(1),
        })
        .prefault({}),
      pricing: z
        .strictObject({
          inputPerMillionTokensUsd: z
            .number({ error: 'expected US dollars per million tokens' })
            .nonnegative()
            .default(0),
          outputPerMillionTokensUsd: z
            .number({ error: 'expected US dollars per million tokens' })
            .nonnegative()
            .default(0),
        })
        .prefault({}),
      followUp: z
        .strictObject({
          maxToolCalls: count('tool calls').default(6),
          maxModelCalls: count('model calls').default(8),
          maxTokensPerQuestion: count('tokens').default(60_000),
          maxToolOutputChars: z
            .number({ error: 'expected a number of characters' })
            .int({ error: 'must be a whole number' })
            .min(200, { error: 'must be at least 200 characters' })
            .default(4000),
          timeoutSeconds: z
            .number({ error: 'expected a number of seconds' })
            .positive({ error: 'must be > 0' })
            .default(90),
        })
        .prefault({}),
      send: z
        .strictObject({
          fields: z
            .array(z.enum(SEND_FIELDS, { error: `expected field names among: ${SEND_FIELDS.join(', ')}` }))
            .default([...DEFAULT_SEND_FIELDS]),
          maxHypotheses: count('hypotheses').default(5),
          maxEvidencePerHypothesis: count('evidence items').default(6),
        })
        .prefault({}),
      redact: z
        .strictObject({
          emails: z.boolean({ error: 'expected true or false' }).default(true),
          ips: z.boolean({ error: 'expected true or false' }).default(true),
          secrets: z.boolean({ error: 'expected true or false' }).default(true),
          patterns: z
            .array(
              z.string({ error: 'expected a regular expression' }).refine(
                (p) => {
                  try {
                    new RegExp(p, 'g');
                    return true;
                  } catch {
                    return false;
                  }
                },
                { error: 'is not a valid JavaScript regular expression' },
              ),
              { error: 'expected a list of regular expressions' },
            )
            .default([]),
        })
        .prefault({}),
    })
    .prefault({}),
  slack: z
    .strictObject({
      mode: z
        .enum(['socket', 'http'], {
          error:
            'expected socket (Socket Mode: no public URL; needs slack.appToken) or http (Slack posts to slack.port; needs slack.signingSecret)',
        })
        .default('socket'),
      botToken: z
        .string({ error: 'expected the bot token (xoxb-…) from OAuth & Permissions' })
        .regex(/^xox[bp]-/, { error: 'a bot token starts with xoxb-' })
        .optional(),
      appToken: z
        .string({ error: 'expected an app-level token (xapp-…) with connections:write' })
        .regex(/^xapp-/, { error: 'an app-level token starts with xapp-' })
        .optional(),
      signingSecret: z
        .string({ error: 'expected the signing secret from Basic Information' })
        .min(8, { error: 'expected the signing secret from Basic Information' })
        .optional(),
      /** HTTP mode: where Slack's requests arrive (POST /slack/events). */
      port: z
        .number({ error: 'expected a TCP port' })
        .int({ error: 'expected a TCP port' })
        .min(0)
        .max(65_535, { error: 'expected a TCP port' })
        .default(3000),
      host: z.string({ error: 'expected an address to listen on' }).min(1).default('0.0.0.0'),
      /** The Web API base URL (only for a local test Slack). */
      apiUrl: z
        .string({ error: 'expected a URL ending in /api/' })
        .url({ error: 'expected a URL ending in /api/' })
        .optional(),
      /** The bot's ids: when both are set, start-up does not call auth.test. */
      botId: z.string().min(1).optional(),
      botUserId: z.string().min(1).optional(),
      command: z
        .string({ error: 'expected the slash command, e.g. /causeway' })
        .regex(/^\/[a-z0-9_-]+$/, { error: 'expected a slash command such as /causeway' })
        .default('/causeway'),
      /** Channel ids (C…) whose alert notifications are triaged automatically. */
      alertChannels: z
        .array(
          z.string().regex(/^[CGD][A-Z0-9]{2,}$/, { error: 'expected a channel id such as C0123ABCD (not its name)' }),
          {
            error: 'expected a list of channel ids',
          },
        )
        .default([]),
      /** Where incidents opened by webhooks (causeway serve) are triaged in chat; without it they are triaged headless. */
      incidentChannel: z
        .string()
        .regex(/^[CGD][A-Z0-9]{2,}$/, { error: 'expected a channel id such as C0123ABCD (not its name)' })
        .optional(),
      rateLimit: z
        .strictObject({
          investigations: count('investigations').default(5),
          perMinutes: minutes('the window of the per-channel limit').default(10),
        })
        .prefault({}),
      charts: z.boolean({ error: 'expected true or false' }).default(true),
    })
    .prefault({}),
  charts: z
    .strictObject({
      /**
       * Font files (.ttf/.otf; relative to the working directory) for the timeline chart's text;
       * empty: the container image's DejaVu Sans (Debian fonts-dejavu-core) when present.
       */
      fontFiles: z
        .array(z.string({ error: 'expected a font file path' }).min(1, { error: 'expected a font file path' }), {
          error: 'expected a list of font file paths',
        })
        .default([]),
    })
    .prefault({}),
  sources: z
    .strictObject({
      /** A recorded incident bundle (or a folder of them) that chat triages read instead of live data. */
      bundleDir: z.string({ error: 'expected a folder path' }).min(1).optional(),
      /** The longest line a bundle file may hold; a longer one is INPUT_INVALID, refused before it is read whole. */
      maxLineBytes: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(1024, { error: 'must be at least 1024 bytes' })
        .max(256 * 1_048_576, { error: 'must be at most 268435456 bytes (256 MiB)' })
        .default(DEFAULT_MAX_LINE_BYTES),
    })
    .prefault({}),
  runbooks: runbooksConfigSchema,
  server: z
    .strictObject({
      /** `causeway serve`: where the HTTP server (webhooks, /healthz, /readyz, /metrics) listens. */
      host: z
        .string({ error: 'expected an address to listen on, e.g. 0.0.0.0 or 127.0.0.1' })
        .min(1)
        .default('0.0.0.0'),
      port: z
        .number({ error: 'expected a TCP port' })
        .int({ error: 'expected a TCP port' })
        .min(0, { error: 'expected a TCP port' })
        .max(65_535, { error: 'expected a TCP port' })
        .default(8080),
      bodyLimitBytes: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(1024, { error: 'must be at least 1024 bytes' })
        .max(64 * 1_048_576, { error: 'must be at most 67108864 bytes' })
        .default(1_048_576),
      /** All webhook bodies being received at once, together; past it the one arriving the longest gets 503. */
      maxBodyBytesInFlight: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(1024, { error: 'must be at least 1024 bytes' })
        .default(32 * 1_048_576),
      /** A webhook body must arrive whole within this long (else 408). */
      bodyTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0 seconds' })
        .max(300, { error: 'must be at most 300 seconds' })
        .default(10),
      /** Open connections; past it webhooks get 503 + Retry-After (the health endpoints still answer). */
      maxConnections: count('connections').default(1024),
      shutdownGraceSeconds: seconds('in-flight work gets this long to finish on SIGTERM').default(25),
      /** Investigations running at once in this process (the rest wait in memory, their alerts already stored). */
      investigationConcurrency: count('investigations').default(2),
      /** Bearer token for GET /metrics; without it /metrics is open (keep the port internal). */
      metricsToken: z
        .string({ error: 'expected a secret string' })
        .min(16, { error: 'use at least 16 characters' })
        .optional(),
    })
    .refine((s) => s.maxBodyBytesInFlight >= s.bodyLimitBytes, {
      error: 'must be at least server.bodyLimitBytes (else a body of the largest size could never be received)',
      path: ['maxBodyBytesInFlight'],
    })
    .prefault({}),
  webhooks: z
    .strictObject({
      replayWindowSeconds: z
        .number({ error: 'expected a number of seconds' })
        .int({ error: 'must be a whole number of seconds' })
        .min(30, { error: 'must be at least 30 seconds' })
        .max(3600, { error: 'must be at most 3600 seconds' })
        .default(300),
      alertmanager: z.strictObject({ token: secret() }).prefault({}),
      grafana: z
        .strictObject({
          token: secret(),
          hmacSecret: secret(),
          signatureHeader: z.string().min(1).default('X-Grafana-Alerting-Signature'),
          /** Empty: Grafana signs the body only (no replay window). */
          timestampHeader: z.string().default('X-Grafana-Alerting-Timestamp'),
        })
        .prefault({}),
      pagerduty: z.strictObject({ secret: secret() }).prefault({}),
      datadog: z.strictObject({ token: secret() }).prefault({}),
      kibana: z.strictObject({ token: secret() }).prefault({}),
      generic: z.strictObject({ token: secret(), hmacSecret: secret() }).prefault({}),
      github: z.strictObject({ secret: secret() }).prefault({}),
      argocd: z.strictObject({ token: secret() }).prefault({}),
      changes: z.strictObject({ token: secret(), hmacSecret: secret() }).prefault({}),
    })
    .prefault({}),
  ingest: z
    .strictObject({
      groupBy: z
        .array(z.string().min(1, { error: 'dimension names cannot be empty' }), {
          error: 'expected a list of dimensions: service, environment or label names',
        })
        .default(['service', 'environment']),
      groupWindowMinutes: minutes('alerts of one group starting within this long join one incident').default(10),
    })
    .prefault({}),
  telemetry: z
    .strictObject({
      /** OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces; without it no span is exported. */
      otlpEndpoint: z
        .string({ error: 'expected a URL such as http://127.0.0.1:4318/v1/traces' })
        .url({ error: 'expected a URL such as http://127.0.0.1:4318/v1/traces' })
        .optional(),
      /** Extra headers for the OTLP endpoint, e.g. {authorization: "Bearer …"}. */
      otlpHeaders: z.record(z.string(), z.string(), { error: 'expected header names and values' }).default({}),
      serviceName: z.string().min(1).default('causeway'),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z
        .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
          error: 'expected one of trace, debug, info, warn, error, fatal, silent',
        })
        .default('info'),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
