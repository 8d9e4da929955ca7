import { resolve } from 'node:path';
import { writeTimelineChart } from '../../adapters/charts/write-timeline-chart.ts';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { renderReportText } from '../../adapters/cli/render-report-text.ts';
import { ES_TRIAGE_OPTIONS, esOverrides } from '../../adapters/elasticsearch/es-triage-options.ts';
import { linkEvidence } from '../../adapters/elasticsearch/link-evidence.ts';
import { openBundle } from '../../adapters/files/open-bundle.ts';
import { investigateCase } from '../../app/investigate-case.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { triageReportJson } from '../../core/formats/triage-report-json.ts';
import { openEsCase } from '../elasticsearch/open-es-case.ts';

const USAGE = `usage: causeway triage --bundle DIR [--json] [--chart FILE]
       causeway triage --alert FILE --es URL [--prefix P] [--trace-schema elastic-apm|otel] [--json] [--chart FILE]

Triages the incident in a bundle folder (alert.json + logs.ndjson, traces.ndjson, metrics.ndjson, changes.json;
see docs/incident-bundle.md) and prints the ranked root-cause hypotheses with evidence.

  --bundle DIR   the incident bundle folder
  --json         print the JSON of the bundle spec instead of the readable report
  --chart FILE   also write the incident timeline chart (the PNG the Slack app posts) to FILE
  --alert FILE   triage this alert (Alertmanager webhook JSON) from Elasticsearch instead
  --es URL       the Elasticsearch server (default: elasticsearch.url); see docs/elasticsearch.md
  --prefix P     read the indices \`causeway seed --prefix P\` wrote (<P>logs-*, <P>traces-*, <P>causeway-changes)
  --trace-schema elastic-apm (default: elasticsearch.traceSchema) or otel
`;

/** `causeway triage`: one bundle → ranked hypotheses (readable, or the spec's JSON). */
export function buildTriageCommand(config: Readonly<Config>): CliCommand {
  return {
    name: 'triage',
    summary: COMMAND_SUMMARIES.triage,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, {
        bundle: { type: 'string' },
        json: { type: 'boolean' },
        chart: { type: 'string' },
        ...ES_TRIAGE_OPTIONS,
      });
      if (!args.ok) return fail(io, `USAGE: ${args.error}`);
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const dir = args.value.values.bundle;
      const alertFile = args.value.values.alert;
      const es = esOverrides(args.value.values);
      if (!es.ok) return fail(io, `USAGE: ${es.error}`);
      if (typeof dir !== 'string' && typeof alertFile !== 'string')
        return fail(io, 'USAGE: --bundle DIR (or --alert FILE --es URL) is required');
      const esCase =
        typeof alertFile === 'string' ? await openEsCase(config, resolve(io.cwd, alertFile), es.value) : undefined;
      const bundle =
        esCase ??
        (await openBundle(resolve(io.cwd, dir as string), config.triage.serviceLabels, config.sources.maxLineBytes));
      if (!bundle.ok)
        return fail(io, `${bundle.error.code}: ${bundle.error.message}`, bundle.error.code === 'USAGE' ? 2 : 1);
      const b = bundle.value;
      const investigated = await investigateCase(b, { options: investigateOptionsFromConfig(config) }).finally(() =>
        esCase?.ok ? esCase.value.close() : undefined,
      );
      const report = esCase?.ok ? linkEvidence(investigated, esCase.value.settings) : investigated;
      for (const s of Object.values(report.sources)) {
        // A malformed bundle is an error, not a gap: nothing may be silently dropped.
        if (s.state === 'failed' && s.code === 'INPUT_INVALID') return fail(io, `INPUT_INVALID: ${s.detail}`, 1);
      }
      const json = args.value.values.json === true;
      io.stdout(json ? `${JSON.stringify(triageReportJson(report), null, 2)}\n` : renderReportText(report));
      const chartArg = args.value.values.chart;
      if (typeof chartArg !== 'string') return 0;
      // Where the chart went is said on stderr with --json, so stdout stays one JSON document.
      const say = json ? io.stderr : io.stdout;
      const path = resolve(io.cwd, chartArg);
      const chart = await writeTimelineChart(report, path, { files: config.charts.fontFiles, cwd: io.cwd });
      if (chart.kind === 'failed') return fail(io, `USAGE: cannot write the chart to ${path}: ${chart.message}`);
      if (chart.kind === 'bad-fonts') return fail(io, chart.message);
      say(
        chart.kind === 'written'
          ? `causeway triage: wrote the timeline chart to ${path} (PNG, ${chart.bytes} bytes)\n`
          : `causeway triage: no timeline chart: the triage has no series for the implicated services (${path} not written)\n`,
      );
      return 0;
    },
  };
}

function fail(io: { stderr: (s: string) => void }, message: string, code = 2): number {
  io.stderr(`causeway triage: ${message}\n`);
  return code;
}
