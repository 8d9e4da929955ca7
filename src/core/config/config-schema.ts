import { z } from 'zod';
import { autonomyConfigSchema } from '../autonomy/autonomy-config-schema.ts';
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

const fieldName = (holds: string) =>
  z
    .string({ error: 'expected a field name (a comma-separated list where several may hold it)' })
    .optional()
    .describe(`The field holding ${holds} (a comma-separated list where several may hold it).`);

const secret = (what: string) =>
  z
    .string({ error: 'expected a secret string' })
    .min(16, { error: 'use at least 16 characters (e.g. the output of: openssl rand -hex 32)' })
    .optional()
    .describe(what);

/**
 * The one configuration schema: every key, its type, its default. Loaded once at start from an
 * optional YAML file and environment variables (which win), validated, then frozen.
 */
export const configSchema = z.strictObject({
  triage: z
    .strictObject({
      graceSeconds: seconds('data after the alert time + this is never read')
        .default(60)
        .describe('Data later than the alert time plus this many seconds is never read.'),
      lookbackMinutes: minutes('how far before the alert data is read')
        .default(90)
        .describe('How far before the alert time data is read (minutes).'),
      bucketSeconds: z
        .number({ error: 'expected a number of seconds' })
        .int({ error: 'must be a whole number of seconds' })
        .min(1, { error: 'must be at least 1 second' })
        .max(300, { error: 'must be at most 300 seconds' })
        .default(10)
        .describe('Time-series resolution: the width of one time bucket (seconds).'),
      sourceTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(30)
        .describe('Each source (logs, traces, metrics, changes) gets this long; a slower one leaves a named gap.'),
      changeLookbackMinutes: minutes('changes older than this before the onset are ignored')
        .default(120)
        .describe('Changes older than this many minutes before the onset are ignored.'),
      serviceLabels: z
        .array(z.string().min(1, { error: 'label names cannot be empty' }), { error: 'expected a list of label names' })
        .min(1, { error: 'name at least one label' })
        .default([...DEFAULT_SERVICE_LABELS])
        .describe('Alert labels that name the service, tried in order.'),
      lateData: z
        .strictObject({
          minGapSeconds: z
            .number({ error: 'expected a number of seconds' })
            .min(1, { error: 'must be at least 1 second' })
            .max(3600, { error: 'must be at most 3600 seconds' })
            .default(15)
            .describe(
              "A triage whose data ends more than this many seconds before its as-of time is re-read later (ingest lag: the newest data wasn't there yet).",
            ),
          retriageAfterSeconds: z
            .array(
              z.coerce
                .number({ error: 'expected a number of seconds' })
                .min(1, { error: 'must be at least 1 second' })
                .max(3600, { error: 'must be at most 3600 seconds' }),
              { error: 'expected a list of seconds' },
            )
            .max(5, { error: 'at most 5 re-triages' })
            .refine((a) => a.every((x, i) => i === 0 || x > (a[i - 1] ?? 0)), {
              error: 'must be increasing (seconds after the first triage)',
            })
            .default([60, 180])
            .describe(
              'When such a triage is re-read, in seconds after the first one (increasing, at most 5; empty: never). It stops once the data has caught up or the incident resolved.',
            ),
        })
        .prefault({})
        .describe('Re-triage when telemetry arrives late.'),
    })
    .prefault({})
    .describe('How a triage reads its data: time windows, resolution and timeouts.'),
  storage: z
    .strictObject({
      url: z
        .string({ error: 'expected a database URL: sqlite:PATH or postgres://user:pass@host:5432/db' })
        .min(1, { error: 'expected sqlite:PATH or postgres://…' })
        .optional()
        .meta({
          description:
            'The database: sqlite:PATH (embedded, one process; a relative PATH is from the working directory) or postgres://user:pass@host:5432/db.',
          'x-default': '`sqlite:` + storage.dataDir + `/causeway.db`',
        }),
      dataDir: z
        .string({ error: 'expected an absolute folder path' })
        .regex(/^(?:\/|[A-Za-z]:[\\/])/, { error: 'expected an absolute folder path, e.g. /var/lib/causeway' })
        .optional()
        .meta({
          description:
            'The folder of the default SQLite database (used when storage.url is unset); created when missing. Never the working directory.',
          'x-default': '`$XDG_DATA_HOME/causeway`, else `~/.local/share/causeway`',
        }),
      sqliteSynchronous: z
        .enum(['normal', 'full'], {
          error: 'expected normal (survives a crash of Causeway) or full (also survives power loss; slower)',
        })
        .default('normal')
        .describe('SQLite durability: normal survives a crash of Causeway, full also survives power loss (slower).'),
    })
    // The loader (adapters/config/load-config.ts) always sets dataDir from the environment; the schema
    // alone (tests) falls back to an in-memory database, never a file in the working directory.
    .transform((s) => ({
      ...s,
      url:
        s.url ??
        (s.dataDir !== undefined ? `sqlite:${s.dataDir.replace(/[\\/]+$/, '')}/causeway.db` : 'sqlite::memory:'),
    }))
    .prefault({})
    .describe('Where incidents, runs and the audit log are kept.'),
  audit: z
    .strictObject({
      checkpointKey: z
        .string({ error: 'expected a secret string' })
        .min(32, { error: 'use at least 32 characters (e.g. the output of: openssl rand -hex 32)' })
        .optional()
        .describe(
          "HMAC key (at least 32 characters, e.g. openssl rand -hex 32) for signed checkpoints; keep it out of the database's reach.",
        ),
      checkpointEvery: z
        .number({ error: 'expected a number of records' })
        .int({ error: 'must be a whole number of records' })
        .min(1, { error: 'must be at least 1' })
        .default(1)
        .describe('Sign a checkpoint every this many audit records.'),
      storeFullText: z
        .boolean({ error: 'expected true or false' })
        .default(true)
        .describe(
          'Store large payloads (command output, prompts) in the audit log; false keeps only their hash and size.',
        ),
      inlinePayloadBytes: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(256, { error: 'must be at least 256 bytes' })
        .max(1_048_576, { error: 'must be at most 1048576 bytes' })
        .default(4096)
        .describe('Strings longer than this are stored once as payloads (bytes).'),
    })
    .prefault({})
    .describe('The tamper-evident audit log (docs/storage.md).'),
  elasticsearch: z
    .strictObject({
      url: z
        .string({ error: 'expected a URL such as http://127.0.0.1:9200' })
        .url({ error: 'expected a URL such as http://127.0.0.1:9200' })
        .optional()
        .describe('Elasticsearch URL; without it triage reads incident bundles (files) instead.'),
      apiKey: z
        .string({ error: 'expected an Elasticsearch API key (base64 id:key)' })
        .min(1)
        .optional()
        .describe('Elasticsearch API key (base64 id:key).'),
      traceSchema: z
        .enum(['elastic-apm', 'otel'], {
          error:
            'expected elastic-apm (ECS fields: trace.id, span.id, event.outcome ...) or otel (trace_id, span_id, status.code ...)',
        })
        .default('elastic-apm')
        .describe('How spans are stored: elastic-apm (ECS fields) or otel (OpenTelemetry-native fields).'),
      indices: z
        .strictObject({
          logs: z
            .string({ error: 'expected an index pattern' })
            .min(1)
            .default('logs-*')
            .describe('Index pattern of the logs.'),
          traces: z
            .string({ error: 'expected an index pattern' })
            .min(1)
            .default('traces-*')
            .describe('Index pattern of the spans.'),
          changes: z
            .string({ error: 'expected an index pattern' })
            .min(1)
            .default('causeway-changes')
            .describe('Index of change events (deploys, config changes).'),
        })
        .prefault({}),
      logFields: z
        .strictObject({
          timestamp: fieldName('the time'),
          service: fieldName('the service name'),
          message: fieldName('the message'),
          level: fieldName('the level'),
          traceId: fieldName('the trace id'),
          spanId: fieldName('the span id'),
          errorType: fieldName('the error type'),
          pod: fieldName('the pod or instance'),
          sequence: fieldName('a tie-breaking sequence number'),
        })
        .prefault({})
        .describe('Log field names that differ from ECS (docs/elasticsearch.md).'),
      traceFields: z
        .strictObject({
          traceId: fieldName('the trace id'),
          spanId: fieldName('the span id'),
          parentId: fieldName('the parent span id'),
          service: fieldName('the service name'),
          name: fieldName('the span name'),
          kind: fieldName('the span kind'),
          start: fieldName('the start time'),
          duration: fieldName('the duration'),
          status: fieldName('the outcome'),
          httpStatus: fieldName('the HTTP status code'),
          peer: fieldName('the called peer'),
          event: fieldName('the span event or error'),
          sequence: fieldName('a tie-breaking sequence number'),
        })
        .prefault({})
        .describe("Span field names that differ from the trace schema's defaults (docs/elasticsearch.md)."),
      requestTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(10)
        .describe('Each Elasticsearch request gets this long (seconds).'),
      fullReadMaxLogs: count('log documents')
        .default(20_000)
        .describe("Up to this many log documents in the triage range are all read (results equal the files')."),
      fullReadMaxSpans: count('spans')
        .default(30_000)
        .describe('Up to this many spans in the triage range are all read.'),
      logSamplePerStratum: count('log lines')
        .default(100)
        .describe('Above fullReadMaxLogs: log lines sampled per service, window and level.'),
      traceSamplePerStratum: count('traces')
        .default(300)
        .describe('Above fullReadMaxSpans: traces sampled per window and outcome.'),
      maxErrorMarks: count('error logs with a trace id')
        .default(5000)
        .describe('The most recent this many error logs carrying a trace id mark spans without a status as failed.'),
      exactCountsMaxDocs: count('documents')
        .default(1_000_000)
        .describe(
          'Above this many documents, volumes (not error counts) are aggregated over a random sample of about this many.',
        ),
      maxServices: count('services').default(1000).describe('At most this many services are read.'),
      maxChanges: count('change events').default(1000).describe('At most this many change events are read.'),
      kibanaUrl: z
        .string({ error: 'expected the Kibana base URL, e.g. https://kibana.example:5601' })
        .url({ error: 'expected the Kibana base URL, e.g. https://kibana.example:5601' })
        .optional()
        .describe('Kibana base URL: findings link to their query in Discover.'),
    })
    .prefault({})
    .describe('Live logs, traces and changes from Elasticsearch (docs/elasticsearch.md).'),
  prometheus: z
    .strictObject({
      url: z
        .url({
          protocol: /^https?$/,
          error: 'expected the Prometheus base URL with http:// or https://, e.g. http://127.0.0.1:9090',
        })
        .optional()
        .describe(
          'Prometheus (or Mimir, Thanos, VictoriaMetrics: the same HTTP API) base URL; basic auth as https://user:pass@host. Set: triages read metrics from it.',
        ),
      bearerToken: z
        .string({ error: 'expected a bearer token' })
        .min(1)
        .optional()
        .describe('Bearer token sent to Prometheus (a secret: never logged).'),
      timeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(10)
        .describe('Timeout of each Prometheus HTTP call.'),
      seriesBudget: count('series')
        .default(2000)
        .describe('At most this many series are read (spread over the services; the triage says when it cut).'),
      pointsBudget: count('samples')
        .default(2_000_000)
        .describe("At most this many samples in all, and 11,000 per series (Prometheus' own limit)."),
      match: z
        .array(z.string().min(1, { error: 'a selector cannot be empty' }), {
          error: 'expected a list of series selectors, e.g. {namespace="shop"}',
        })
        .optional()
        .describe('Selectors of the series to read; by default every series carrying one of triage.serviceLabels.'),
      queries: z
        .array(
          z.strictObject({
            name: z
              .string({ error: 'expected a series name that says what it measures, e.g. checkout_error_ratio' })
              .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, { error: 'expected a metric-style name: letters, digits, _ and :' })
              .describe('The name the result series get (it says what they measure).'),
            promql: z
              .string({ error: 'expected a PromQL expression' })
              .min(1, { error: 'expected a PromQL expression' })
              .describe('The PromQL expression.'),
          }),
          { error: 'expected a list of {name, promql}' },
        )
        .default([])
        .describe('PromQL evaluated over the triage range (for metric names of your own), read like the series.'),
    })
    .prefault({})
    .describe('Metrics from Prometheus and its kin over the HTTP API (docs/prometheus.md).'),
  llm: z
    .strictObject({
      model: z
        .string({ error: 'expected a model name, e.g. gpt-4.1-mini or llama3.1:8b' })
        .min(1)
        .optional()
        .describe('The model name; without it the LLM features are off and no request is ever made (docs/llm.md).'),
      baseUrl: z
        .url({
          protocol: /^https?$/,
          error: 'expected the OpenAI-compatible base URL with http:// or https://, e.g. http://127.0.0.1:11434/v1',
        })
        .optional()
        .describe("OpenAI-compatible base URL (unset: OpenAI's)."),
      apiKey: z.string({ error: 'expected an API key' }).min(1).optional().describe("The model provider's API key."),
      temperature: z
        .number({ error: 'expected a number from 0 to 2' })
        .min(0, { error: 'must be ≥ 0' })
        .max(2, { error: 'must be ≤ 2' })
        .default(0)
        .describe('Sampling temperature, 0 to 2.'),
      timeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(30)
        .describe('Each model request gets this long (seconds).'),
      maxRetries: z
        .number({ error: 'expected a number of retries' })
        .int({ error: 'must be a whole number' })
        .min(0, { error: 'must be ≥ 0' })
        .max(10, { error: 'must be ≤ 10' })
        .default(2)
        .describe('Retries of a failed model request.'),
      structuredOutput: z
        .enum(['auto', 'jsonSchema', 'functionCalling'], {
          error:
            'expected auto (json_schema, falling back to function calling), jsonSchema or functionCalling (for servers without json_schema)',
        })
        .default('auto')
        .describe('How structured answers are asked for: auto, jsonSchema or functionCalling.'),
      streaming: z
        .boolean({ error: 'expected true or false' })
        .default(false)
        .describe('Stream model answers (server-sent events).'),
      maxOutputTokens: count('tokens').default(1200).describe('The longest answer asked of the model (tokens).'),
      promptsDir: z
        .string({ error: 'expected a folder of prompt files' })
        .min(1)
        .optional()
        .describe('A folder of prompt files replacing the shipped prompts/ (validated at start).'),
      storeFullText: z
        .boolean({ error: 'expected true or false' })
        .default(true)
        .describe(
          'Store the full prompts and answers in the audit log of each model call; false keeps only their hashes.',
        ),
      narrateTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0' })
        .default(60)
        .describe('The whole narrative of one triage gets this long (seconds).'),
      budget: z
        .strictObject({
          maxTokensPerIncident: count('tokens')
            .default(200_000)
            .describe('Model tokens one incident may use; past it the LLM features stop for that incident.'),
          maxCostPerIncidentUsd: z
            .number({ error: 'expected an amount in US dollars' })
            .nonnegative({ error: 'must be ≥ 0' })
            .default(1)
            .describe('US dollars one incident may cost (by llm.pricing); past it the LLM features stop for it.'),
        })
        .prefault({}),
      pricing: z
        .strictObject({
          inputPerMillionTokensUsd: z
            .number({ error: 'expected US dollars per million tokens' })
            .nonnegative()
            .default(0)
            .describe('Price of a million input tokens (US dollars), for the cost budget.'),
          outputPerMillionTokensUsd: z
            .number({ error: 'expected US dollars per million tokens' })
            .nonnegative()
            .default(0)
            .describe('Price of a million output tokens (US dollars), for the cost budget.'),
        })
        .prefault({}),
      followUp: z
        .strictObject({
          maxToolCalls: count('tool calls').default(6).describe('Tool calls one follow-up question may make.'),
          maxModelCalls: count('model calls').default(8).describe('Model calls one follow-up question may make.'),
          maxTokensPerQuestion: count('tokens').default(60_000).describe('Tokens one follow-up question may use.'),
          maxToolOutputChars: z
            .number({ error: 'expected a number of characters' })
            .int({ error: 'must be a whole number' })
            .min(200, { error: 'must be at least 200 characters' })
            .default(4000)
            .describe('A tool result is cut to this many characters before the model sees it.'),
          timeoutSeconds: z
            .number({ error: 'expected a number of seconds' })
            .positive({ error: 'must be > 0' })
            .default(90)
            .describe('One follow-up question gets this long (seconds).'),
        })
        .prefault({}),
      send: z
        .strictObject({
          fields: z
            .array(z.enum(SEND_FIELDS, { error: `expected field names among: ${SEND_FIELDS.join(', ')}` }))
            .default([...DEFAULT_SEND_FIELDS])
            .describe(`Optional fields sent to the model (an allowlist): ${SEND_FIELDS.join(', ')}.`),
          maxHypotheses: count('hypotheses').default(5).describe('Hypotheses sent to the model.'),
          maxEvidencePerHypothesis: count('evidence items').default(6).describe('Evidence items sent per hypothesis.'),
        })
        .prefault({}),
      redact: z
        .strictObject({
          emails: z
            .boolean({ error: 'expected true or false' })
            .default(true)
            .describe('Mask e-mail addresses before text is sent to the model.'),
          ips: z
            .boolean({ error: 'expected true or false' })
            .default(true)
            .describe('Mask IP addresses before text is sent to the model.'),
          secrets: z
            .boolean({ error: 'expected true or false' })
            .default(true)
            .describe('Mask tokens, keys and passwords before text is sent to the model.'),
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
            .default([])
            .describe('More regular expressions whose matches are masked before text is sent to the model.'),
        })
        .prefault({}),
    })
    .prefault({})
    .describe('The optional LLM narrative and follow-up questions; off unless llm.model is set (docs/llm.md).'),
  slack: z
    .strictObject({
      mode: z
        .enum(['socket', 'http'], {
          error:
            'expected socket (Socket Mode: no public URL; needs slack.appToken) or http (Slack posts to slack.port; needs slack.signingSecret)',
        })
        .default('socket')
        .describe('socket (Socket Mode: no public URL, needs slack.appToken) or http (Slack posts to slack.port).'),
      botToken: z
        .string({ error: 'expected the bot token (xoxb-…) from OAuth & Permissions' })
        .regex(/^xox[bp]-/, { error: 'a bot token starts with xoxb-' })
        .optional()
        .describe('The bot token (xoxb-…) from OAuth & Permissions.'),
      appToken: z
        .string({ error: 'expected an app-level token (xapp-…) with connections:write' })
        .regex(/^xapp-/, { error: 'an app-level token starts with xapp-' })
        .optional()
        .describe('Socket Mode: an app-level token (xapp-…) with connections:write.'),
      signingSecret: z
        .string({ error: 'expected the signing secret from Basic Information' })
        .min(8, { error: 'expected the signing secret from Basic Information' })
        .optional()
        .describe('HTTP mode: the signing secret from Basic Information.'),
      port: z
        .number({ error: 'expected a TCP port' })
        .int({ error: 'expected a TCP port' })
        .min(0)
        .max(65_535, { error: 'expected a TCP port' })
        .default(3000)
        .describe("HTTP mode: the port where Slack's requests arrive (POST /slack/events)."),
      host: z
        .string({ error: 'expected an address to listen on' })
        .min(1)
        .default('0.0.0.0')
        .describe('HTTP mode: the address to listen on.'),
      apiUrl: z
        .string({ error: 'expected a URL ending in /api/' })
        .url({ error: 'expected a URL ending in /api/' })
        .optional()
        .describe("The Web API base URL (only for a local test Slack; unset: Slack's)."),
      botId: z
        .string()
        .min(1)
        .optional()
        .describe("The bot's id (B…); with slack.botUserId set too, start-up does not call auth.test."),
      botUserId: z
        .string()
        .min(1)
        .optional()
        .describe("The bot's user id (U…); with slack.botId set too, start-up does not call auth.test."),
      command: z
        .string({ error: 'expected the slash command, e.g. /causeway' })
        .regex(/^\/[a-z0-9_-]+$/, { error: 'expected a slash command such as /causeway' })
        .default('/causeway')
        .describe('The slash command, as registered in the app manifest.'),
      alertChannels: z
        .array(
          z.string().regex(/^[CGD][A-Z0-9]{2,}$/, { error: 'expected a channel id such as C0123ABCD (not its name)' }),
          {
            error: 'expected a list of channel ids',
          },
        )
        .default([])
        .describe('Channel ids (C…) whose alert notifications are triaged automatically.'),
      incidentChannel: z
        .string()
        .regex(/^[CGD][A-Z0-9]{2,}$/, { error: 'expected a channel id such as C0123ABCD (not its name)' })
        .optional()
        .describe('Channel id where incidents opened by webhooks are triaged; without it they are triaged headless.'),
      rateLimit: z
        .strictObject({
          investigations: count('investigations').default(5).describe('Investigations a channel may start per window.'),
          perMinutes: minutes('the window of the per-channel limit')
            .default(10)
            .describe('The window of the per-channel limit (minutes).'),
        })
        .prefault({}),
      charts: z
        .boolean({ error: 'expected true or false' })
        .default(true)
        .describe('Attach the incident timeline chart (PNG) to the summary message.'),
    })
    .prefault({})
    .describe('The Slack app (docs/slack.md).'),
  charts: z
    .strictObject({
      fontFiles: z
        .array(z.string({ error: 'expected a font file path' }).min(1, { error: 'expected a font file path' }), {
          error: 'expected a list of font file paths',
        })
        .default([])
        .describe(
          "Font files (.ttf/.otf; relative to the working directory) for the timeline chart's text; empty: the container image's DejaVu Sans (Debian fonts-dejavu-core) when present.",
        ),
    })
    .prefault({})
    .describe('The timeline chart posted with an incident.'),
  sources: z
    .strictObject({
      bundleDir: z
        .string({ error: 'expected a folder path' })
        .min(1)
        .optional()
        .describe('A recorded incident bundle (or a folder of them) that chat triages read instead of live data.'),
      maxLineBytes: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(1024, { error: 'must be at least 1024 bytes' })
        .max(256 * 1_048_576, { error: 'must be at most 268435456 bytes (256 MiB)' })
        .default(DEFAULT_MAX_LINE_BYTES)
        .describe(
          'The longest line a bundle file may hold; a longer one is INPUT_INVALID, refused before it is read whole.',
        ),
    })
    .prefault({})
    .describe('Recorded incident bundles as the triage source (docs/incident-bundle.md).'),
  runbooks: runbooksConfigSchema.describe(
    'Runbooks: where they are, the approval policy and what executors may touch (docs/runbooks.md).',
  ),
  postmortem: z
    .strictObject({
      pageKey: z
        .string({ error: 'expected a secret string' })
        .min(32, { error: 'use at least 32 characters (e.g. the output of: openssl rand -hex 32)' })
        .optional()
        .describe(
          'HMAC key (at least 32 characters) that signs the expiring links to the incident pages of causeway serve; without it (and without trustedUserHeader) every page answers 403.',
        ),
      pageLinkMinutes: minutes('how long a signed incident page link stays valid')
        .max(60 * 24 * 90, { error: 'must be at most 129600 minutes (90 days)' })
        .default(1440)
        .describe('How long a signed link to an incident page stays valid (minutes).'),
      pageBaseUrl: z
        .url({ error: 'expected the URL people reach causeway serve at, e.g. https://causeway.example.com' })
        .optional()
        .describe(
          'The URL people reach causeway serve at (behind your proxy): incident page links in Slack start with it; without it no link is posted.',
        ),
      trustedUserHeader: z
        .string({ error: 'expected a header name, e.g. X-Forwarded-User' })
        .regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'expected a header name, e.g. X-Forwarded-User' })
        .optional()
        .describe(
          'A header set by an authenticating proxy (e.g. oauth2-proxy: X-Forwarded-User): a request carrying it may read incident pages without a signed link. Enable only when every request passes through that proxy, which must strip the header from clients.',
        ),
      sloTarget: z
        .number({ error: 'expected a fraction such as 0.999' })
        .gt(0, { error: 'must be between 0 and 1' })
        .lt(1, { error: 'must be between 0 and 1' })
        .optional()
        .describe('The availability objective (e.g. 0.999): postmortems put the incident against its error budget.'),
      sloWindowDays: count('days')
        .max(366, { error: 'must be at most 366 days' })
        .default(30)
        .describe('The window of the availability objective (days).'),
    })
    .prefault({})
    .describe('After the incident: incident pages, postmortem drafts (docs/postmortems.md).'),
  autonomy: autonomyConfigSchema.describe(
    'Earned autonomy: the kill switch, what a runbook must earn in shadow mode, limits, freezes, paging (docs/autonomy.md).',
  ),
  server: z
    .strictObject({
      host: z
        .string({ error: 'expected an address to listen on, e.g. 0.0.0.0 or 127.0.0.1' })
        .min(1)
        .default('0.0.0.0')
        .describe('causeway serve: the address the HTTP server (webhooks, /healthz, /readyz, /metrics) listens on.'),
      port: z
        .number({ error: 'expected a TCP port' })
        .int({ error: 'expected a TCP port' })
        .min(0, { error: 'expected a TCP port' })
        .max(65_535, { error: 'expected a TCP port' })
        .default(8080)
        .describe('causeway serve: the port of the HTTP server.'),
      bodyLimitBytes: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(1024, { error: 'must be at least 1024 bytes' })
        .max(64 * 1_048_576, { error: 'must be at most 67108864 bytes' })
        .default(1_048_576)
        .describe('The largest webhook body accepted (else 413).'),
      maxBodyBytesInFlight: z
        .number({ error: 'expected a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .min(1024, { error: 'must be at least 1024 bytes' })
        .default(32 * 1_048_576)
        .describe(
          'All webhook bodies being received at once, together; past it the one arriving the longest gets 503.',
        ),
      bodyTimeoutSeconds: z
        .number({ error: 'expected a number of seconds' })
        .positive({ error: 'must be > 0 seconds' })
        .max(300, { error: 'must be at most 300 seconds' })
        .default(10)
        .describe('A webhook body must arrive whole within this long (else 408).'),
      maxConnections: count('connections')
        .default(1024)
        .describe('Open connections; past it webhooks get 503 + Retry-After (the health endpoints still answer).'),
      shutdownGraceSeconds: seconds('in-flight work gets this long to finish on SIGTERM')
        .default(25)
        .describe('In-flight work gets this long to finish on SIGTERM (seconds).'),
      investigationConcurrency: count('investigations')
        .default(2)
        .describe(
          'Investigations running at once in this process (the rest wait in memory, their alerts already stored).',
        ),
      metricsToken: z
        .string({ error: 'expected a secret string' })
        .min(16, { error: 'use at least 16 characters' })
        .optional()
        .describe('Bearer token for GET /metrics; without it /metrics is open (keep the port internal).'),
    })
    .refine((s) => s.maxBodyBytesInFlight >= s.bodyLimitBytes, {
      error: 'must be at least server.bodyLimitBytes (else a body of the largest size could never be received)',
      path: ['maxBodyBytesInFlight'],
    })
    .prefault({})
    .describe('causeway serve: the HTTP server for webhooks, health and metrics (docs/deploy.md).'),
  webhooks: z
    .strictObject({
      replayWindowSeconds: z
        .number({ error: 'expected a number of seconds' })
        .int({ error: 'must be a whole number of seconds' })
        .min(30, { error: 'must be at least 30 seconds' })
        .max(3600, { error: 'must be at most 3600 seconds' })
        .default(300)
        .describe('A signed webhook older than this (or replayed within it) is refused.'),
      alertmanager: z
        .strictObject({ token: secret('Bearer token Alertmanager sends (http_config.authorization).') })
        .prefault({}),
      grafana: z
        .strictObject({
          token: secret('Bearer token Grafana sends.'),
          hmacSecret: secret('Secret of the HMAC-SHA256 signature Grafana adds to each body.'),
          signatureHeader: z
            .string()
            .min(1)
            .default('X-Grafana-Alerting-Signature')
            .describe('The header carrying the HMAC signature.'),
          timestampHeader: z
            .string()
            .default('X-Grafana-Alerting-Timestamp')
            .describe(
              'The header carrying the signed timestamp; empty: Grafana signs the body only (no replay window).',
            ),
        })
        .prefault({}),
      pagerduty: z
        .strictObject({ secret: secret('Secret of the PagerDuty v3 webhook signature (X-PagerDuty-Signature).') })
        .prefault({}),
      datadog: z.strictObject({ token: secret('Token Datadog sends (a custom header of the webhook).') }).prefault({}),
      kibana: z.strictObject({ token: secret('Bearer token the Kibana webhook connector sends.') }).prefault({}),
      generic: z
        .strictObject({
          token: secret('Bearer token of the generic JSON webhook.'),
          hmacSecret: secret('Secret of the HMAC-SHA256 signature of the generic JSON webhook.'),
        })
        .prefault({}),
      github: z
        .strictObject({ secret: secret('Secret of the GitHub webhook signature (X-Hub-Signature-256).') })
        .prefault({}),
      argocd: z.strictObject({ token: secret('Bearer token Argo CD notifications send.') }).prefault({}),
      changes: z
        .strictObject({
          token: secret('Bearer token for POST /changes (causeway change record --server).'),
          hmacSecret: secret('Secret of the HMAC-SHA256 signature of POST /changes.'),
        })
        .prefault({}),
    })
    .prefault({})
    .describe('Alert and change webhooks: the secret each sender proves (docs/webhooks.md).'),
  ingest: z
    .strictObject({
      groupBy: z
        .array(z.string().min(1, { error: 'dimension names cannot be empty' }), {
          error: 'expected a list of dimensions: service, environment or label names',
        })
        .default(['service', 'environment'])
        .describe('Alerts sharing these dimensions (service, environment or label names) form one incident.'),
      groupWindowMinutes: minutes('alerts of one group starting within this long join one incident')
        .default(10)
        .describe('Alerts of one group starting within this many minutes join one incident.'),
    })
    .prefault({})
    .describe('How alerts are grouped into incidents.'),
  telemetry: z
    .strictObject({
      otlpEndpoint: z
        .string({ error: 'expected a URL such as http://127.0.0.1:4318/v1/traces' })
        .url({ error: 'expected a URL such as http://127.0.0.1:4318/v1/traces' })
        .optional()
        .describe("OTLP/HTTP traces endpoint for Causeway's own spans; without it no span is exported."),
      otlpHeaders: z
        .record(z.string(), z.string(), { error: 'expected header names and values' })
        .default({})
        .describe('Extra headers for the OTLP endpoint, e.g. {authorization: "Bearer …"}.'),
      serviceName: z.string().min(1).default('causeway').describe('service.name of the exported spans.'),
    })
    .prefault({})
    .describe("Causeway's own traces (OpenTelemetry)."),
  log: z
    .strictObject({
      level: z
        .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
          error: 'expected one of trace, debug, info, warn, error, fatal, silent',
        })
        .default('info')
        .describe('The least severe log level written (logs go to stderr as JSON lines).'),
    })
    .prefault({})
    .describe("Causeway's own logs."),
});

export type Config = z.infer<typeof configSchema>;
