import { resolve } from 'node:path';
import { investigate } from '../../../app/investigate.ts';
import { investigateOptionsFromConfig } from '../../../app/investigate-options-from-config.ts';
import type { Config } from '../../../core/config/config-schema.ts';
import { triageReportJson } from '../../../core/formats/triage-report-json.ts';
import { openBundle } from '../../files/open-bundle.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { renderReportText } from '../render-report-text.ts';

const USAGE = `usage: causeway triage --bundle DIR [--json]

Triages the incident in a bundle folder (alert.json + logs.ndjson, traces.ndjson, changes.json;
see shared/specs/incident-bundle.md) and prints the ranked root-cause hypotheses with evidence.

  --bundle DIR   the incident bundle folder
  --json         print the JSON of the bundle spec instead of the readable report
`;

/** `causeway triage`: one bundle → ranked hypotheses (readable, or the spec's JSON). */
export function buildTriageCommand(config: Readonly<Config>): CliCommand {
  return {
    name: 'triage',
    summary: 'triage one incident bundle and print the ranked hypotheses',
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, { bundle: { type: 'string' }, json: { type: 'boolean' } });
      if (!args.ok) return fail(io, `USAGE: ${args.error}`);
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const dir = args.value.values.bundle;
      if (typeof dir !== 'string') return fail(io, 'USAGE: --bundle DIR is required');
      const bundle = await openBundle(resolve(io.cwd, dir), config.triage.serviceLabels);
      if (!bundle.ok) return fail(io, `${bundle.error.code}: ${bundle.error.message}`, 1);
      const b = bundle.value;
      const report = await investigate(
        { logs: b.logs, traces: b.traces, changes: b.changes, options: investigateOptionsFromConfig(config) },
        b.alerts,
        b.asOf,
      );
      for (const s of Object.values(report.sources)) {
        // A malformed bundle is an error, not a gap: nothing may be silently dropped.
        if (s.state === 'failed' && s.code === 'INPUT_INVALID') return fail(io, `INPUT_INVALID: ${s.detail}`, 1);
      }
      io.stdout(
        args.value.values.json ? `${JSON.stringify(triageReportJson(report), null, 2)}\n` : renderReportText(report),
      );
      return 0;
    },
  };
}

function fail(io: { stderr: (s: string) => void }, message: string, code = 2): number {
  io.stderr(`causeway triage: ${message}\n`);
  return code;
}
