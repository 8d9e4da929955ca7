import { resolve } from 'node:path';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { createEsClient } from '../../adapters/elasticsearch/create-es-client.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { plural } from '../../core/formats/plural.ts';
import { seedBundle } from '../elasticsearch/seed-bundle.ts';
import { seedPrometheus } from '../prometheus/seed-prometheus.ts';

const USAGE = `usage: causeway seed --bundle DIR --es URL [--trace-schema elastic-apm|otel] [--prefix P] [--replace]
       causeway seed --bundle DIR --prometheus OUT [--promtool PATH]

Loads an incident bundle into Elasticsearch with the bulk helper: logs as ECS documents into
<P>logs-causeway-default, spans into <P>traces-apm-default (Elastic APM's ECS fields) or
<P>traces-otel-default (OTel-native fields), changes into <P>causeway-changes, each index created
with explicit mappings. Then triage it with:
  causeway triage --alert DIR/alert.json --es URL [--prefix P] [--trace-schema ...]

  --bundle DIR       the incident bundle folder
  --es URL           the Elasticsearch server (default: elasticsearch.url)
  --trace-schema S   elastic-apm (default: elasticsearch.traceSchema) or otel
  --prefix P         prefix of the index names (default: none)
  --replace          delete indices of the same names first

With --prometheus, the bundle's metrics.ndjson becomes Prometheus TSDB blocks in OUT/data (made by
promtool tsdb create-blocks-from openmetrics) with a minimal OUT/prometheus.yml, and the one
prometheus command line that serves them is printed; point prometheus.url at it.

  --prometheus OUT   the folder for the blocks and the configuration
  --promtool PATH    the promtool program (default: promtool on the PATH)
`;

/** `causeway seed`: one bundle → Elasticsearch indices. */
export function buildSeedCommand(config: Readonly<Config>): CliCommand {
  return {
    name: 'seed',
    summary: COMMAND_SUMMARIES.seed,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, {
        bundle: { type: 'string' },
        es: { type: 'string' },
        'trace-schema': { type: 'string' },
        prefix: { type: 'string' },
        replace: { type: 'boolean' },
        prometheus: { type: 'string' },
        promtool: { type: 'string' },
      });
      if (!args.ok) return fail(io, `USAGE: ${args.error}`);
      const v = args.value.values;
      if (v.help) {
        io.stdout(USAGE);
        return 0;
      }
      if (typeof v.bundle !== 'string') return fail(io, 'USAGE: --bundle DIR is required');
      if (typeof v.prometheus === 'string') {
        const r = await seedPrometheus(resolve(io.cwd, v.bundle), resolve(io.cwd, v.prometheus), {
          promtool: typeof v.promtool === 'string' ? v.promtool : 'promtool',
          maxLineBytes: config.sources.maxLineBytes,
        });
        if (!r.ok) return fail(io, `${r.error.code}: ${r.error.message}`, 1);
        io.stdout(r.value);
        return 0;
      }
      const url = typeof v.es === 'string' ? v.es : config.elasticsearch.url;
      if (!url) return fail(io, 'USAGE: --es URL is required (or set elasticsearch.url)');
      const schema = v['trace-schema'] ?? config.elasticsearch.traceSchema;
      if (schema !== 'elastic-apm' && schema !== 'otel')
        return fail(io, `USAGE: --trace-schema must be elastic-apm or otel, not ${JSON.stringify(schema)}`);
      const prefix = typeof v.prefix === 'string' ? v.prefix : '';
      const client = createEsClient({
        url,
        apiKey: config.elasticsearch.apiKey,
        requestTimeoutMs: Math.max(60_000, config.elasticsearch.requestTimeoutSeconds * 1000),
      });
      try {
        const r = await seedBundle(client, resolve(io.cwd, v.bundle), {
          url,
          prefix,
          schema,
          replace: v.replace === true,
          maxLineBytes: config.sources.maxLineBytes,
        });
        if (!r.ok) return fail(io, `${r.error.code}: ${r.error.message}`, 1);
        const { names, counts } = r.value;
        io.stdout(
          `${names.logs}: ${plural(counts.logs, 'log')}\n${names.traces}: ${plural(counts.spans, 'span')} (${schema})\n${names.changes}: ${plural(counts.changes, 'change')}\n`,
        );
        return 0;
      } finally {
        await client.close();
      }
    },
  };
}

function fail(io: { stderr: (s: string) => void }, message: string, code = 2): number {
  io.stderr(`causeway seed: ${message}\n`);
  return code;
}
