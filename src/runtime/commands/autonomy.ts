import type { CliCommand, CliIo } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { formatRunbookProblem } from '../../adapters/runbooks/format-runbook-problem.ts';
import { loadCatalogForCli } from '../../adapters/runbooks/load-catalog-for-cli.ts';
import { reportAutonomy } from '../../app/autonomy/report-autonomy.ts';
import { autonomySettingsFromConfig } from '../../core/autonomy/autonomy-settings-from-config.ts';
import { autonomyReportJson, autonomyReportLines } from '../../core/autonomy/format-autonomy-report.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway autonomy report [--json] [--dir DIR] [--db URL]

Earned autonomy (docs/autonomy.md): per runbook, the incidents it was in shadow for, how many
were scored (people acted), its agreement with what people approved and ran, its precision, and
whether it may run by itself — if not, why not — and the pauses in force. --json prints one JSON
document. The runbooks come from --dir (else runbooks.dir), the records from --db (else storage.url).
`;

const fail = (io: CliIo, message: string, code: number) => {
  io.stderr(`causeway autonomy: ${message}\n`);
  return code;
};

/** `causeway autonomy report`: each runbook's shadow track record and eligibility. */
export function buildAutonomyCommand(runtime: Runtime): CliCommand {
  const { config } = runtime;
  return {
    name: 'autonomy',
    summary: COMMAND_SUMMARIES.autonomy,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(
        argv,
        { json: { type: 'boolean' }, dir: { type: 'string' }, db: { type: 'string' } },
        true,
      );
      if (!args.ok) return fail(io, `USAGE: ${args.error} (see --help)`, 2);
      const { values, positionals } = args.value;
      if (values.help) {
        io.stdout(USAGE);
        return 0;
      }
      if (positionals[0] !== 'report' || positionals.length > 1)
        return fail(io, 'USAGE: causeway autonomy report [--json] (see --help)', 2);
      const loaded = await loadCatalogForCli(
        config,
        io.cwd,
        typeof values.dir === 'string' ? values.dir : undefined,
        true,
      );
      if (!loaded.ok) {
        for (const p of loaded.error) io.stderr(`${formatRunbookProblem(p)}\n`);
        return fail(io, `RUNBOOK_INVALID: ${loaded.error.length} problem(s)`, 2);
      }
      const db = typeof values.db === 'string' ? values.db : config.storage.url;
      const opened = await runtime.openStorageAt(db, { create: false });
      if (!opened.ok) return fail(io, `${opened.error.code}: ${opened.error.message}`, 3);
      try {
        const { standings, pauses } = await reportAutonomy({
          autonomy: opened.value.autonomy,
          catalog: loaded.value.catalog,
          settings: autonomySettingsFromConfig(config.autonomy),
        });
        if (values.json) io.stdout(`${JSON.stringify(autonomyReportJson(standings, pauses), null, 2)}\n`);
        else io.stdout(`${autonomyReportLines(standings, pauses).join('\n')}\n`);
        return 0;
      } finally {
        await opened.value.close();
      }
    },
  };
}
